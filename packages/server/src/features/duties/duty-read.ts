import type { Knex } from 'knex';
import type { CaseEventType, Duty, Rank } from '@victim-portal/contract';
import { absenceColumns, coverJoin, toOfficerInCharge, type AbsenceRow } from '../officers/absence.js';

type OicAbsenceRow = { [Key in keyof AbsenceRow as `oic_${Key}`]: AbsenceRow[Key] | null };

interface DutyRow extends OicAbsenceRow {
  kind: Duty['kind'];
  case_id: string;
  crime_reference: string;
  event_id: string | null;
  event_type: CaseEventType | null;
  referral_id: string | null;
  due_by: Date;
  overdue: boolean;
  oic_collar_number: string | null;
  oic_display_name: string | null;
  oic_rank: Rank | null;
}

/** Which open duties to read. */
export interface DutyFilter {
  forceId: string;
  overdueOnly?: boolean;
  dueBefore?: Date;
  collarNumber?: string;
  eventId?: string;
  referralId?: string;
  limit: number;
}

// The two kinds of duty as one relation: untold key decisions the victim sees, and referrals
// not yet made. Both read the case's officer in charge with their absence, as the case does.
const openDuties = `
  select 'tell_victim' as kind, e.force_id, e.case_id, e.id as event_id, e.event_type, cast(null as uuid) as referral_id, e.due_by
  from case_events e
  where e.force_id = :forceId and e.due_by is not null and e.told_at is null
  union all
  select 'support_referral', r.force_id, r.case_id, null, null, r.id, r.due_by
  from support_referrals r
  where r.force_id = :forceId and r.referred_at is null`;

/**
 * The force's open duties, soonest due first; `overdue` judged by the database's clock.
 * @returns the duties and the time they were judged at
 */
export async function readOpenDuties(db: Knex | Knex.Transaction, filter: DutyFilter): Promise<{ asOf: Date; items: Duty[] }> {
  const conditions: string[] = [];
  const bindings: Record<string, unknown> = { forceId: filter.forceId, limit: filter.limit };
  if (filter.overdueOnly) conditions.push('d.due_by < now()');
  if (filter.dueBefore) {
    conditions.push('d.due_by < cast(:dueBefore as timestamptz)');
    bindings['dueBefore'] = filter.dueBefore.toISOString();
  }
  if (filter.collarNumber) {
    conditions.push('o.collar_number = :collarNumber');
    bindings['collarNumber'] = filter.collarNumber;
  }
  if (filter.eventId) {
    conditions.push('d.event_id = cast(:eventId as uuid)');
    bindings['eventId'] = filter.eventId;
  }
  if (filter.referralId) {
    conditions.push('d.referral_id = cast(:referralId as uuid)');
    bindings['referralId'] = filter.referralId;
  }
  const { rows } = await db.raw<{ rows: (DutyRow & { as_of: Date })[] }>(
    `select d.kind, d.case_id, c.crime_reference, d.event_id, d.event_type, d.referral_id, d.due_by,
       d.due_by < now() as overdue, now() as as_of,
       o.collar_number as oic_collar_number, o.display_name as oic_display_name, o.rank as oic_rank,
       ${absenceColumns('o', 'oc', 'oic_')}
     from (${openDuties}) d
     join cases c on c.force_id = d.force_id and c.id = d.case_id
     left join officers o on o.force_id = c.force_id and o.id = c.oic_officer_id ${coverJoin('o', 'oc')}
     ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
     order by d.due_by, d.kind, coalesce(d.event_id, d.referral_id)
     limit cast(:limit as integer)`,
    bindings,
  );
  let asOf = rows[0]?.as_of;
  if (!asOf) {
    const { rows: clock } = await db.raw<{ rows: { now: Date }[] }>('select now() as now');
    asOf = (clock[0] as { now: Date }).now;
  }
  return { asOf, items: rows.map(toDuty) };
}

function toDuty(row: DutyRow): Duty {
  const duty: Duty = {
    kind: row.kind,
    caseId: row.case_id,
    crimeReference: row.crime_reference,
    officerInCharge: toOfficerInCharge(row, 'oic_'),
    dueBy: row.due_by.toISOString(),
    overdue: row.overdue,
  };
  if (row.event_id) duty.eventId = row.event_id;
  if (row.event_type) duty.eventType = row.event_type;
  if (row.referral_id) duty.referralId = row.referral_id;
  return duty;
}

/** @returns one duty if it is still open (not done), else undefined */
export async function readOpenDuty(db: Knex | Knex.Transaction, forceId: string, which: { eventId?: string; referralId?: string }): Promise<Duty | undefined> {
  if (!which.eventId && !which.referralId) return undefined;
  const { items } = await readOpenDuties(db, { forceId, ...which, limit: 1 });
  return items[0];
}
