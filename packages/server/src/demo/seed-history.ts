import type { Knex } from 'knex';
import type { CaseEventCreate, CrimeReportInput } from '@victim-portal/contract';
import type { ForceActor } from '../auth/credentials.js';
import { updateCase } from '../features/cases/store.js';
import { createCaseEvent } from '../features/timeline/events-store.js';
import { serviceEventTypes } from '../features/timeline/vocabulary.js';

/** A time this long before now, as the records system would send it. */
export function before(days: number, hours = 0): string {
  return new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();
}

/** What a demo case has been through, told in the order a records system would post it. */
export interface DemoHistory {
  crimeReport: CrimeReportInput;
  /** Posted in order, each as `POST /v1/cases/{caseId}/events` would be. */
  events: () => CaseEventCreate[];
}

/**
 * The demo cases' histories, by crime reference. Times are relative to the first start, so
 * deadlines land as described: KM/24/0012345 has a release under investigation from two days
 * ago not yet told (pending: the victim is told when they open their timeline);
 * KM/24/0012388 ends in no further action after an interview (the Right to Review shows);
 * KM/24/0012429 has enhanced rights (1 working day), every decision told in time;
 * KM/24/0012417's charge was never told (overdue: the duties list has something on it).
 */
export const demoHistories: Record<string, DemoHistory> = {
  'KM/24/0012345': {
    crimeReport: {
      account: 'I came home from work at about 6pm and found the back door had been forced. My laptop, a silver watch that was my father’s and about £200 in cash had been taken from the front room and the main bedroom. A neighbour saw a dark grey car parked outside in the afternoon.',
      incidentFrom: before(16, 10),
      incidentUntil: before(16, 1),
      location: 'My home, Orchard Way, Kingsmoor',
    },
    events: () => [
      { type: 'crime_allocated', occurredAt: before(15, 20) },
      { type: 'suspect_identified', occurredAt: before(9) },
      { type: 'suspect_arrested', occurredAt: before(4, 6), told: { toldAt: before(4, 3), method: 'phone' } },
      { type: 'suspect_interviewed', occurredAt: before(4, 1), told: { toldAt: before(3, 22), method: 'phone' } },
      {
        type: 'released_under_investigation',
        occurredAt: before(2),
        officerText: 'The man we arrested has been released while we examine the doorbell camera footage and the forensic results. He has been told not to contact you.',
      },
    ],
  },
  'KM/24/0012388': {
    crimeReport: {
      account: 'My car, a blue hatchback, was parked on the street outside my house overnight. When I went out at 7am it had gone. I still have both keys. There was broken glass on the road where it had been.',
      incidentFrom: before(31, 12),
      incidentUntil: before(30, 1),
      location: 'Outside my home, Heol y Felin, Eastgate',
    },
    events: () => [
      { type: 'crime_allocated', occurredAt: before(29, 20) },
      { type: 'suspect_identified', occurredAt: before(20) },
      { type: 'suspect_arrested', occurredAt: before(18, 4), told: { toldAt: before(18, 2), method: 'phone' } },
      { type: 'suspect_interviewed', occurredAt: before(18, 1), told: { toldAt: before(17, 23), method: 'phone' } },
      {
        type: 'no_further_action',
        occurredAt: before(10),
        officerText: 'The street camera footage does not show the driver’s face clearly enough to prove who took your car. If new evidence comes to light we will look at this again.',
        told: { toldAt: before(8), method: 'letter' },
      },
    ],
  },
  'KM/24/0012402': {
    crimeReport: {
      account: 'Someone scratched the paintwork along the driver’s side of my car and snapped off the wing mirror while it was parked during the day.',
      incidentFrom: before(1, 10),
      incidentUntil: before(1, 1),
      location: 'Kingsmoor station car park',
    },
    events: () => [],
  },
  'KM/24/0012429': {
    crimeReport: {
      account: 'My ex-partner came to my flat and pushed me against the door frame during an argument. I have a bruise on my arm. I called 999 after they left.',
      incidentFrom: before(8, 1),
      location: 'My flat',
    },
    events: () => [
      { type: 'suspect_arrested', occurredAt: before(7, 22), told: { toldAt: before(7, 21), method: 'in_person' } },
      { type: 'suspect_interviewed', occurredAt: before(7, 12), told: { toldAt: before(7, 10), method: 'phone' } },
      {
        type: 'released_on_bail',
        occurredAt: before(7, 8),
        officerText: 'Bail conditions: not to contact you, directly or through anyone else, and not to go to your street. If they do, call 999.',
        told: { toldAt: before(7, 6), method: 'phone' },
      },
    ],
  },
  'KM/24/0012417': {
    crimeReport: {
      account: 'A man took four bottles of spirits from the shelf by the door and left without paying. Staff recognised him from earlier visits. Our camera covers the door.',
      incidentFrom: before(21, 3),
      location: 'Doyle’s Convenience Store, High Street, Kingsmoor',
    },
    events: () => [
      { type: 'crime_allocated', occurredAt: before(20, 20) },
      { type: 'suspect_identified', occurredAt: before(20) },
      { type: 'suspect_interviewed', occurredAt: before(17), told: { toldAt: before(16, 22), method: 'in_person' } },
      // Fifteen days ago: past 5 working days whatever the bank holidays, so always overdue.
      { type: 'charged', occurredAt: before(15), officerText: 'He has been charged with theft and will appear at Kingsmoor Magistrates’ Court.' },
    ],
  },
};

/**
 * Posts a demo case's history through the store `POST /v1/cases/{caseId}/events` uses, so the
 * deadlines, status, due-soon warnings and audit rows are what a records system's would give.
 * Once only: a case that already has an event the records system posted is left as it is (on
 * every later start, and in a data folder from before timelines, which gets its crime report too).
 */
export async function seedDemoHistory(db: Knex, actor: ForceActor, crimeReference: string, history: DemoHistory): Promise<void> {
  const found = await db('cases')
    .select<{ id: string; crime_report: unknown }[]>('id', 'crime_report')
    .where({ force_id: actor.forceId, crime_reference: crimeReference })
    .first();
  if (!found) return;
  const posted = await db('case_events')
    .where({ force_id: actor.forceId, case_id: found.id })
    .whereNotIn('event_type', serviceEventTypes)
    .first('id');
  if (posted) return;
  if (!found.crime_report) await updateCase(db, actor, found.id, { crimeReport: history.crimeReport });
  for (const event of history.events()) await createCaseEvent(db, actor, found.id, event);
}
