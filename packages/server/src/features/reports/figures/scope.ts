import type { Knex } from 'knex';
import { runStatement, type Statement } from '../../../db/statement.js';
import type { ReportPeriod } from '../period.js';

/** What every report query is bound to: one force, and the period's instants [start, end). */
export interface ReportScope {
  forceId: string;
  start: string;
  end: string;
}

/** @returns the scope of a force's report over a period */
export function reportScope(forceId: string, period: ReportPeriod): ReportScope {
  return { forceId, start: period.start.toISOString(), end: period.end.toISOString() };
}

/** SQL: whether a timestamptz column falls in the period. */
export const inPeriod = (column: string) => `${column} >= cast(:start as timestamptz) and ${column} < cast(:end as timestamptz)`;

/** SQL: the Monday (YYYY-MM-DD) of the UK week a timestamptz column falls in. */
export const weekOf = (column: string) => `to_char(date_trunc('week', ${column} at time zone 'Europe/London'), 'YYYY-MM-DD')`;

/** @returns the rows of a report statement, bound to the scope (and any further values) */
export function runReport<Row>(db: Knex, sql: Statement, scope: ReportScope, values: Record<string, unknown> = {}): Promise<Row[]> {
  return runStatement<Row>(db, sql, { ...scope, ...values });
}
