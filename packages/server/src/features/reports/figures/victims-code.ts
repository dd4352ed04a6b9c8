import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, weekOf, weekText, type ReportScope } from './scope.js';

export interface TellingWeekRow {
  /** The Monday of the week the deadlines fell in. */
  week: string;
  due: number;
  met: number;
}

// Telling the victim of key decisions, counted as GET /v1/reports/victims-code-compliance
// counts them (features/duties/compliance.ts): a duty whose deadline fell in the period and
// has passed is due; met when the victim was told at or before it.
const tellingByWeek = statement(
  'report_victims_code',
  `select ${weekText('week')} as week, due, met
   from (
     select ${weekOf('due_by')} as week,
            cast(count(*) filter (where due_by < now()) as integer) as due,
            cast(count(*) filter (where due_by < now() and told_at is not null and told_at <= due_by) as integer) as met
     from case_events
     where force_id = :forceId and ${inPeriod('due_by')}
     group by 1
   ) weeks`,
);

/** @returns the telling duties due and met, by the week their deadline fell in */
export function victimsCodeFigures(db: Knex, scope: ReportScope): Promise<TellingWeekRow[]> {
  return runReport<TellingWeekRow>(db, tellingByWeek, scope);
}
