import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotifySender } from '../src/outbox/notify-sender.js';
import { createOutboxWorker } from '../src/outbox/worker.js';
import { startFakeNotify, type FakeNotify } from './support/fake-notify.js';
import { caseWithQueuedInvite, notifyForce, notifyTemplatesForTest, queueCodes } from './support/fake-notify-force.js';
import { harness } from './support/harness.js';
import { caseBody } from './support/journey.js';

const { templates, needs } = notifyTemplatesForTest();
let fake: FakeNotify;

beforeAll(async () => {
  fake = await startFakeNotify(needs);
});
afterAll(() => fake.close());

/** A worker of the test's own, for one force only, sending through Notify. */
function workerFor(db: Knex, forceId: string, sender = new NotifySender({ apiKey: fake.apiKey, baseUrl: fake.url })) {
  return createOutboxWorker({ db, sender, pollIntervalMs: 0, onlyForces: [forceId] });
}

describe('GOV.UK Notify, through its official client against a local fake', () => {
  it('sends an invite by email with the force’s template, only link, date and sender name, and the outbox id as reference', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates, 'Kingsmoor Support');
    const body = caseBody({}, { officerInCharge: { collarNumber: force.collarNumber } });
    const { outboxId } = await caseWithQueuedInvite(h, force, body);

    expect(await workerFor(h.db, force.forceId).deliverDue()).toBe(1);
    const [request] = fake.accepted().filter((r) => r.body.reference === outboxId);
    expect(request?.path).toBe('/v2/notifications/email');
    expect(request?.body).toMatchObject({ template_id: templates.inviteEmail, email_address: body.victim.email, reference: outboxId });
    expect(Object.keys(request?.body.personalisation ?? {}).sort()).toEqual(['expiry_date', 'link', 'sender_name', 'welsh']);
    expect(request?.body.personalisation).toMatchObject({ sender_name: 'Kingsmoor Support', welsh: 'no', link: expect.stringMatching(/^https:\/\/force\.example\/victim-portal#invite=vpi_/) });
    const sent = JSON.stringify(request?.body);
    for (const caseContent of [body.crimeReference, body.offence.code, body.offence.label, 'Burglary', body.victim.givenName, body.victim.familyName]) {
      expect(sent).not.toContain(caseContent);
    }

    const row = await h.db('outbox').where({ id: outboxId, force_id: force.forceId }).first();
    expect(row).toMatchObject({ attempts: 1, last_error: null, failed_at: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.payload.inviteLink).toBeUndefined();
    const attempts = await h.db('outbox_attempts').where({ force_id: force.forceId, outbox_id: outboxId });
    expect(attempts).toMatchObject([{ attempt: 1, outcome: 'sent', provider_reference: request?.id }]);
  });

  it('sends an invite by text message with the SMS template', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const mobile = `+4477009${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const body = caseBody({ email: undefined, mobile, language: 'cy' }, { officerInCharge: { collarNumber: force.collarNumber } });
    const { outboxId } = await caseWithQueuedInvite(h, force, body);

    expect(await workerFor(h.db, force.forceId).deliverDue()).toBe(1);
    const [request] = fake.accepted().filter((r) => r.body.reference === outboxId);
    expect(request?.path).toBe('/v2/notifications/sms');
    expect(request?.body).toMatchObject({ template_id: templates.inviteSms, phone_number: mobile, reference: outboxId });
    expect(request?.body.personalisation).toMatchObject({ sender_name: 'Testshire Support', welsh: 'yes' });
    expect(JSON.stringify(request?.body)).not.toContain(body.crimeReference);
  });

  it('sends one-time codes by SMS and email, and uses the force’s reply-to and text sender ids when set', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [smsId] = await queueCodes(h, force.forceId, 1, 'sms');
    const [emailId] = await queueCodes(h, force.forceId, 1, 'email');
    const senderIds = { [force.forceId]: { smsSenderId: '8e4f9d3c-0000-4000-8000-000000000001', emailReplyToId: '8e4f9d3c-0000-4000-8000-000000000002' } };
    const sender = new NotifySender({ apiKey: fake.apiKey, baseUrl: fake.url, senderIds });

    expect(await workerFor(h.db, force.forceId, sender).deliverDue()).toBe(2);
    const sms = fake.accepted().find((r) => r.body.reference === smsId);
    const email = fake.accepted().find((r) => r.body.reference === emailId);
    expect(sms?.body).toMatchObject({ template_id: templates.codeSms, sms_sender_id: senderIds[force.forceId]?.smsSenderId, personalisation: { code: '100000', sender_name: 'Testshire Support' } });
    expect(email?.body).toMatchObject({ template_id: templates.codeEmail, email_reply_to_id: senderIds[force.forceId]?.emailReplyToId });
    const rows = await h.db('outbox').where({ force_id: force.forceId });
    expect(rows.map((row) => row.payload.code)).toEqual([undefined, undefined]);
  });

  it('keeps a message whose force has no template for it, and sends it once the force sets one', async () => {
    const h = await harness();
    const force = await notifyForce(h, { inviteEmail: templates.inviteEmail });
    const [id] = await queueCodes(h, force.forceId, 1, 'sms');

    expect(await workerFor(h.db, force.forceId).deliverDue()).toBe(0);
    expect(await h.db('outbox').where({ id, force_id: force.forceId }).first()).toMatchObject({ last_error: 'notify_no_template_codeSms', failed_at: null, sent_at: null });

    await h.db('forces').where({ id: force.forceId }).update({ notify_templates: JSON.stringify(templates) });
    await h.db('outbox').where({ id, force_id: force.forceId }).update({ next_attempt_at: h.db.fn.now() });
    expect(await workerFor(h.db, force.forceId).deliverDue()).toBe(1);
    expect(fake.accepted().filter((r) => r.body.reference === id)).toHaveLength(1);
  });

  it('is refused by Notify with a wrong API key, and keeps the message to try again (never gives up at once)', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [id] = await queueCodes(h, force.forceId, 1);
    const wrongKey = fake.apiKey.replace(/.{36}$/, '00000000-0000-4000-8000-000000000000');

    expect(await workerFor(h.db, force.forceId, new NotifySender({ apiKey: wrongKey, baseUrl: fake.url })).deliverDue()).toBe(0);
    expect(await h.db('outbox').where({ id, force_id: force.forceId }).first()).toMatchObject({ last_error: 'notify_403_AuthError', failed_at: null, sent_at: null });
  });
});
