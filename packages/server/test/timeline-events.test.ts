import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemTypes, type CaseCreate, type CaseEvent, type CaseEventList, type ForceCase } from '@victim-portal/contract';
import { createTestVictimSession } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, onPostgres } from './support/harness.js';
import { deriveCaseState } from '../src/features/timeline/status.js';
import { caseBody, createCase, forceWithOfficer } from './support/journey.js';

// The shared server starts once (PGlite takes seconds), outside any one test's time limit.
beforeAll(() => harness());

type Problem = { type: string };

async function newCase(extra: Partial<CaseCreate> = {}) {
  const h = await harness();
  const force = await forceWithOfficer(h);
  const created = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: force.collarNumber }, ...extra }));
  const post = <Body = CaseEvent>(json: unknown, headers?: Record<string, string>) =>
    call<Body>(h.url, 'createCaseEvent', `/v1/cases/${created.id}/events`, { token: force.apiKey, json, headers });
  const tell = <Body = CaseEvent>(eventId: string, json: unknown) =>
    call<Body>(h.url, 'recordVictimTold', `/v1/cases/${created.id}/events/${eventId}/told`, { token: force.apiKey, json });
  const list = async () => (await call<CaseEventList>(h.url, 'listCaseEvents', `/v1/cases/${created.id}/events`, { token: force.apiKey })).body.items;
  return { h, force, created, post, tell, list };
}

// Friday 19 December 2025, 10:00 GMT: the 5th working day after it skips the weekend, Christmas
// Day and Boxing Day (Tuesday 30th); the 1st is Monday 22nd.
const friday = '2025-12-19T10:00:00.000Z';
// Saturday 14 June 2025 (BST): the clock starts on Monday 16th, and the deadline is the end of
// the 5th working day counted from it (Friday 20th), or of Monday itself for 1 day.
const saturday = '2025-06-14T11:00:00.000Z';

describe('a key decision has a deadline for telling the victim', () => {
  it.each([
    { occurredAt: friday, enhancedRights: false, dueBy: '2025-12-30T10:00:00.000Z' },
    { occurredAt: friday, enhancedRights: true, dueBy: '2025-12-22T10:00:00.000Z' },
    { occurredAt: saturday, enhancedRights: false, dueBy: '2025-06-20T23:00:00.000Z' },
    { occurredAt: saturday, enhancedRights: true, dueBy: '2025-06-16T23:00:00.000Z' },
  ])('$occurredAt, enhanced $enhancedRights: due by $dueBy', async ({ occurredAt, enhancedRights, dueBy }) => {
    const { post } = await newCase({ enhancedRights });
    const response = await post({ type: 'suspect_arrested', occurredAt });
    expect(response.status, response.text).toBe(201);
    expect(response.body).toMatchObject({ type: 'suspect_arrested', keyDecision: true, victimVisible: true, dueBy, toldAt: null, toldBy: null, duty: 'overdue', occurredAt });
    expect(response.headers.get('location')).toBe(`/v1/cases/${response.body.caseId}/events/${response.body.id}`);
  });

  it('none for a hidden key decision or an event that is not a key decision', async () => {
    const { post } = await newCase();
    const hidden = await post({ type: 'charged', occurredAt: friday, victimVisible: false });
    expect(hidden.body).toMatchObject({ keyDecision: true, victimVisible: false, dueBy: null, duty: 'none' });
    const allocated = await post({ type: 'crime_allocated', occurredAt: friday });
    expect(allocated.body).toMatchObject({ keyDecision: false, dueBy: null, duty: 'none' });
  });

  it('a change to enhanced rights applies to events recorded from then on', async () => {
    const { h, force, created, post } = await newCase();
    expect(created).toMatchObject({ enhancedRights: false });
    const before = await post({ type: 'suspect_interviewed', occurredAt: friday });
    const patched = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json: { enhancedRights: true } });
    expect(patched.body.enhancedRights).toBe(true);
    const after = await post({ type: 'released_on_bail', occurredAt: friday });
    expect([before.body.dueBy, after.body.dueBy]).toEqual(['2025-12-30T10:00:00.000Z', '2025-12-22T10:00:00.000Z']);
  });

  it('is pending until it passes', async () => {
    const { post } = await newCase();
    const response = await post({ type: 'no_further_action', occurredAt: new Date(Date.now() - 60_000).toISOString() });
    expect(response.body.duty).toBe('pending');
  });
});

describe('telling the victim', () => {
  it('given with the event is stored, and the duty is met or late by it', async () => {
    const { post } = await newCase();
    const met = await post({ type: 'suspect_arrested', occurredAt: friday, told: { toldAt: '2025-12-19T12:00:00.000Z', method: 'in_person' } });
    expect(met.body).toMatchObject({ toldAt: '2025-12-19T12:00:00.000Z', toldBy: 'in_person', duty: 'met' });
    const late = await post({ type: 'charged', occurredAt: friday, told: { toldAt: '2026-01-05T09:00:00.000Z', method: 'letter' } });
    expect(late.body).toMatchObject({ toldAt: '2026-01-05T09:00:00.000Z', toldBy: 'letter', duty: 'late' });
  });

  it('recorded afterwards counts once: a second telling leaves the event as it was', async () => {
    const { h, force, created, post, tell } = await newCase();
    const event = (await post({ type: 'suspect_arrested', occurredAt: friday })).body;
    const first = await tell(event.id, { toldAt: '2025-12-22T09:00:00.000Z', method: 'phone' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ id: event.id, toldAt: '2025-12-22T09:00:00.000Z', toldBy: 'phone', duty: 'met' });
    const again = await tell(event.id, { toldAt: '2025-12-23T09:00:00.000Z', method: 'email' });
    expect(again.body).toEqual(first.body);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: created.id, action: 'case.victim_told_recorded' }).orderBy('id').pluck('reason');
    expect(audit).toEqual([`records system recorded telling of event ${event.id}: told by phone`, `records system recorded telling of event ${event.id}: already told by phone; unchanged`]);
  });

  it('is refused when it is in the future or before the event, and nothing is stored', async () => {
    const { post, tell, list } = await newCase();
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    const refusals = [
      await post<Problem>({ type: 'suspect_arrested', occurredAt: soon }),
      await post<Problem>({ type: 'suspect_arrested', occurredAt: friday, told: { toldAt: soon, method: 'phone' } }),
      await post<Problem>({ type: 'suspect_arrested', occurredAt: friday, told: { toldAt: '2025-12-19T09:59:59.000Z', method: 'phone' } }),
    ];
    expect(refusals.map((r) => [r.status, r.body.type])).toEqual([
      [422, problemTypes.timeInFuture], [422, problemTypes.timeInFuture], [422, problemTypes.timeBeforeEvent],
    ]);
    const stored = (await list()).map((event) => event.type);
    expect(stored).toEqual(['report_received', 'officer_assigned']);

    const event = (await post({ type: 'charged', occurredAt: friday })).body;
    expect((await tell<Problem>(event.id, { toldAt: soon, method: 'phone' })).body.type).toBe(problemTypes.timeInFuture);
    expect((await tell<Problem>(event.id, { toldAt: '2025-12-18T10:00:00.000Z', method: 'phone' })).body.type).toBe(problemTypes.timeBeforeEvent);
    expect((await list()).find((e) => e.id === event.id)).toMatchObject({ toldAt: null, duty: 'overdue' });
    // A records system's clock a little fast is allowed for.
    const justAhead = await post({ type: 'update_given', occurredAt: new Date(Date.now() + 2 * 60_000).toISOString() });
    expect(justAhead.status).toBe(201);
  });

  it('of an event the force does not have answers 404', async () => {
    const { h, tell, post } = await newCase();
    const other = await newCase();
    const event = (await post({ type: 'charged', occurredAt: friday })).body;
    expect((await tell(randomUUID(), { toldAt: friday, method: 'phone' })).status).toBe(404);
    // Another force's event, through its own case id or this force's.
    expect((await call(h.url, 'recordVictimTold', `/v1/cases/${event.caseId}/events/${event.id}/told`, { token: other.force.apiKey, json: { toldAt: friday, method: 'phone' } })).status).toBe(404);
    expect((await other.tell(event.id, { toldAt: friday, method: 'phone' })).status).toBe(404);
  });
});

describe('posting events', () => {
  it('refuses what the contract rules out: service events, a closure without an outcome, an outcome on anything else', async () => {
    const { post } = await newCase();
    for (const json of [
      { type: 'report_received', occurredAt: friday },
      { type: 'officer_assigned', occurredAt: friday },
      { type: 'case_closed', occurredAt: friday },
      { type: 'charged', occurredAt: friday, outcomeCode: 1 },
      { type: 'case_closed', occurredAt: friday, outcomeCode: 23 },
    ]) expect((await post<Problem>(json)).body.type, JSON.stringify(json)).toBe(problemTypes.invalidRequest);
  });

  it('to a case of another force, or none, answers 404 and stores nothing', async () => {
    const { h, created, list } = await newCase();
    const other = await newCase();
    const response = await call(h.url, 'createCaseEvent', `/v1/cases/${created.id}/events`, { token: other.force.apiKey, json: { type: 'charged', occurredAt: friday } });
    expect(response.status).toBe(404);
    expect((await call(h.url, 'listCaseEvents', `/v1/cases/${created.id}/events`, { token: other.force.apiKey })).status).toBe(404);
    expect((await list()).map((e) => e.type)).toEqual(['report_received', 'officer_assigned']);
  });

  it('lists events oldest first by when they happened, with the officer’s words and the outcome', async () => {
    const { post, list, created } = await newCase();
    await post({ type: 'case_closed', outcomeCode: 18, occurredAt: '2025-12-20T10:00:00.000Z', officerText: 'We checked the cameras in the street.' });
    await post({ type: 'crime_allocated', occurredAt: '2025-12-01T10:00:00.000Z' });
    const events = await list();
    // The officer who came with the case counts from the report: the portal knows no other time.
    expect(events.map((e) => e.type)).toEqual(['report_received', 'officer_assigned', 'crime_allocated', 'case_closed']);
    expect(events[1]).toMatchObject({ occurredAt: created.reportedAt });
    expect(events[0]).toMatchObject({ occurredAt: created.reportedAt, victimText: 'You reported the crime to us.' });
    expect(events[3]).toMatchObject({ outcomeCode: 18, officerText: 'We checked the cameras in the street.', keyDecision: true });
  });

  it('is audited: each event recorded and each list of them', async () => {
    const { h, force, created, post, list } = await newCase();
    const event = (await post({ type: 'charged', occurredAt: friday, victimVisible: false })).body;
    await list();
    const rows = await h.db('audit_log').where({ force_id: force.forceId, subject_type: 'case', subject_id: created.id }).orderBy('id').select('action', 'reason', 'actor_type');
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'case.event_recorded', reason: `records system recorded charged (hidden) as event ${event.id}`, actor_type: 'force_api_key' },
      { action: 'case.events_listed', reason: 'records system listed the case events', actor_type: 'force_api_key' },
    ]));
  });

  it('with an Idempotency-Key, a retry gets the first answer and records nothing more', async () => {
    const { post, list } = await newCase();
    const key = randomUUID();
    const first = await post({ type: 'suspect_arrested', occurredAt: friday }, { 'Idempotency-Key': key });
    const retry = await post({ type: 'suspect_arrested', occurredAt: friday }, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await list()).filter((e) => e.type === 'suspect_arrested')).toHaveLength(1);
  });
});

if (onPostgres) {
  describe('events posted at the same time', () => {
    it('derive the status one after another, so it is what all of them give', async () => {
      const { h, force, created, post, list } = await newCase();
      // Each decision is dated later than the one before, but they all arrive together: a
      // transaction that derived the status without waiting for the others would store a stale one.
      const types = ['charged', 'no_further_action', 'investigation_reopened', 'charged', 'case_closed', 'no_further_action'] as const;
      const start = Date.parse('2025-11-03T09:00:00Z');
      const responses = await Promise.all(Array.from({ length: 24 }, (_, index) => {
        const type = types[index % types.length] as (typeof types)[number];
        const occurredAt = new Date(start + index * 60_000).toISOString();
        return post(type === 'case_closed' ? { type, occurredAt, outcomeCode: 15 } : { type, occurredAt });
      }));
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
      const events = await list();
      const want = deriveCaseState(events.map((e) => ({ type: e.type, occurredAt: new Date(e.occurredAt), victimVisible: e.victimVisible, outcomeCode: e.outcomeCode })));
      expect(want.status).toBe('no_further_action');
      const stored = await h.db('cases').where({ force_id: force.forceId, id: created.id }).first('status', 'outcome_code');
      expect(stored).toEqual({ status: want.status, outcome_code: want.outcomeCode });
    });
  });
}

describe('what an event sets going', () => {
  async function outboxOf(forceId: string) {
    const h = await harness();
    return h.db('outbox').where({ force_id: forceId }).orderBy('created_at').select<{ kind: string; payload: Record<string, unknown> }[]>('kind', 'payload');
  }

  it('a visible key decision schedules the due-soon warning, and tells a victim who has signed in that there is an update', async () => {
    const { h, force, created, post } = await newCase();
    await createTestVictimSession(h.db, force.forceId, created.id);
    const before = (await outboxOf(force.forceId)).length;
    const event = (await post({ type: 'suspect_arrested', occurredAt: friday })).body;
    const queued = (await outboxOf(force.forceId)).slice(before);
    expect(queued).toEqual(expect.arrayContaining([
      { kind: 'duty_due_soon', payload: { caseId: created.id, dueBy: event.dueBy, eventId: event.id } },
      expect.objectContaining({ kind: 'notification', payload: expect.objectContaining({ template: 'case_update', caseId: created.id, eventIds: [event.id] }) }),
    ]));
    // The notification says nothing of the case.
    expect(JSON.stringify(queued)).not.toContain('suspect_arrested');
  });

  it('nothing for a hidden event, an event the victim was already told of, or an update given', async () => {
    const { h, force, created, post } = await newCase();
    await createTestVictimSession(h.db, force.forceId, created.id);
    const before = (await outboxOf(force.forceId)).length;
    await post({ type: 'charged', occurredAt: friday, victimVisible: false });
    await post({ type: 'suspect_arrested', occurredAt: friday, told: { toldAt: friday, method: 'in_person' } });
    await post({ type: 'update_given', occurredAt: friday });
    expect((await outboxOf(force.forceId)).slice(before)).toEqual([]);
  });
});
