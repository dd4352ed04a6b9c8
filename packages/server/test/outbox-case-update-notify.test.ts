import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, ForceCase } from '@victim-portal/contract';
import { NotifySender } from '../src/outbox/notify-sender.js';
import { createOutboxWorker } from '../src/outbox/worker.js';
import { startServer } from '../src/server.js';
import { createTestVictimSession } from '../src/testing.js';
import { call } from './support/api.js';
import { startFakeNotify, type FakeNotify } from './support/fake-notify.js';
import { notifyForce, notifyTemplatesForTest } from './support/fake-notify-force.js';
import { harness } from './support/harness.js';
import { caseBody } from './support/journey.js';

const { templates, needs } = notifyTemplatesForTest();
let fake: FakeNotify;

beforeAll(async () => {
  fake = await startFakeNotify(needs);
  await harness();
}, 120_000);
afterAll(() => fake.close());

function workerFor(db: Knex, forceId: string) {
  return createOutboxWorker({ db, sender: new NotifySender({ apiKey: fake.apiKey, baseUrl: fake.url }), pollIntervalMs: 0, onlyForces: [forceId] });
}

describe('the case-update notification through GOV.UK Notify', () => {
  it('uses the force’s caseUpdate template with only the sender name and language, and tells the victim once Notify accepts it', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates, 'Kingsmoor Support');
    // A server of the test's own with no worker: what it queues waits for the test's worker.
    const server = await startServer({ port: 0, db: h.db, migrate: false, outboxWorker: false });
    try {
      const mobile = '+447700900789';
      const body = caseBody({ mobile, preferredChannel: 'sms', language: 'cy' }, { officerInCharge: { collarNumber: force.collarNumber } });
      const created = await call<ForceCase>(server.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
      expect(created.status, created.text).toBe(201);
      await createTestVictimSession(h.db, force.forceId, created.body.id);
      const event = await call<CaseEvent>(server.url, 'createCaseEvent', `/v1/cases/${created.body.id}/events`, {
        token: force.apiKey, json: { type: 'no_further_action', occurredAt: new Date(Date.now() - 60_000).toISOString(), officerText: 'Not enough evidence' },
      });
      expect(event.status, event.text).toBe(201);
      const row = await h.db('outbox').where({ force_id: force.forceId, kind: 'notification' }).whereRaw(`payload->>'template' = 'case_update'`).first<{ id: string }>('id');
      await h.db('outbox').where({ id: row.id }).update({ next_attempt_at: h.db.fn.now() });

      await workerFor(h.db, force.forceId).deliverDue();
      const [request, ...again] = fake.accepted().filter((r) => r.body.reference === row.id);
      expect(again).toEqual([]);
      expect(request?.path).toBe('/v2/notifications/sms');
      expect(request?.body).toMatchObject({ template_id: templates.caseUpdateSms, phone_number: mobile });
      expect(request?.body.personalisation).toEqual({ sender_name: 'Kingsmoor Support', welsh: 'yes' });
      for (const caseContent of [body.crimeReference, 'Not enough evidence', 'no_further_action', body.offence.label]) expect(JSON.stringify(request?.body)).not.toContain(caseContent);
      const told = await h.db('case_events').where({ force_id: force.forceId, id: event.body.id }).first();
      expect(told.told_by).toBe('notification');
      expect(told.told_at.getTime()).toBeGreaterThanOrEqual(Date.parse(event.body.occurredAt));
      // Sent once: a second run sends and tells nothing more.
      await workerFor(h.db, force.forceId).deliverDue();
      expect(fake.accepted().filter((r) => r.body.reference === row.id)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('waits, and tells nobody, while the force has no caseUpdate template', async () => {
    const h = await harness();
    const { caseUpdateEmail: _email, caseUpdateSms: _sms, ...withoutCaseUpdate } = templates;
    const force = await notifyForce(h, withoutCaseUpdate);
    const server = await startServer({ port: 0, db: h.db, migrate: false, outboxWorker: false });
    try {
      const created = await call<ForceCase>(server.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody({}, { officerInCharge: { collarNumber: force.collarNumber } }) });
      await createTestVictimSession(h.db, force.forceId, created.body.id);
      const event = await call<CaseEvent>(server.url, 'createCaseEvent', `/v1/cases/${created.body.id}/events`, { token: force.apiKey, json: { type: 'charged', occurredAt: new Date(Date.now() - 60_000).toISOString() } });
      expect(event.status, event.text).toBe(201);
      await h.db('outbox').where({ force_id: force.forceId, kind: 'notification' }).whereRaw(`payload->>'template' = 'case_update'`).update({ next_attempt_at: h.db.fn.now() });
      await workerFor(h.db, force.forceId).deliverDue();
      const row = await h.db('outbox').where({ force_id: force.forceId, kind: 'notification' }).whereRaw(`payload->>'template' = 'case_update'`).first();
      expect(row).toMatchObject({ sent_at: null, failed_at: null, last_error: 'notify_no_template_caseUpdateEmail' });
      expect((await h.db('case_events').where({ id: event.body.id }).first()).told_at).toBeNull();
    } finally {
      await server.close();
    }
  });
});
