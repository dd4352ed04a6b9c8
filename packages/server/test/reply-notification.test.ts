import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyTemplates } from '@victim-portal/contract';
import { NotifySender } from '../src/outbox/notify-sender.js';
import { createOutboxWorker } from '../src/outbox/worker.js';
import { startServer } from '../src/server.js';
import type { MailboxMessage } from '../src/outbox/dev-mailbox.js';
import { call } from './support/api.js';
import { startFakeNotify, type FakeNotify } from './support/fake-notify.js';
import { notifyTemplatesForTest } from './support/fake-notify-force.js';
import { harness, type Harness } from './support/harness.js';
import { liveCase, officerSays, readUpTo, recordsSystemSays, victimAsksForUpdate, victimSays, type LiveCase } from './support/live-thread.js';

interface PendingRow {
  id: string;
  payload: { template: string; channel: string; to: string; language: string; caseId: string; messageSeq: string };
  due_in: number;
  sent_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
}

/** The case's "new message" notifications, oldest first, with seconds until each is due. */
async function replyNotifications(h: Harness, c: LiveCase): Promise<PendingRow[]> {
  const { rows } = await h.db.raw<{ rows: PendingRow[] }>(
    `select id, payload, extract(epoch from next_attempt_at - now())::float as due_in, sent_at, failed_at, last_error
     from outbox where force_id = ? and kind = 'notification' and payload->>'template' = 'new_message' and payload->>'caseId' = ?
     order by created_at`,
    [c.force.forceId, c.caseId],
  );
  return rows;
}

/** As if the delay had passed: make the case's waiting notification due, and run the worker. */
async function afterTheDelay(h: Harness, c: LiveCase): Promise<void> {
  await h.db('outbox').where({ force_id: c.force.forceId, kind: 'notification' }).whereNull('sent_at').whereRaw(`payload->>'caseId' = ?`, [c.caseId]).update({ next_attempt_at: h.db.fn.now() });
  await h.server.deliverNotifications();
}

const mailTo = (h: Harness, to: string): MailboxMessage[] => (h.server.mailbox?.messages() ?? []).filter((m) => m.to === to);

describe('the victim is told of a reply, without its content', () => {
  it('queues one notification about two minutes after an officer replies, and it says only that there is a message', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const email = (await h.db('victims').join('cases', 'cases.victim_id', 'victims.id').where('cases.id', c.caseId).first<{ email: string }>('victims.email')).email;
    const before = mailTo(h, email).length;
    await officerSays(h.url, c, 'We have the CCTV from Elm Street and a suspect in custody.');
    const [pending] = await replyNotifications(h, c);
    expect(pending?.payload).toMatchObject({ template: 'new_message', channel: 'email', to: email, language: 'en' });
    expect(pending!.due_in).toBeGreaterThan(100);
    expect(pending!.due_in).toBeLessThanOrEqual(120);
    expect(JSON.stringify(pending!.payload)).not.toContain('CCTV');
    // Not due yet: nothing goes.
    await h.server.deliverNotifications();
    expect(mailTo(h, email)).toHaveLength(before);

    await afterTheDelay(h, c);
    const [mail] = mailTo(h, email);
    expect(mailTo(h, email)).toHaveLength(before + 1);
    expect(mail?.subject).toBe('You have a new message');
    expect(mail?.body).toContain('You have a new message about your report');
    expect(mail?.body).toContain('Sign in to read it');
    for (const secret of ['CCTV', 'Elm Street', c.crimeReference, 'Patel', 'suspect']) expect(JSON.stringify(mail)).not.toContain(secret);
  });

  it('also for a reply from the records system, in Welsh by text message for a Welsh victim who prefers texts', async () => {
    const h = await harness();
    const c = await liveCase(h, { victim: { mobile: '+447700900123', preferredChannel: 'sms', language: 'cy' } });
    await recordsSystemSays(h.url, c, 'Diweddariad');
    await afterTheDelay(h, c);
    const [text] = mailTo(h, '+447700900123');
    expect(text?.channel).toBe('sms');
    expect(text?.body).toContain('Mae gennych neges newydd');
    expect(text?.body).not.toContain('Diweddariad');
  });

  it('keeps one notification per case while it waits, moved on to the newest reply', async () => {
    const h = await harness();
    const c = await liveCase(h);
    await officerSays(h.url, c, 'First');
    const second = await officerSays(h.url, c, 'Second');
    const rows = await replyNotifications(h, c);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.payload.messageSeq).toBe(second.cursor);
    // Read up to the first only: the second is still unread, so it goes.
    const first = (await call<{ items: { cursor: string }[] }>(h.url, 'listMyMessages', `/v1/me/cases/${c.caseId}/messages`, { token: c.victimToken })).body.items[0]!;
    await readUpTo(h.url, c, 'victim', first.cursor);
    await afterTheDelay(h, c);
    expect((await replyNotifications(h, c))[0]?.sent_at).toBeTruthy();
    // Once one went, the next reply queues a new one.
    await officerSays(h.url, c, 'Third');
    expect(await replyNotifications(h, c)).toHaveLength(2);
  });

  it('is cancelled when the victim has read the reply by the time it is due (they were connected)', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const reply = await officerSays(h.url, c, 'Are you free on Tuesday?');
    await readUpTo(h.url, c, 'victim', reply.cursor);
    await afterTheDelay(h, c);
    const [row] = await replyNotifications(h, c);
    expect(row).toMatchObject({ sent_at: null, last_error: 'cancelled_read' });
    expect(row?.failed_at).toBeTruthy();
    expect(await h.db('outbox_attempts').where({ outbox_id: row!.id }).pluck('error')).toEqual(['cancelled_read']);
  });

  it('is cancelled when the case is hidden from the victim meanwhile', async () => {
    const h = await harness();
    const c = await liveCase(h);
    await officerSays(h.url, c, 'Update');
    const hidden = await call(h.url, 'updateCase', `/v1/cases/${c.caseId}`, { method: 'PATCH', token: c.force.apiKey, json: { riskFlags: ['unsafe_to_contact'] } });
    expect(hidden.status, hidden.text).toBe(200);
    await afterTheDelay(h, c);
    expect((await replyNotifications(h, c))[0]).toMatchObject({ sent_at: null, last_error: 'cancelled_hidden' });
  });

  it('is not queued for the victim’s own messages, update requests, or a victim who never signed in', async () => {
    const h = await harness();
    const c = await liveCase(h);
    await victimSays(h.url, c, 'Any news?');
    await victimAsksForUpdate(h.url, c);
    expect(await replyNotifications(h, c)).toEqual([]);
    await h.db('sessions').where({ force_id: c.force.forceId }).delete();
    await officerSays(h.url, c, 'Nothing yet');
    expect(await replyNotifications(h, c)).toEqual([]);
  });

  it('waits as long as the server is configured to (replyNotifyDelaySeconds)', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const quick = await startServer({ port: 0, db: h.db, migrate: false, outboxWorker: false, replyNotifyDelaySeconds: 30 });
    try {
      await officerSays(quick.url, c, 'Quick one');
    } finally {
      await quick.close();
    }
    const [row] = await replyNotifications(h, c);
    expect(row!.due_in).toBeGreaterThan(20);
    expect(row!.due_in).toBeLessThanOrEqual(30);
    // Closing that server put the shared server's setting back.
    await officerSays(h.url, await liveCase(h, { force: c.force }), 'Back to the default');
    const { rows } = await h.db.raw<{ rows: { due_in: number }[] }>(
      `select extract(epoch from next_attempt_at - now())::float as due_in from outbox where force_id = ? and payload->>'template' = 'new_message' order by created_at desc limit 1`,
      [c.force.forceId],
    );
    expect(rows[0]!.due_in).toBeGreaterThan(100);
  });
});

describe('the reply notification through GOV.UK Notify', () => {
  let fake: FakeNotify;
  let templates: Required<NotifyTemplates>;
  beforeAll(async () => {
    const made = notifyTemplatesForTest();
    templates = made.templates;
    fake = await startFakeNotify(made.needs);
  });
  afterAll(async () => {
    await fake.close();
  });

  it('uses the force’s newMessage templates, with only the sender name and language', async () => {
    const h = await harness();
    const c = await liveCase(h);
    await h.db('forces').where({ id: c.force.forceId }).update({ notify_templates: JSON.stringify(templates), sender_name: 'Testshire Support' });
    await officerSays(h.url, c, 'Please call me back about the statement');
    await h.db('outbox').where({ force_id: c.force.forceId }).whereRaw(`payload->>'template' = 'new_message'`).update({ next_attempt_at: h.db.fn.now() });
    const worker = createOutboxWorker({ db: h.db, sender: new NotifySender({ apiKey: fake.apiKey, baseUrl: fake.url }), pollIntervalMs: 0, onlyForces: [c.force.forceId] });
    await worker.deliverDue();
    const sent = fake.accepted().filter((r) => r.body.template_id === templates.newMessageEmail);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.personalisation).toEqual({ sender_name: 'Testshire Support', welsh: 'no' });
  });
});
