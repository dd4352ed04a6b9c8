import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { runReport, type ReportScope } from './scope.js';

export interface SignInRow {
  dimension: 'week' | 'offence';
  /** The week's number in the period, from 1 (null for an offence row). */
  week: number | null;
  /** The offence of the victim's newest case when they signed in (null for a week row, or for no case). */
  offence_code: string | null;
  sign_ins: number;
  /** Distinct victims who signed in in the week (its part in the period). */
  victims: number;
  /** Of the period's distinct victims, those whose first sign-in in the period was in this row. */
  victims_in_period: number;
  /** Sign-ins that read an update new to the victim, at most `days` days old. */
  reading_update: number;
}

// A sign-in is a session started (by an invite or a sign-in link). Each session notes, as it is
// written (migration 0014), the victim's previous sign-in, the newest update that reached them
// since, and the offence of their newest case then. So, from one pass over the period's sessions:
// a victim counts once in a week (or the period) at their first sign-in in it, the one whose
// previous sign-in was before the week (or the period) began; and a sign-in read a new update
// when one reached the victim since their previous sign-in, at most `days` days before this one.
// :bounds are the instants each week of the period starts at (the first: the period's start).
const signIns = statement(
  'report_sign_ins',
  `with signed_in as (
     select width_bucket(created_at, cast(:bounds as timestamptz[])) as week, created_at, previous_sign_in_at, newest_update_at, newest_offence_code
     from sessions
     where force_id = :forceId and created_at >= cast(:start as timestamptz) and created_at < cast(:end as timestamptz)
   )
   select case when grouping(week) = 0 then 'week' else 'offence' end as dimension,
          week, newest_offence_code as offence_code,
          cast(count(*) as integer) as sign_ins,
          cast(count(*) filter (where previous_sign_in_at is null or previous_sign_in_at < (cast(:bounds as timestamptz[]))[week]) as integer) as victims,
          cast(count(*) filter (where previous_sign_in_at is null or previous_sign_in_at < cast(:start as timestamptz)) as integer) as victims_in_period,
          cast(count(*) filter (where newest_update_at >= created_at - cast(:days as integer) * interval '1 day') as integer) as reading_update
   from signed_in
   group by grouping sets ((week), (newest_offence_code))`,
);

/**
 * @param weekStarts the instant each of the period's weeks starts at within it, in order
 * @returns sign-ins, distinct victims and sign-ins reading a new update, by week of the period and by offence
 */
export function signInFigures(db: Knex, scope: ReportScope, weekStarts: readonly Date[], days: number): Promise<SignInRow[]> {
  // An array literal, read once as the statement's timestamptz[] parameter (pg and PGlite alike).
  const bounds = `{${weekStarts.map((start) => start.toISOString()).join(',')}}`;
  return runReport<SignInRow>(db, signIns, scope, { bounds, days });
}
