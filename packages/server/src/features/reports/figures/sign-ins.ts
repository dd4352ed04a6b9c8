import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, weekOf, type ReportScope } from './scope.js';

export interface SignInRow {
  dimension: 'total' | 'week' | 'offence';
  /** The week's Monday, or the offence code of the victims' newest case; null for the total. */
  key: string | null;
  sign_ins: number;
  victims: number;
}

// A sign-in is a session started (by an invite or a sign-in link). For crime-type groups, a
// victim's sign-ins count under their newest case (by when it was reported), since a session
// belongs to the victim, not to one case.
const signIns = statement(
  'report_sign_ins',
  `with signed_in as (
     select victim_id, created_at from sessions where force_id = :forceId and ${inPeriod('created_at')}
   ),
   per_victim as (
     select victim_id, count(*) as sign_ins from signed_in group by victim_id
   )
   select 'total' as dimension, null as key, cast(count(*) as integer) as sign_ins, cast(count(distinct victim_id) as integer) as victims
   from signed_in
   union all
   select 'week', ${weekOf('created_at')}, cast(count(*) as integer), cast(count(distinct victim_id) as integer)
   from signed_in group by 2
   union all
   select 'offence', newest.offence_code, cast(sum(v.sign_ins) as integer), cast(count(*) as integer)
   from per_victim v
   left join lateral (
     select c.offence_code from cases c
     where c.force_id = :forceId and c.victim_id = v.victim_id
     order by c.reported_at desc, c.created_at desc limit 1
   ) newest on true
   group by newest.offence_code`,
);

/** @returns sign-ins and distinct victims in the period: in total, by week, and by the offence of each victim's newest case */
export function signInFigures(db: Knex, scope: ReportScope): Promise<SignInRow[]> {
  return runReport<SignInRow>(db, signIns, scope);
}
