import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, weekOf, weekText, type ReportScope } from './scope.js';

export interface SignInRow {
  dimension: 'total' | 'week' | 'offence';
  /** The week's Monday, or the offence code of the victims' newest case; null for the total. */
  key: string | null;
  sign_ins: number;
  victims: number;
}

// A sign-in is a session started (by an invite or a sign-in link). For crime-type groups, a
// victim's sign-ins count under their newest case (by when it was reported), since a session
// belongs to the victim, not to one case. The victims' sessions are grouped in a subquery, not a
// CTE, so that the planner knows how many there are and joins their cases in one pass rather
// than looking each victim up; the period's totals come from that grouping.
const signIns = statement(
  'report_sign_ins',
  `with weeks as (
     select ${weekOf('created_at')} as week, count(*) as sign_ins, count(distinct victim_id) as victims
     from sessions where force_id = :forceId and ${inPeriod('created_at')}
     group by 1
   ),
   newest_case as (
     select distinct on (v.victim_id) v.sign_ins, c.offence_code
     from (select victim_id, count(*) as sign_ins from sessions where force_id = :forceId and ${inPeriod('created_at')} group by victim_id) v
     left join cases c on c.force_id = :forceId and c.victim_id = v.victim_id
     order by v.victim_id, c.reported_at desc, c.created_at desc
   )
   select 'total' as dimension, null as key, cast(coalesce(sum(sign_ins), 0) as integer) as sign_ins, cast(count(*) as integer) as victims
   from newest_case
   union all
   select 'week', ${weekText('week')}, cast(sign_ins as integer), cast(victims as integer)
   from weeks
   union all
   select 'offence', offence_code, cast(sum(sign_ins) as integer), cast(count(*) as integer)
   from newest_case group by offence_code`,
);

/** @returns sign-ins and distinct victims in the period: in total, by week, and by the offence of each victim's newest case */
export function signInFigures(db: Knex, scope: ReportScope): Promise<SignInRow[]> {
  return runReport<SignInRow>(db, signIns, scope);
}
