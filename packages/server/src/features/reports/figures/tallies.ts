import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { runReport, type ReportScope } from './scope.js';

/** The figures kept in usage_tallies by day (migration 0014 defines each from its rows). */
export type TallyFigure = 'invite_sent' | 'invite_redeemed' | 'case' | 'notification_sent' | 'notification_failed' | 'duty' | 'duty_met';

/**
 * A figure summed over the period by one grouping: the week (its Monday), the key (an invite's
 * or a notification's channel, a case's offence code), the detail (an invite's offence code, a
 * case's reason for no invite: '' when eligible), or the key and detail together.
 */
export interface TallyRow {
  dimension: 'week' | 'key' | 'detail' | 'key_detail';
  figure: TallyFigure;
  key: string | null;
  detail: string | null;
  week: string | null;
  n: number;
}

// The period's days from the tallies, grouped four ways. Deadlines are due once passed: the
// tallies give the days before today (UK), whose deadlines have all passed; today's come from
// the rows, those passed by now (later days have none due).
const tallied = statement(
  'report_tallies',
  `with today as (select cast(now() at time zone 'Europe/London' as date) as day),
   days as (
     select t.figure, t.key, t.detail, to_char(date_trunc('week', cast(t.day as timestamp)), 'YYYY-MM-DD') as week, t.n
     from usage_tallies t cross join today
     where t.force_id = :forceId and t.day >= cast(:from as date) and t.day <= cast(:to as date)
       and (t.figure not in ('duty', 'duty_met') or t.day < today.day)
     union all
     select f.figure, '', '', to_char(date_trunc('week', cast(today.day as timestamp)), 'YYYY-MM-DD'), 1
     from case_events e cross join today
     cross join lateral (values ('duty', true), ('duty_met', e.told_at is not null and e.told_at <= e.due_by)) f (figure, counted)
     where e.force_id = :forceId and e.due_by is not null and f.counted
       and e.due_by >= greatest(cast(:start as timestamptz), cast(today.day as timestamp) at time zone 'Europe/London')
       and e.due_by < least(cast(:end as timestamptz), now())
   )
   select case when grouping(week) = 0 then 'week'
               when grouping(key) = 0 and grouping(detail) = 0 then 'key_detail'
               when grouping(key) = 0 then 'key' else 'detail' end as dimension,
          figure, key, detail, week, cast(sum(n) as integer) as n
   from days
   group by grouping sets ((figure, week), (figure, key), (figure, detail), (figure, key, detail))`,
);

/** @returns the tallied figures of the period: invites, cases by eligibility, notifications, telling duties */
export function talliedFigures(db: Knex, scope: ReportScope, from: string, to: string): Promise<TallyRow[]> {
  return runReport<TallyRow>(db, tallied, scope, { from, to });
}
