import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { runReport, type ReportScope } from './scope.js';

// A sign-in reads a new update when something new reached one of the victim's cases after their
// previous sign-in and at most `days` days before this one: a victim-visible event on the
// timeline (not the report itself, which the victim made) or an officer's message. Times are
// when the update reached the portal (created_at). One pass per victim: sign-ins and updates in
// time order, carrying the newest update and the previous sign-in forward. Sign-ins and updates
// from `days` before the period are read too, since they decide the period's first sign-ins.
const signInsReadingNewUpdate = statement(
  'report_sign_ins_reading_new_update',
  `with moments as (
     select victim_id, created_at as at, 1 as sign_in
     from sessions
     where force_id = :forceId and created_at >= cast(:lookback as timestamptz) and created_at < cast(:end as timestamptz)
     union all
     select c.victim_id, e.created_at, 0
     from case_events e join cases c on c.force_id = e.force_id and c.id = e.case_id
     where e.force_id = :forceId and e.victim_visible and e.event_type <> 'report_received' and not c.hidden_from_victim
       and e.created_at >= cast(:lookback as timestamptz) and e.created_at < cast(:end as timestamptz)
     union all
     select c.victim_id, m.created_at, 0
     from messages m join cases c on c.force_id = m.force_id and c.id = m.case_id
     where m.force_id = :forceId and m.author_type = 'officer' and not c.hidden_from_victim
       and m.created_at >= cast(:lookback as timestamptz) and m.created_at < cast(:end as timestamptz)
   ),
   ordered as (
     select sign_in, at,
            max(at) filter (where sign_in = 0) over (partition by victim_id order by at, sign_in rows between unbounded preceding and current row) as newest_update,
            max(at) filter (where sign_in = 1) over (partition by victim_id order by at, sign_in rows between unbounded preceding and 1 preceding) as previous_sign_in
     from moments
   )
   select cast(count(*) as integer) as sign_ins
   from ordered
   where sign_in = 1 and at >= cast(:start as timestamptz)
     and newest_update > coalesce(previous_sign_in, cast('-infinity' as timestamptz))
     and newest_update >= at - cast(:days as integer) * interval '1 day'`,
);

/** @returns how many of the period's sign-ins read an update that was new to the victim, within `days` days of it */
export async function signInsReadingNewUpdates(db: Knex, scope: ReportScope, days: number): Promise<number> {
  const lookback = new Date(Date.parse(scope.start) - days * 86_400_000).toISOString();
  const [row] = await runReport<{ sign_ins: number }>(db, signInsReadingNewUpdate, scope, { lookback, days });
  return row?.sign_ins ?? 0;
}
