import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventType, CaseStatus, ForceCase, OutcomeCode } from '@victim-portal/contract';
import { deriveCaseState, deriveStatus, type StatusEvent } from '../src/features/timeline/status.js';
import { caseEventTypes, eventKinds, outcomeStatuses } from '../src/features/timeline/vocabulary.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer } from './support/journey.js';

// The shared server starts once (PGlite takes seconds), outside any one test's time limit.
beforeAll(() => harness());

/** One step of a sequence: a type, `hidden:` for an event the victim does not see, `case_closed:N` for a closure. */
type Step = CaseEventType | `hidden:${CaseEventType}` | `case_closed:${number}` | `hidden:case_closed:${number}`;

interface Sequence {
  given: Step[];
  want: CaseStatus;
  wantCode?: OutcomeCode;
}

// Every sequence docs/timeline.md documents. Each starts after report_received, which every
// case has; officer_assigned is listed where the sequence needs it.
const sequences: Sequence[] = [
  { given: [], want: 'report_received' },
  { given: ['officer_assigned'], want: 'under_investigation' },
  { given: ['officer_assigned', 'officer_changed'], want: 'under_investigation' },
  { given: ['officer_changed'], want: 'report_received' },
  { given: ['crime_allocated'], want: 'under_investigation' },
  { given: ['suspect_identified'], want: 'under_investigation' },
  { given: ['suspect_arrested'], want: 'under_investigation' },
  { given: ['suspect_interviewed'], want: 'under_investigation' },
  { given: ['released_on_bail'], want: 'under_investigation' },
  { given: ['released_under_investigation'], want: 'under_investigation' },
  { given: ['passed_to_cps'], want: 'under_investigation' },
  { given: ['property_returned'], want: 'report_received' },
  { given: ['update_given'], want: 'report_received' },
  { given: ['officer_assigned', 'suspect_arrested', 'suspect_interviewed', 'charged'], want: 'suspect_charged' },
  { given: ['officer_assigned', 'charged', 'released_on_bail'], want: 'suspect_charged' },
  { given: ['officer_assigned', 'charged', 'passed_to_cps', 'officer_assigned'], want: 'suspect_charged' },
  { given: ['officer_assigned', 'suspect_interviewed', 'no_further_action'], want: 'no_further_action' },
  { given: ['no_further_action', 'suspect_arrested'], want: 'no_further_action' },
  { given: ['no_further_action', 'investigation_reopened'], want: 'under_investigation' },
  { given: ['no_further_action', 'investigation_reopened', 'suspect_arrested'], want: 'under_investigation' },
  { given: ['no_further_action', 'charged'], want: 'suspect_charged' },
  { given: ['charged', 'no_further_action'], want: 'no_further_action' },
  { given: ['charged', 'case_closed:1'], want: 'awaiting_court_result', wantCode: 1 },
  { given: ['case_closed:18', 'suspect_identified'], want: 'no_suspect_identified', wantCode: 18 },
  { given: ['case_closed:18', 'investigation_reopened'], want: 'under_investigation' },
  { given: ['case_closed:18', 'property_returned', 'update_given', 'officer_changed'], want: 'no_suspect_identified', wantCode: 18 },
  { given: ['case_closed:18', 'charged'], want: 'suspect_charged' },
  { given: ['case_closed:3', 'case_closed:8'], want: 'local_resolution', wantCode: 8 },
  { given: ['officer_assigned', 'hidden:suspect_arrested'], want: 'under_investigation' },
  { given: ['officer_assigned', 'hidden:charged'], want: 'under_investigation' },
  { given: ['hidden:officer_assigned'], want: 'report_received' },
  { given: ['charged', 'hidden:no_further_action'], want: 'suspect_charged' },
  { given: ['no_further_action', 'hidden:investigation_reopened'], want: 'no_further_action' },
  { given: ['hidden:case_closed:18'], want: 'report_received' },
];

// Every Home Office outcome code and the status it gives.
const outcomes: Array<[OutcomeCode[], CaseStatus]> = [
  [[1], 'awaiting_court_result'],
  [[2, 3], 'offender_cautioned'],
  [[4], 'dealt_with_in_another_case'],
  [[5, 11, 12, 13, 14, 15, 16, 17], 'unable_to_prosecute'],
  [[6], 'penalty_notice'],
  [[7], 'drugs_warning'],
  [[8], 'local_resolution'],
  [[9, 10, 21, 22], 'not_in_public_interest'],
  [[18, 19], 'no_suspect_identified'],
  [[20], 'action_by_another_organisation'],
];

function parse(step: Step): { type: CaseEventType; victimVisible: boolean; outcomeCode: OutcomeCode | null } {
  const victimVisible = !step.startsWith('hidden:');
  const [type, code] = step.replace(/^hidden:/, '').split(':') as [CaseEventType, string | undefined];
  return { type, victimVisible, outcomeCode: code ? (Number(code) as OutcomeCode) : null };
}

/** The steps as events a minute apart, after the report. */
function eventsOf(given: Step[]): StatusEvent[] {
  const start = Date.parse('2025-03-03T09:00:00Z');
  return [{ type: 'report_received', victimVisible: true, occurredAt: new Date(start) }, ...given.map((step, index) => ({ ...parse(step), occurredAt: new Date(start + (index + 1) * 60_000) }))];
}

describe('the status derived from the events', () => {
  it.each(sequences)('report_received, $given → $want', ({ given, want, wantCode }) => {
    expect(deriveCaseState(eventsOf(given))).toEqual({ status: want, outcomeCode: wantCode ?? null });
  });

  it.each(outcomes.flatMap(([codes, status]) => codes.map((code) => ({ code, status }))))('case_closed with outcome $code → $status', ({ code, status }) => {
    expect(deriveCaseState(eventsOf([`case_closed:${code}`]))).toEqual({ status, outcomeCode: code });
  });

  it('takes events in the order they happened, and recording order at the same moment', () => {
    const at = (iso: string) => new Date(iso);
    // The charge was recorded first; the arrest, recorded later, happened before it.
    const backdated: StatusEvent[] = [
      { type: 'charged', victimVisible: true, occurredAt: at('2025-03-05T10:00:00Z') },
      { type: 'suspect_arrested', victimVisible: true, occurredAt: at('2025-03-04T10:00:00Z') },
    ];
    expect(deriveStatus(backdated)).toBe('suspect_charged');
    // No further action recorded after the reopening, but dated before it.
    expect(deriveStatus([
      { type: 'investigation_reopened', victimVisible: true, occurredAt: at('2025-03-06T10:00:00Z') },
      { type: 'no_further_action', victimVisible: true, occurredAt: at('2025-03-05T10:00:00Z') },
    ])).toBe('under_investigation');
    // At the same moment, the one recorded last counts last.
    const same = at('2025-03-05T10:00:00Z');
    expect(deriveStatus([{ type: 'charged', victimVisible: true, occurredAt: same }, { type: 'no_further_action', victimVisible: true, occurredAt: same }])).toBe('no_further_action');
    expect(deriveStatus([{ type: 'no_further_action', victimVisible: true, occurredAt: same }, { type: 'charged', victimVisible: true, occurredAt: same }])).toBe('suspect_charged');
  });
});

describe('the stored status follows the events posted through the API', () => {
  const posted = [
    ...sequences.filter((sequence) => !sequence.given.some((step) => parse(step).type.startsWith('officer_') || step === 'report_received')),
    ...outcomes.map(([codes, status]) => ({ given: [`case_closed:${codes[0]}`] as Step[], want: status, wantCode: codes[0] })),
  ];

  it.each(posted)('report_received, $given → $want', async ({ given, want, wantCode }) => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const created = await createCase(h, force, caseBody());
    expect(created.status).toBe('report_received');
    const start = Date.parse('2025-03-03T09:00:00Z');
    for (const [index, step] of given.entries()) {
      const { type, victimVisible, outcomeCode } = parse(step);
      const json = { type, victimVisible, occurredAt: new Date(start + (index + 1) * 60_000).toISOString(), ...(outcomeCode ? { outcomeCode } : {}) };
      const response = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${created.id}/events`, { token: force.apiKey, json });
      expect(response.status, response.text).toBe(201);
    }
    const read = await call<ForceCase>(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey });
    expect({ status: read.body.status, outcomeCode: read.body.outcomeCode }).toEqual({ status: want, outcomeCode: wantCode ?? null });
  });

  it('an officer in charge moves a new case under investigation, and a change of officer changes nothing', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const withOfficer = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: force.collarNumber } }));
    expect(withOfficer.status).toBe('under_investigation');
    const without = await createCase(h, force, caseBody());
    expect(without.status).toBe('report_received');
    const assigned = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${without.id}`, { method: 'PATCH', token: force.apiKey, json: { officerInCharge: { collarNumber: force.collarNumber } } });
    expect(assigned.body.status).toBe('under_investigation');
    const removed = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${without.id}`, { method: 'PATCH', token: force.apiKey, json: { officerInCharge: null } });
    expect(removed.body.status).toBe('under_investigation');
    const events = await call<{ items: CaseEvent[] }>(h.url, 'listCaseEvents', `/v1/cases/${without.id}/events`, { token: force.apiKey });
    expect(events.body.items.map((event) => event.type)).toEqual(['report_received', 'officer_assigned', 'officer_changed']);
  });

  it('a backdated event counts where it happened', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const created = await createCase(h, force, caseBody());
    const post = (json: object) => call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${created.id}/events`, { token: force.apiKey, json });
    expect((await post({ type: 'investigation_reopened', occurredAt: '2025-03-10T10:00:00Z' })).status).toBe(201);
    expect((await post({ type: 'no_further_action', occurredAt: '2025-03-05T10:00:00Z' })).status).toBe(201);
    const read = await call<ForceCase>(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey });
    expect(read.body.status).toBe('under_investigation');
  });
});

describe('docs/timeline.md', () => {
  const docs = readFileSync(new URL('../../../docs/timeline.md', import.meta.url), 'utf8');
  const rows = (header: string) => {
    const start = docs.indexOf(header);
    const lines = docs.slice(start).split('\n').slice(2);
    return lines.slice(0, lines.findIndex((line) => !line.startsWith('|'))).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  };

  it('documents every event type as the vocabulary has it', () => {
    const documented = rows('| Type | Meaning | Key decision | Status effect |');
    expect(documented.map(([type]) => type)).toEqual(caseEventTypes.map((type) => `\`${type}\``));
    for (const [type, , keyDecision, effect] of documented) {
      const kind = eventKinds[(type as string).replace(/`/g, '') as CaseEventType];
      expect(keyDecision, type).toBe(kind.keyDecision ? 'yes' : 'no');
      const want = { none: /^none/, assigned: /^`report_received` → `under_investigation`/, investigating: /^investigation step$/, outcome: /outcome code/ }[kind.statusEffect as string] ?? new RegExp(`^\`${kind.statusEffect}\`$`);
      expect(effect, type).toMatch(want);
    }
  });

  it('documents every outcome code and its status', () => {
    const documented = rows('| Code | Home Office outcome | Status |');
    expect(documented.map(([code, name, status]) => [Number(code), name, status])).toEqual(
      Object.entries(outcomeStatuses).map(([code, outcome]) => [Number(code), outcome.name, `\`${outcome.status}\``]),
    );
  });
});
