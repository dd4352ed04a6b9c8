import { beforeAll, describe, expect, it } from 'vitest';
import type { SupportReferral, SupportReferralList, SupportServiceUpsert, VictimSupportServiceList, WebhookEvent } from '@victim-portal/contract';
import { addWorkingDays } from '../src/features/timeline/working-days.js';
import { createTestForce, createTestVictimSession, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase } from './support/journey.js';

const service = (extra: Partial<SupportServiceUpsert> = {}): SupportServiceUpsert => ({ name: 'Victim Support', description: { en: 'Help' }, contact: { phone: '0808 168 9111' }, ...extra });

/** A force with services, one case, its victim's session. */
async function setUp(services: Record<string, SupportServiceUpsert> = { 'victim-support': service() }) {
  const h = await harness();
  const force = await createTestForce(h.db);
  for (const [key, body] of Object.entries(services)) {
    const saved = await call(h.url, 'putSupportService', `/v1/support-services/${key}`, { method: 'PUT', token: force.apiKey, json: body });
    expect(saved.status, saved.text).toBe(200);
  }
  const created = await createCase(h, force, caseBody({ postcode: 'ME14 5AB' }));
  const session = await createTestVictimSession(h.db, force.forceId, created.id);
  return { h, force, caseId: created.id, crimeReference: created.crimeReference, session };
}

async function ask(session: string, caseId: string, serviceKey: string, consent: unknown = true) {
  const h = await harness();
  return call<SupportReferral>(h.url, 'requestSupportReferral', `/v1/me/cases/${caseId}/support-referrals`, { token: session, json: { serviceKey, consent } });
}

async function made(force: TestForce, caseId: string, referralId: string, referredAt: string) {
  const h = await harness();
  return call<SupportReferral>(h.url, 'recordReferralMade', `/v1/cases/${caseId}/support-referrals/${referralId}/made`, { token: force.apiKey, json: { referredAt } });
}

async function forceList(force: TestForce, caseId: string) {
  const h = await harness();
  return call<SupportReferralList>(h.url, 'listCaseSupportReferrals', `/v1/cases/${caseId}/support-referrals`, { token: force.apiKey });
}

async function outboxOf(forceId: string) {
  const h = await harness();
  const rows = await h.db('outbox').where({ force_id: forceId }).whereIn('kind', ['webhook', 'duty_due_soon']).orderBy('created_at').select<{ kind: string; payload: unknown }[]>('kind', 'payload');
  return rows.map((row) => ({ kind: row.kind, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload }));
}

describe('a victim asking to be referred to a support service (Right 4)', () => {
  // Starting the shared server (and migrating its database) can take longer than one test may.
  beforeAll(() => harness());

  it('is stored, due 2 working days later, told to the records system by webhook, with a warning before the deadline', async () => {
    const { h, force, caseId, crimeReference, session } = await setUp();
    const before = Date.now();
    const asked = await ask(session, caseId, 'victim-support');
    expect(asked.status, asked.text).toBe(201);
    const referral = asked.body;
    expect(referral).toMatchObject({ caseId, serviceKey: 'victim-support', serviceName: 'Victim Support', referredAt: null });
    const requestedAt = new Date(referral.requestedAt);
    expect(requestedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(referral.dueBy).toBe(addWorkingDays(requestedAt, 2).toISOString());

    const outbox = await outboxOf(force.forceId);
    const webhooks = outbox.filter((row) => row.kind === 'webhook').map((row) => row.payload as WebhookEvent);
    expect(webhooks).toEqual([{ type: 'support.referral_requested', timestamp: referral.requestedAt, data: { caseId, crimeReference, referral } }]);
    expect(outbox.filter((row) => row.kind === 'duty_due_soon').map((row) => row.payload)).toEqual([{ caseId, dueBy: referral.dueBy, referralId: referral.id }]);

    const services = await call<VictimSupportServiceList>(h.url, 'listMySupportServices', `/v1/me/cases/${caseId}/support-services`, { token: session });
    expect(services.body.items[0]?.referral).toEqual(referral);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: caseId, action: 'support.referral_requested' }).pluck('reason');
    expect(audit).toEqual(['victim asked to be referred to support service victim-support']);
  });

  it('a second time for the same service returns the first request (200) and tells no-one again', async () => {
    const { force, caseId, session } = await setUp();
    const first = await ask(session, caseId, 'victim-support');
    const second = await ask(session, caseId, 'victim-support');
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const [again, concurrent] = await Promise.all([ask(session, caseId, 'victim-support'), ask(session, caseId, 'victim-support')]);
    expect([again.body.id, concurrent.body.id]).toEqual([first.body.id, first.body.id]);
    // One of each, written in one transaction (so at one instant, in no order to rely on).
    expect((await outboxOf(force.forceId)).map((row) => row.kind).sort()).toEqual(['duty_due_soon', 'webhook']);
  });

  it('is refused for a service that does not fit the case, is withdrawn or unknown (422 unknown service), or takes no referrals', async () => {
    const { h, force, caseId, session } = await setUp({
      elsewhere: service({ helps: { postcodeAreas: ['CT'] } }),
      withdrawn: service(),
      'self-referral': service({ acceptsReferrals: false }),
    });
    await call(h.url, 'deleteSupportService', '/v1/support-services/withdrawn', { method: 'DELETE', token: force.apiKey });
    for (const key of ['elsewhere', 'withdrawn', 'not-a-service']) {
      const refused = await ask(session, caseId, key);
      expect(refused.status, key).toBe(422);
      expect((refused.body as unknown as { type: string }).type).toBe('urn:victim-portal:problem:unknown-support-service');
    }
    const selfReferral = await ask(session, caseId, 'self-referral');
    expect(selfReferral.status).toBe(422);
    expect((selfReferral.body as unknown as { type: string }).type).toBe('urn:victim-portal:problem:referrals-not-accepted');
    expect((await ask(session, caseId, 'self-referral', false)).status).toBe(400);
    expect(await outboxOf(force.forceId)).toEqual([]);
    expect(await h.db('support_referrals').where({ force_id: force.forceId })).toEqual([]);
  });

  it('is refused for a case that is not the victim’s (404)', async () => {
    const mine = await setUp();
    const other = await setUp();
    expect((await ask(mine.session, other.caseId, 'victim-support')).status).toBe(404);
  });

  it('is kept when the service is withdrawn: the force still sees it and must make it', async () => {
    const { h, force, caseId, session } = await setUp();
    const asked = await ask(session, caseId, 'victim-support');
    expect((await call(h.url, 'deleteSupportService', '/v1/support-services/victim-support', { method: 'DELETE', token: force.apiKey })).status).toBe(204);
    expect((await forceList(force, caseId)).body.items).toEqual([asked.body]);
    const services = await call<VictimSupportServiceList>(h.url, 'listMySupportServices', `/v1/me/cases/${caseId}/support-services`, { token: session });
    expect(services.body.items).toEqual([]);
    // Asking again for it (from a page still open) returns the request already made.
    const again = await ask(session, caseId, 'victim-support');
    expect([again.status, again.body.id]).toEqual([200, asked.body.id]);
  });
});

describe('the force recording the referrals it made', () => {
  beforeAll(() => harness());

  it('lists a case’s requests oldest first, audited; 404 for a case of another force', async () => {
    const { h, force, caseId, session } = await setUp({ 'victim-support': service(), 'another-service': service({ name: 'Another' }) });
    const first = await ask(session, caseId, 'victim-support');
    const second = await ask(session, caseId, 'another-service');
    const listed = await forceList(force, caseId);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([first.body, second.body]);
    expect(await h.db('audit_log').where({ force_id: force.forceId, subject_id: caseId, action: 'support.referrals_listed' }).pluck('actor_type')).toEqual(['force_api_key']);
    const otherForce = await createTestForce(h.db);
    expect((await forceList(otherForce, caseId)).status).toBe(404);
  });

  it('records when it was made; the first record wins', async () => {
    const { h, force, caseId, session } = await setUp();
    const asked = (await ask(session, caseId, 'victim-support')).body;
    const referredAt = new Date(Date.parse(asked.requestedAt) + 1000).toISOString();
    const recorded = await made(force, caseId, asked.id, referredAt);
    expect(recorded.status, recorded.text).toBe(200);
    expect(recorded.body).toEqual({ ...asked, referredAt });
    const later = await made(force, caseId, asked.id, new Date().toISOString());
    expect(later.body.referredAt).toBe(referredAt);
    expect((await forceList(force, caseId)).body.items[0]?.referredAt).toBe(referredAt);
    expect(await h.db('audit_log').where({ force_id: force.forceId, subject_id: caseId, action: 'support.referral_made' }).pluck('actor_type')).toEqual(['force_api_key']);
  });

  it('refuses a time in the future or before the victim asked (422), and a referral of another case or force (404)', async () => {
    const { h, force, caseId, session } = await setUp();
    const asked = (await ask(session, caseId, 'victim-support')).body;
    const future = await made(force, caseId, asked.id, new Date(Date.now() + 3_600_000).toISOString());
    expect([future.status, (future.body as unknown as { type: string }).type]).toEqual([422, 'urn:victim-portal:problem:time-in-future']);
    const early = await made(force, caseId, asked.id, new Date(Date.parse(asked.requestedAt) - 60_000).toISOString());
    expect([early.status, (early.body as unknown as { type: string }).type]).toEqual([422, 'urn:victim-portal:problem:time-before-event']);
    const otherCase = await createCase(h, force, caseBody());
    expect((await made(force, otherCase.id, asked.id, new Date().toISOString())).status).toBe(404);
    const otherForce = await createTestForce(h.db);
    expect((await made(otherForce, caseId, asked.id, new Date().toISOString())).status).toBe(404);
    expect((await forceList(force, caseId)).body.items[0]?.referredAt).toBeNull();
  });
});
