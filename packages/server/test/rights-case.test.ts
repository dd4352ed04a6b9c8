import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventCreate, CaseRights, CaseCreate } from '@victim-portal/contract';
import { createTestForce, createTestVictimSession, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer } from './support/journey.js';

const nationalCode = 'https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime';

/** A case of a new force (with an officer in charge unless told otherwise) and its victim's session. */
async function victimCase(body: CaseCreate | ((force: TestForce & { collarNumber: string }) => CaseCreate) = (force) => caseBody({}, { officerInCharge: { collarNumber: force.collarNumber } })) {
  const h = await harness();
  const force = await forceWithOfficer(h);
  const created = await createCase(h, force, typeof body === 'function' ? body(force) : body);
  const session = await createTestVictimSession(h.db, force.forceId, created.id);
  return { h, force, caseId: created.id, session };
}

async function postEvent(force: TestForce, caseId: string, event: CaseEventCreate): Promise<CaseEvent> {
  const h = await harness();
  const response = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${caseId}/events`, { token: force.apiKey, json: event });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

async function rights(session: string, caseId: string, query = ''): Promise<CaseRights> {
  const h = await harness();
  const response = await call<CaseRights>(h.url, 'getMyRights', `/v1/me/cases/${caseId}/rights${query}`, { token: session });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

const interviewed = { type: 'suspect_interviewed', occurredAt: '2025-01-10T11:00:00.000Z' } as const;

describe("a victim's rights for their case", () => {
  // Starting the shared server (and migrating its database) can take longer than one test may.
  beforeAll(() => harness());

  it('are those of the case’s stage, with no Right to Review while the case is investigated', async () => {
    const { h, force, caseId, session } = await victimCase();
    const found = await rights(session, caseId);
    expect(found.stage).toBe('investigation');
    expect(found.code.rights.map((right) => right.number)).toEqual([1, 4, 5, 6, 7, 10, 12]);
    expect(found.code.language).toBe('en');
    expect(found.rightToReview).toBeNull();
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: caseId, action: 'case.rights_read' }).select('actor_type', 'reason');
    expect(audit).toEqual([{ actor_type: 'victim', reason: "victim viewed their rights under the Victims' Code" }]);
  });

  it('point the Right to Review at the force’s own page once it sets one', async () => {
    const { h, force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z' });
    const ownPage = 'https://force.example.org/victims-right-to-review';
    const changed = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { rightToReviewUrl: ownPage } });
    expect(changed.status, changed.text).toBe(200);
    expect((await rights(session, caseId)).rightToReview?.url).toBe(ownPage);
    const cleared = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { rightToReviewUrl: null } });
    expect(cleared.status, cleared.text).toBe(200);
    expect((await rights(session, caseId)).rightToReview?.url).toBe(nationalCode);
  });

  it('before an officer has the case are those of reporting it', async () => {
    const { caseId, session } = await victimCase(caseBody());
    expect((await rights(session, caseId)).stage).toBe('reporting');
  });

  it('in the victim’s own language unless they ask for another', async () => {
    const { caseId, session } = await victimCase((force) => caseBody({ language: 'cy' }, { officerInCharge: { collarNumber: force.collarNumber } }));
    expect((await rights(session, caseId)).code.language).toBe('cy');
    expect((await rights(session, caseId, '?lang=en')).code.language).toBe('en');
  });

  it('after no further action following an interview include the Right to Review: ask within 3 months of being told', async () => {
    const { force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z', told: { toldAt: '2025-01-22T15:00:00.000Z', method: 'phone' } });
    const found = await rights(session, caseId);
    expect(found.stage).toBe('decision');
    expect(found.code.rights.map((right) => right.number)).toEqual([1, 4, 6, 10, 12]);
    expect(found.rightToReview).toEqual({ decidedAt: '2025-01-20T10:00:00.000Z', askBy: '2025-04-22', url: nationalCode });
  });

  it('count the 3 months from the UK date the victim was told (late evening in summer is the next day in UTC terms)', async () => {
    const { force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-06-30T20:00:00.000Z', told: { toldAt: '2025-06-30T23:30:00.000Z', method: 'phone' } });
    expect((await rights(session, caseId)).rightToReview?.askBy).toBe('2025-10-01');
  });

  it('count from the decision while the victim has not been told', async () => {
    const { force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-11-30T10:00:00.000Z' });
    expect((await rights(session, caseId)).rightToReview).toMatchObject({ decidedAt: '2025-11-30T10:00:00.000Z', askBy: '2026-02-28' });
  });

  it('include the Right to Review after a closure with a reviewable outcome (15), not after a caution (3)', async () => {
    const reviewable = await victimCase();
    await postEvent(reviewable.force, reviewable.caseId, interviewed);
    await postEvent(reviewable.force, reviewable.caseId, { type: 'case_closed', outcomeCode: 15, occurredAt: '2025-02-03T09:00:00.000Z' });
    expect((await rights(reviewable.session, reviewable.caseId)).rightToReview).toMatchObject({ decidedAt: '2025-02-03T09:00:00.000Z', askBy: '2025-05-03' });

    const cautioned = await victimCase();
    await postEvent(cautioned.force, cautioned.caseId, interviewed);
    await postEvent(cautioned.force, cautioned.caseId, { type: 'case_closed', outcomeCode: 3, occurredAt: '2025-02-03T09:00:00.000Z' });
    expect((await rights(cautioned.session, cautioned.caseId)).rightToReview).toBeNull();
  });

  it('have no Right to Review when no suspect was interviewed, or the interview is not shown to the victim', async () => {
    const notInterviewed = await victimCase();
    await postEvent(notInterviewed.force, notInterviewed.caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z' });
    expect((await rights(notInterviewed.session, notInterviewed.caseId)).rightToReview).toBeNull();

    const hiddenInterview = await victimCase();
    await postEvent(hiddenInterview.force, hiddenInterview.caseId, { ...interviewed, victimVisible: false });
    await postEvent(hiddenInterview.force, hiddenInterview.caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z' });
    expect((await rights(hiddenInterview.session, hiddenInterview.caseId)).rightToReview).toBeNull();
  });

  it('have no Right to Review for a decision not shown to the victim', async () => {
    const { force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z', victimVisible: false });
    expect((await rights(session, caseId)).rightToReview).toBeNull();
  });

  it('lose the Right to Review when the investigation reopens, and have it again after a new decision', async () => {
    const { force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z' });
    await postEvent(force, caseId, { type: 'investigation_reopened', occurredAt: '2025-03-01T10:00:00.000Z' });
    const reopened = await rights(session, caseId);
    expect(reopened.rightToReview).toBeNull();
    expect(reopened.stage).toBe('investigation');

    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-04-01T10:00:00.000Z' });
    expect((await rights(session, caseId)).rightToReview).toMatchObject({ decidedAt: '2025-04-01T10:00:00.000Z', askBy: '2025-07-01' });
  });

  it('lose the Right to Review when a suspect is charged after all, even where the charge is not shown yet', async () => {
    const { force, caseId, session } = await victimCase();
    await postEvent(force, caseId, interviewed);
    await postEvent(force, caseId, { type: 'no_further_action', occurredAt: '2025-01-20T10:00:00.000Z' });
    expect((await rights(session, caseId)).rightToReview).not.toBeNull();
    await postEvent(force, caseId, { type: 'charged', occurredAt: '2025-02-20T10:00:00.000Z', victimVisible: false });
    expect((await rights(session, caseId)).rightToReview).toBeNull();
  });

  it('are not given for another victim’s case, nor for the victim’s own case the force’s rules hide from them (404, the refusal audited)', async () => {
    const h = await harness();
    const mine = await victimCase();
    const other = await victimCase();
    expect((await call(h.url, 'getMyRights', `/v1/me/cases/${other.caseId}/rights`, { token: mine.session })).status).toBe(404);

    const update = await call(h.url, 'updateCase', `/v1/cases/${mine.caseId}`, { method: 'PATCH', token: mine.force.apiKey, json: { riskFlags: ['domestic_abuse'] } });
    expect(update.status, update.text).toBe(200);
    expect((await call(h.url, 'getMyRights', `/v1/me/cases/${mine.caseId}/rights`, { token: mine.session })).status).toBe(404);
    const actions = await h.db('audit_log').where({ force_id: mine.force.forceId, subject_id: mine.caseId, actor_type: 'victim' }).pluck('action');
    expect(actions).toEqual(['case.read_refused']);
  });

  it('need a valid session (401)', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const created = await createCase(h, force, caseBody());
    expect((await call(h.url, 'getMyRights', `/v1/me/cases/${created.id}/rights`, { token: 'vps_not-a-session' })).status).toBe(401);
  });
});
