// verifyWebhook on the real service's deliveries: a records system's receiver (node:http on
// 127.0.0.1) verifies every POST as the README says to, and answers 400 when it must not trust it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../src/index.js';
import { verifyWebhook, WebhookVerificationError } from '../src/webhooks.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';
import { newThread, useServer, type Thread } from './support/world.js';

const server = useServer();

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe('verifyWebhook on the service’s deliveries', () => {
  it('verifies every event of a thread, with the secret before and after a rotation', async () => {
    const thread = await newThread(server());
    await thread.forceClient.updateForceSettings({ webhookUrl: receiver.url });
    const { secret: first } = await thread.forceClient.rotateWebhookSecret();
    receiver.secrets = [first];
    await server().deliverNotifications();

    const question = await thread.victim().sendMessage(thread.theCase.id, 'Is the footage any use?');
    const update = await thread.victim().requestUpdate(thread.theCase.id);
    await thread.forceClient.markRead(thread.theCase.id, update.cursor);
    await server().deliverNotifications();
    expect(receiver.refused).toEqual([]);
    expect(receiver.verified.map((v) => v.event.type)).toEqual(['message.created', 'update.requested', 'message.read']);
    expect(receiver.verified[0]!.event.data).toMatchObject({ caseId: thread.theCase.id, crimeReference: thread.theCase.crimeReference, message: question });
    expect(receiver.verified[2]!.event.data).toMatchObject({ reader: 'officer', read: { officer: update.cursor } });

    // After a rotation the receiver may still hold only the previous secret, or already the new one.
    const { secret: next } = await thread.forceClient.rotateWebhookSecret();
    await server().deliverNotifications();
    for (const holding of [[first], [next]]) {
      receiver.secrets = holding;
      const before = receiver.verified.length;
      const reply = await thread.forceClient.sendMessage(thread.theCase.id, { body: `Answered while the receiver holds ${holding[0] === first ? 'the old' : 'the new'} secret` });
      await server().deliverNotifications();
      expect(receiver.refused).toEqual([]);
      expect(receiver.verified.slice(before).map((v) => [v.event.data.message?.id, v.with])).toEqual([[reply.id, holding[0]]]);
    }
    const last = receiver.deliveries.at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);

    // The same delivery replayed ten minutes later, or with its words changed, is refused.
    const later = new Date(Date.now() + 10 * 60_000);
    expect(() => verifyWebhook(last.body, last.headers, next, { now: later })).toThrow(/a replay/);
    expect(() => verifyWebhook(last.body.replace('Answered', 'Rewritten'), last.headers, next)).toThrow(WebhookVerificationError);
  });
});

describe('verifyWebhook on the timeline, support and preferences webhooks', () => {
  /** @returns the events verified since `from`, once the worker has sent what is due */
  async function deliveredSince(from: number): Promise<WebhookEvent[]> {
    await server().deliverNotifications();
    expect(receiver.refused).toEqual([]);
    return receiver.verified.slice(from).map((v) => v.event);
  }

  async function listening(): Promise<Thread> {
    const thread = await newThread(server());
    await thread.forceClient.updateForceSettings({ webhookUrl: receiver.url });
    receiver.secrets = [(await thread.forceClient.rotateWebhookSecret()).secret];
    await server().deliverNotifications();
    return thread;
  }

  it('verifies support.referral_requested, preferences.updated, duty.due_soon and victim.told from the service', async () => {
    const thread = await listening();
    const caseId = thread.theCase.id;
    const about = { caseId, crimeReference: thread.theCase.crimeReference };
    const victim = thread.victim();

    await thread.forceClient.putSupportService('victim-support', { name: 'Victim Support', description: { en: 'Free, confidential help.' }, contact: { phone: '0808 168 9111' } });
    let from = receiver.verified.length;
    const referral = await victim.requestReferral(caseId, 'victim-support');
    expect(await deliveredSince(from)).toEqual([{ type: 'support.referral_requested', timestamp: expect.any(String), data: { ...about, referral } }]);

    from = receiver.verified.length;
    const preferences = await victim.updatePreferences({ quietHours: { from: '22:00', until: '07:00' } });
    expect(await deliveredSince(from)).toEqual([{ type: 'preferences.updated', timestamp: expect.any(String), data: { ...about, preferences } }]);

    // The warning is queued for the force's deadlineWarningHours before the deadline: bring
    // that moment to now, as time would.
    const arrested = await thread.forceClient.recordEvent(caseId, { type: 'suspect_arrested', occurredAt: new Date().toISOString() });
    from = receiver.verified.length;
    await server().db('outbox').where({ force_id: thread.force.forceId, kind: 'duty_due_soon' }).whereRaw("payload->>'eventId' = ?", [arrested.id]).update({ next_attempt_at: server().db.fn.now() });
    const [warning, ...others] = await deliveredSince(from);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ type: 'duty.due_soon', data: { ...about, duty: { kind: 'tell_victim', caseId, eventId: arrested.id, eventType: 'suspect_arrested', dueBy: arrested.dueBy, overdue: false } } });

    // Opening the timeline tells the victim.
    from = receiver.verified.length;
    await victim.timeline(caseId);
    const told = await deliveredSince(from);
    expect(told).toEqual([{ type: 'victim.told', timestamp: expect.any(String), data: { ...about, event: expect.objectContaining({ id: arrested.id, toldBy: 'portal', duty: 'met' }) } }]);
  });
});
