import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventCreate, WebhookEvent, WebhookSecret } from '@victim-portal/contract';
import { contractValidator } from '../src/app.js';
import type { MailboxMessage } from '../src/outbox/dev-mailbox.js';
import { call } from './support/api.js';
import { startFakeWebhookReceiver, verifyWith, type FakeWebhookReceiver } from './support/fake-webhook-receiver.js';
import { harness, type Harness } from './support/harness.js';
import { liveCase, officerSays, type LiveCase } from './support/live-thread.js';

let receiver: FakeWebhookReceiver;
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver();
  await harness();
}, 120_000);
afterAll(async () => {
  await receiver.close();
});

interface Row {
  id: string;
  payload: { template: string; channel: string; to: string; caseId: string; eventIds: string[] };
  due_at: Date;
  attempts: number;
  sent_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
}

/** A signed-in victim's case whose force posts webhooks to the fake receiver. */
async function caseWithWebhooks(h: Harness, victim: Parameters<typeof liveCase>[1] = {}): Promise<{ c: LiveCase; secret: string; to: string }> {
  const c = await liveCase(h, victim);
  await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: c.force.apiKey, json: { webhookUrl: receiver.url } });
  const rotated = await call<WebhookSecret>(h.url, 'rotateWebhookSecret', '/v1/force/webhook-secret', { method: 'POST', token: c.force.apiKey });
  const victimRow = await h.db('victims').join('cases', (join) => join.on('cases.victim_id', 'victims.id').andOn('cases.force_id', 'victims.force_id')).where('cases.id', c.caseId).first<{ email: string | null; mobile: string | null; preferred_channel: string }>('victims.email', 'victims.mobile', 'victims.preferred_channel');
  const to = victimRow.preferred_channel === 'sms' && victimRow.mobile ? victimRow.mobile : (victimRow.email as string);
  return { c, secret: rotated.body.secret, to };
}

async function postEvent(h: Harness, c: LiveCase, event: CaseEventCreate): Promise<CaseEvent> {
  const posted = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${c.caseId}/events`, { token: c.force.apiKey, json: event });
  expect(posted.status, posted.text).toBe(201);
  return posted.body;
}

const justNow = () => new Date(Date.now() - 60_000).toISOString();

async function caseUpdates(h: Harness, c: LiveCase): Promise<Row[]> {
  return h.db('outbox')
    .select<Row[]>('id', 'payload', 'next_attempt_at as due_at', 'attempts', 'sent_at', 'failed_at', 'last_error')
    .where({ force_id: c.force.forceId, kind: 'notification' })
    .whereRaw(`payload->>'template' = 'case_update' and payload->>'caseId' = ?`, [c.caseId])
    .orderBy('created_at');
}

/** As if the delay had passed: make the case's waiting notifications due, and run the worker. */
async function afterTheDelay(h: Harness, c: LiveCase): Promise<void> {
  await h.db('outbox').where({ force_id: c.force.forceId, kind: 'notification' }).whereNull('sent_at').whereNull('failed_at').whereRaw(`payload->>'caseId' = ?`, [c.caseId]).update({ next_attempt_at: h.db.fn.now() });
  await h.server.deliverNotifications();
}

async function toldWebhooks(h: Harness, c: LiveCase, secret: string): Promise<WebhookEvent[]> {
  await h.server.deliverNotifications();
  const ours = receiver.accepted().filter((r) => {
    const event = JSON.parse(r.body) as WebhookEvent;
    return event.type === 'victim.told' && event.data.caseId === c.caseId;
  });
  const events = ours.map((r) => verifyWith(secret, r) as WebhookEvent);
  for (const event of events) expect(contractValidator().validateSchema('WebhookEvent', event)).toEqual([]);
  return events;
}

/** What the dev mailbox holds for this address besides the invite: "sign in to read it" notifications. */
const mailTo = (h: Harness, to: string): MailboxMessage[] => (h.server.mailbox?.messages() ?? []).filter((m) => m.to === to && !m.link);

/** A UK wall-clock time, HH:MM, `minutes` from now. */
function londonClock(from: number, minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(from + minutes * 60_000));
}

describe('the victim is told of an update on their case, and that counts as telling them', () => {
  it('gathers updates close together into one notification that says nothing of them; once delivered, each event is told, with a victim.told webhook', async () => {
    const h = await harness();
    const { c, secret, to } = await caseWithWebhooks(h);
    const arrested = await postEvent(h, c, { type: 'suspect_arrested', occurredAt: justNow(), officerText: 'Arrested at Elm Street' });
    const interviewed = await postEvent(h, c, { type: 'suspect_interviewed', occurredAt: justNow() });
    const [pending, ...more] = await caseUpdates(h, c);
    expect(more).toEqual([]);
    expect(pending!.payload).toMatchObject({ template: 'case_update', channel: 'email', to, caseId: c.caseId, eventIds: [arrested.id, interviewed.id] });
    const wait = (pending!.due_at.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(120);
    // Not due yet: nothing goes, nobody is told.
    await h.server.deliverNotifications();
    expect(mailTo(h, to)).toEqual([]);

    await afterTheDelay(h, c);
    const mail = mailTo(h, to);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: 'email', subject: 'There is an update on your case' });
    expect(mail[0]!.body).toContain('There is an update on your case. Sign in to read it.');
    for (const secretWord of [c.crimeReference, 'Elm Street', 'arrest', 'Burglary', 'Patel']) expect(JSON.stringify(mail[0])).not.toContain(secretWord);

    const events = await h.db('case_events').where({ force_id: c.force.forceId, case_id: c.caseId }).whereIn('id', [arrested.id, interviewed.id]).select('id', 'told_by', 'told_at');
    expect(events.map((e) => e.told_by)).toEqual(['notification', 'notification']);
    const told = await toldWebhooks(h, c, secret);
    expect(told.map((w) => w.data.event?.id).sort()).toEqual([arrested.id, interviewed.id].sort());
    for (const webhook of told) {
      expect(webhook.data).toMatchObject({ caseId: c.caseId, crimeReference: c.crimeReference, event: { toldBy: 'notification', duty: 'met' } });
    }
    expect(told.find((w) => w.data.event?.id === arrested.id)?.data.event).toMatchObject({ officerText: 'Arrested at Elm Street', type: 'suspect_arrested', dueBy: arrested.dueBy });
    // The event as the force reads it from the timeline.
    const listed = await call<{ items: CaseEvent[] }>(h.url, 'listCaseEvents', `/v1/cases/${c.caseId}/events`, { token: c.force.apiKey });
    expect(told.find((w) => w.data.event?.id === arrested.id)?.data.event).toEqual(listed.body.items.find((e) => e.id === arrested.id));
    // The next update queues a new notification.
    await postEvent(h, c, { type: 'charged', occurredAt: justNow() });
    expect(await caseUpdates(h, c)).toHaveLength(2);
  });

  it('is cancelled when the victim was told another way before it went, and then tells nobody again', async () => {
    const h = await harness();
    const { c, secret, to } = await caseWithWebhooks(h);
    const charged = await postEvent(h, c, { type: 'charged', occurredAt: justNow() });
    const byPhone = await call<CaseEvent>(h.url, 'recordVictimTold', `/v1/cases/${c.caseId}/events/${charged.id}/told`, { token: c.force.apiKey, json: { toldAt: new Date().toISOString(), method: 'phone' } });
    expect(byPhone.status, byPhone.text).toBe(200);
    await afterTheDelay(h, c);
    expect(await caseUpdates(h, c)).toMatchObject([{ sent_at: null, last_error: 'cancelled_told' }]);
    expect(mailTo(h, to)).toEqual([]);
    expect(await toldWebhooks(h, c, secret)).toEqual([]);
    expect((await h.db('case_events').where({ id: charged.id }).first()).told_by).toBe('phone');
  });

  it('opening the timeline tells the victim (told by portal, one webhook each), and the waiting notification is then not sent', async () => {
    const h = await harness();
    const { c, secret, to } = await caseWithWebhooks(h);
    const arrested = await postEvent(h, c, { type: 'suspect_arrested', occurredAt: justNow() });
    const bailed = await postEvent(h, c, { type: 'released_on_bail', occurredAt: justNow() });
    const opened = await call(h.url, 'getMyTimeline', `/v1/me/cases/${c.caseId}/timeline`, { token: c.victimToken });
    expect(opened.status, opened.text).toBe(200);
    const told = await toldWebhooks(h, c, secret);
    expect(told.map((w) => [w.data.event?.id, w.data.event?.toldBy]).sort()).toEqual([[arrested.id, 'portal'], [bailed.id, 'portal']].sort());
    // Opening it again tells nobody anything new.
    await call(h.url, 'getMyTimeline', `/v1/me/cases/${c.caseId}/timeline`, { token: c.victimToken });
    expect(await toldWebhooks(h, c, secret)).toHaveLength(2);
    await afterTheDelay(h, c);
    expect(await caseUpdates(h, c)).toMatchObject([{ sent_at: null, last_error: 'cancelled_told' }]);
    expect(mailTo(h, to)).toEqual([]);
  });

  it('goes by text message in Welsh to a Welsh victim who prefers texts', async () => {
    const h = await harness();
    const { c } = await caseWithWebhooks(h, { victim: { mobile: '+447700900456', preferredChannel: 'sms', language: 'cy' } });
    await postEvent(h, c, { type: 'suspect_arrested', occurredAt: justNow() });
    await afterTheDelay(h, c);
    const [text] = mailTo(h, '+447700900456');
    expect(text?.channel).toBe('sms');
    expect(text?.body).toContain('Mae diweddariad ar eich achos');
    expect(text?.body).not.toContain(c.crimeReference);
  });

  it('is not queued for a victim who opted out or never signed in; neither is the new-message notification', async () => {
    const h = await harness();
    const { c } = await caseWithWebhooks(h);
    await h.db('victims').whereIn('id', h.db('cases').select('victim_id').where({ id: c.caseId })).update({ notifications_opted_out: true });
    await postEvent(h, c, { type: 'suspect_arrested', occurredAt: justNow() });
    await officerSays(h.url, c, 'We have made an arrest.');
    const queued = await h.db('outbox').where({ force_id: c.force.forceId, kind: 'notification' }).whereRaw(`payload->>'caseId' = ?`, [c.caseId]);
    expect(queued).toEqual([]);

    const { c: never } = await caseWithWebhooks(h);
    await h.db('sessions').where({ force_id: never.force.forceId }).delete();
    await postEvent(h, never, { type: 'suspect_arrested', occurredAt: justNow() });
    expect(await caseUpdates(h, never)).toEqual([]);
  });

  it('waits for the end of the victim’s quiet hours, checked again when it is due; cancelled if they opt out meanwhile', async () => {
    const h = await harness();
    const { c, to } = await caseWithWebhooks(h);
    const victim = () => h.db('victims').whereIn('id', h.db('cases').select('victim_id').where({ id: c.caseId }));
    // Quiet from an hour ago until three hours from now (UK time; it may span midnight).
    const queuedAt = Date.now();
    await victim().update({ quiet_from: londonClock(queuedAt, -60), quiet_until: londonClock(queuedAt, 180) });
    await postEvent(h, c, { type: 'suspect_arrested', occurredAt: justNow() });
    await officerSays(h.url, c, 'Can you call me?');
    const quietEnd = Math.floor((queuedAt + 180 * 60_000) / 60_000) * 60_000;
    const [update] = await caseUpdates(h, c);
    expect(update!.due_at.getTime()).toBe(quietEnd);
    const [reply] = await h.db('outbox').where({ force_id: c.force.forceId, kind: 'notification' }).whereRaw(`payload->>'template' = 'new_message' and payload->>'caseId' = ?`, [c.caseId]);
    expect(reply.next_attempt_at.getTime()).toBe(quietEnd);

    // Made due (as if a worker found it early, or the hours changed after it was queued): put off, not an attempt.
    await afterTheDelay(h, c);
    expect(mailTo(h, to)).toEqual([]);
    const [putOff] = await caseUpdates(h, c);
    expect(putOff).toMatchObject({ attempts: 0, sent_at: null, failed_at: null });
    expect(putOff!.due_at.getTime()).toBe(quietEnd);

    await victim().update({ quiet_from: null, quiet_until: null, notifications_opted_out: true });
    await afterTheDelay(h, c);
    expect(await caseUpdates(h, c)).toMatchObject([{ sent_at: null, last_error: 'cancelled_opted_out' }]);
    const [replyNow] = await h.db('outbox').where({ id: reply.id });
    expect(replyNow).toMatchObject({ sent_at: null, last_error: 'cancelled_opted_out' });
    expect(mailTo(h, to)).toEqual([]);
  });
});
