import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventCreate, Duty, WebhookEvent, WebhookSecret } from '@victim-portal/contract';
import { contractValidator } from '../src/app.js';
import { queueDueSoonWarning } from '../src/features/duties/due-soon.js';
import { createTestForce, createTestOfficer, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { startFakeWebhookReceiver, verifyWith, type FakeWebhookReceiver } from './support/fake-webhook-receiver.js';
import { harness, type Harness } from './support/harness.js';
import { caseBody, createCase } from './support/journey.js';

let receiver: FakeWebhookReceiver;
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver();
  await harness();
}, 120_000);
afterAll(async () => {
  await receiver.close();
});

interface Setup {
  force: TestForce;
  secret: string;
  caseId: string;
  crimeReference: string;
  collarNumber: string;
}

/** A force that takes webhooks and warns `hours` before a deadline, with one case. */
async function setUp(h: Harness, hours: number): Promise<Setup> {
  const force = await createTestForce(h.db);
  const settings = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { webhookUrl: receiver.url, deadlineWarningHours: hours } });
  expect(settings.status, settings.text).toBe(200);
  const secret = (await call<WebhookSecret>(h.url, 'rotateWebhookSecret', '/v1/force/webhook-secret', { method: 'POST', token: force.apiKey })).body.secret;
  const officer = await createTestOfficer(h.db, force.forceId, { displayName: 'DC Sam Patel' });
  const created = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: officer.collarNumber } }));
  return { force, secret, caseId: created.id, crimeReference: created.crimeReference, collarNumber: officer.collarNumber };
}

async function postEvent(h: Harness, s: Setup, event: CaseEventCreate): Promise<CaseEvent> {
  const posted = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${s.caseId}/events`, { token: s.force.apiKey, json: event });
  expect(posted.status, posted.text).toBe(201);
  return posted.body;
}

interface WarningRow { id: string; due_at: Date; sent_at: Date | null; failed_at: Date | null; last_error: string | null; payload: { eventId?: string; referralId?: string } }

async function warnings(h: Harness, s: Setup): Promise<WarningRow[]> {
  return h.db('outbox').select<WarningRow[]>('id', 'next_attempt_at as due_at', 'sent_at', 'failed_at', 'last_error', 'payload').where({ force_id: s.force.forceId, kind: 'duty_due_soon' }).orderBy('created_at');
}

/** As if the time had come: make the force's waiting warnings due, and run the worker. */
async function whenDue(h: Harness, s: Setup): Promise<void> {
  await h.db('outbox').where({ force_id: s.force.forceId, kind: 'duty_due_soon' }).whereNull('sent_at').whereNull('failed_at').update({ next_attempt_at: h.db.fn.now() });
  await h.server.deliverNotifications();
}

async function dueSoonWebhooks(h: Harness, s: Setup): Promise<WebhookEvent[]> {
  await h.server.deliverNotifications();
  const ours = receiver.accepted().filter((r) => {
    const event = JSON.parse(r.body) as WebhookEvent;
    return event.type === 'duty.due_soon' && event.data.caseId === s.caseId;
  });
  const events = ours.map((r) => verifyWith(s.secret, r) as WebhookEvent);
  for (const event of events) expect(contractValidator().validateSchema('WebhookEvent', event)).toEqual([]);
  return events;
}

describe('the duty.due_soon warning', () => {
  it("is scheduled the force's warning hours before the deadline, and then posts the duty as it stands", async () => {
    const h = await harness();
    const s = await setUp(h, 24);
    const event = await postEvent(h, s, { type: 'charged', occurredAt: new Date(Date.now() - 60_000).toISOString() });
    const [warning, ...more] = await warnings(h, s);
    expect(more).toEqual([]);
    expect(warning!.payload.eventId).toBe(event.id);
    expect(warning!.due_at.getTime()).toBe(Date.parse(event.dueBy!) - 24 * 3_600_000);
    // Not yet: nothing is posted.
    expect(await dueSoonWebhooks(h, s)).toEqual([]);

    await whenDue(h, s);
    const [posted, ...others] = await dueSoonWebhooks(h, s);
    expect(others).toEqual([]);
    const duty: Duty = {
      kind: 'tell_victim', caseId: s.caseId, crimeReference: s.crimeReference, eventId: event.id, eventType: 'charged', dueBy: event.dueBy!, overdue: false,
      officerInCharge: expect.objectContaining({ collarNumber: s.collarNumber, displayName: 'DC Sam Patel' }) as Duty['officerInCharge'],
    };
    expect(posted!.data).toEqual({ caseId: s.caseId, crimeReference: s.crimeReference, duty });
    expect(await warnings(h, s)).toMatchObject([{ last_error: null, failed_at: null }]);
    expect((await warnings(h, s))[0]!.sent_at).toBeInstanceOf(Date);
    // Once turned into its webhook, it never posts again.
    await whenDue(h, s);
    expect(await dueSoonWebhooks(h, s)).toHaveLength(1);
  });

  it('is dropped when the duty is done by the time it comes', async () => {
    const h = await harness();
    const s = await setUp(h, 4);
    const event = await postEvent(h, s, { type: 'suspect_arrested', occurredAt: new Date(Date.now() - 60_000).toISOString() });
    const told = await call(h.url, 'recordVictimTold', `/v1/cases/${s.caseId}/events/${event.id}/told`, { token: s.force.apiKey, json: { toldAt: new Date().toISOString(), method: 'in_person' } });
    expect(told.status, told.text).toBe(200);
    await whenDue(h, s);
    expect(await warnings(h, s)).toMatchObject([{ sent_at: null, last_error: 'dropped_done' }]);
    expect(await dueSoonWebhooks(h, s)).toEqual([]);
  });

  it('is due at once when the warning time has already passed, and says the duty is overdue', async () => {
    const h = await harness();
    const s = await setUp(h, 4);
    const event = await postEvent(h, s, { type: 'suspect_interviewed', occurredAt: new Date(Date.now() - 21 * 86_400_000).toISOString() });
    const [warning] = await warnings(h, s);
    expect(warning!.due_at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(warning!.due_at.getTime()).toBeGreaterThan(Date.parse(event.dueBy!));
    const [posted] = await dueSoonWebhooks(h, s);
    expect(posted?.data.duty).toMatchObject({ eventId: event.id, overdue: true });
  });

  it('works for a referral to support too: posted while it is not made, dropped once it is', async () => {
    const h = await harness();
    const s = await setUp(h, 48);
    const services = await h.db('support_services')
      .insert([1, 2].map((n) => ({ force_id: s.force.forceId, key: `service-${n}`, name: `Service ${n}`, description: JSON.stringify({ en: 'Help', cy: 'Help' }), contact: JSON.stringify({ phone: '0808 168 9111' }) })))
      .returning<{ id: string }[]>('id');
    const dueBy = new Date(Date.now() + 2 * 86_400_000);
    const referrals = await h.db('support_referrals')
      .insert(services.map((service) => ({ force_id: s.force.forceId, case_id: s.caseId, service_id: service.id, requested_at: new Date(), due_by: dueBy })))
      .returning<{ id: string }[]>('id');
    await h.db.transaction(async (trx) => {
      for (const referral of referrals) await queueDueSoonWarning(trx, { forceId: s.force.forceId, caseId: s.caseId, dueBy, referralId: referral.id });
    });
    const made = await call(h.url, 'recordReferralMade', `/v1/cases/${s.caseId}/support-referrals/${referrals[1]!.id}/made`, { token: s.force.apiKey, json: { referredAt: new Date().toISOString() } });
    expect(made.status, made.text).toBe(200);
    await whenDue(h, s);
    const posted = await dueSoonWebhooks(h, s);
    expect(posted.map((w) => w.data.duty)).toMatchObject([{ kind: 'support_referral', referralId: referrals[0]!.id, dueBy: dueBy.toISOString(), overdue: false }]);
    const rows = await warnings(h, s);
    expect(rows.find((row) => row.payload.referralId === referrals[1]!.id)).toMatchObject({ last_error: 'dropped_done', sent_at: null });
  });
});
