import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { runReport, type ReportScope } from './scope.js';

// A sign-in reads a new update when something new reached one of the victim's cases after their
// previous sign-in and at most `days` days before this one: a victim-visible event on the
// timeline (not the report itself, which the victim made) or an officer's message, on a case the
// victim may see. Times are when the update reached the portal (created_at).
//
// One pass per victim: their sign-ins and updates in time order (an update at the same instant
// as a sign-in comes first). A sign-in reads a new update exactly when the row just before it is
// an update (then the newest update came after the previous sign-in) of at most `days` before.
// Rows from `days` before the period are read too, since they decide its first sign-ins; updates
// only on the cases of victims who signed in during the period (those cases are picked first, so
// that each update is matched once, by hash), since joining and sorting rows is the cost.
const signInsReadingNewUpdate = statement(
  'report_sign_ins_reading_new_update',
  `with updates as (
     select case_id, created_at from case_events
     where force_id = :forceId and victim_visible and event_type <> 'report_received'
       and created_at >= cast(:lookback as timestamptz) and created_at < cast(:end as timestamptz)
     union all
     select case_id, created_at from messages
     where force_id = :forceId and author_type = 'officer'
       and created_at >= cast(:lookback as timestamptz) and created_at < cast(:end as timestamptz)
   ),
   moments as (
     select victim_id, created_at as at, 1 as sign_in from sessions
     where force_id = :forceId and created_at >= cast(:lookback as timestamptz) and created_at < cast(:end as timestamptz)
     union all
     select c.victim_id, u.created_at, 0
     from updates u join (
       select id, victim_id from cases
       where force_id = :forceId and not hidden_from_victim and victim_id in (
         select victim_id from sessions
         where force_id = :forceId and created_at >= cast(:start as timestamptz) and created_at < cast(:end as timestamptz)
       )
     ) c on c.id = u.case_id
   ),
   ordered as (
     select sign_in, at, lag(sign_in) over w as before_kind, lag(at) over w as before_at
     from moments
     window w as (partition by victim_id order by at, sign_in)
   )
   select cast(count(*) as integer) as sign_ins
   from ordered
   where sign_in = 1 and at >= cast(:start as timestamptz)
     and before_kind = 0 and before_at >= at - cast(:days as integer) * interval '1 day'`,
);

/** @returns how many of the period's sign-ins read an update that was new to the victim, within `days` days of it */
export async function signInsReadingNewUpdates(db: Knex, scope: ReportScope, days: number): Promise<number> {
  const lookback = new Date(Date.parse(scope.start) - days * 86_400_000).toISOString();
  const [row] = await runReport<{ sign_ins: number }>(db, signInsReadingNewUpdate, scope, { lookback, days });
  return row?.sign_ins ?? 0;
}
