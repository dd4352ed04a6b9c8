import type { Knex } from 'knex';
import { databaseKind } from '../../../db/connection.js';
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

/** SQL: the start of the UK week (Monday 00:00, local time) a timestamptz column falls in; group by it, then format with {@link weekText}. */
export const weekOf = (column: string) => `date_trunc('week', ${column} at time zone 'Europe/London')`;

/** SQL: a week from {@link weekOf} as its Monday, YYYY-MM-DD (done once per week, not per row). */
export const weekText = (week: string) => `to_char(${week}, 'YYYY-MM-DD')`;

/**
 * @returns the rows of a report statement, bound to the scope (and any further values). On
 * PostgreSQL in a read-only transaction of its own with JIT off (compiling a year's aggregate
 * cost a third of a second, more than it saved) and room to sort in memory.
 */
export function runReport<Row>(db: Knex, sql: Statement, scope: ReportScope, values: Record<string, unknown> = {}): Promise<Row[]> {
  const bound = { ...scope, ...values };
  if (databaseKind(db) === 'pglite') return runStatement<Row>(db, sql, bound);
  return db.transaction(
    async (trx) => {
      await trx.raw("set local jit = off; set local work_mem = '64MB'");
      return runStatement<Row>(trx as unknown as Knex, sql, bound);
    },
    { readOnly: true },
  );
}
