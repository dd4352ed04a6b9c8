import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEvent, WebhookSecret } from '@victim-portal/contract';
import { contractValidator } from '../src/app.js';
import { announceThreadEvent } from '../src/features/live/announce.js';
import { call } from './support/api.js';
import { startFakeWebhookReceiver, verifyWith, type FakeWebhookReceiver } from './support/fake-webhook-receiver.js';
import { harness, type Harness } from './support/harness.js';
import { liveCase, officerSays, readUpTo, recordsSystemSays, victimAsksForUpdate, victimSays, type LiveCase } from './support/live-thread.js';

let receiver: FakeWebhookReceiver;
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

/** A case whose force posts its webhooks to the fake receiver. */
async function caseWithWebhooks(h: Harness): Promise<{ c: LiveCase; secret: string }> {
  const c = await liveCase(h);
  await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: c.force.apiKey, json: { webhookUrl: receiver.url } });
  const rotated = await call<WebhookSecret>(h.url, 'rotateWebhookSecret', '/v1/force/webhook-secret', { method: 'POST', token: c.force.apiKey });
  return { c, secret: rotated.body.secret };
}

/** Deliver what is due, and @returns the verified webhooks about this case, in the order sent */
async function webhooksFor(h: Harness, c: LiveCase, secret: string): Promise<WebhookEvent[]> {
  await h.server.deliverNotifications();
  // The receiver serves every test's force, each with its own secret: pick this case's first.
  const ours = receiver.accepted().filter((r) => (JSON.parse(r.body) as WebhookEvent).data.caseId === c.caseId);
  const events = ours.map((r) => verifyWith(secret, r) as WebhookEvent);
  for (const event of events) expect(contractValidator().validateSchema('WebhookEvent', event)).toEqual([]);
  return events;
}

describe('every thread event reaches the records system by webhook', () => {
  it('message.created from each side, update.requested and message.read, each once', async () => {
    const h = await harness();
    const { c, secret } = await caseWithWebhooks(h);
    const fromVictim = await victimSays(h.url, c, 'Has anyone looked at the CCTV?');
    const request = await victimAsksForUpdate(h.url, c);
    await readUpTo(h.url, c, 'officer', request.cursor);
    const fromOfficer = await officerSays(h.url, c, 'Yes, this morning.');
    const fromRecords = await recordsSystemSays(h.url, c, 'Statement booked for Tuesday.');
    const events = await webhooksFor(h, c, secret);
    // Posted concurrently, so not necessarily in order: receivers order by message cursor.
    expect(events.map((e) => e.type).sort()).toEqual(['message.created', 'message.created', 'message.created', 'message.read', 'update.requested']);
    const created = events.filter((e) => e.type === 'message.created').map((e) => e.data.message!).sort((a, b) => Number(a.cursor) - Number(b.cursor));
    expect(created.map((m) => [m.id, m.body, m.author.type])).toEqual([fromVictim, fromOfficer, fromRecords].map((m) => [m.id, m.body, m.author.type]));
    expect(events.find((e) => e.type === 'message.created' && e.data.message?.id === fromVictim.id)?.data).toEqual({ caseId: c.caseId, crimeReference: c.crimeReference, message: fromVictim });
    expect(events.find((e) => e.type === 'update.requested')?.data.message).toMatchObject({ id: request.id, kind: 'update_request' });
    expect(events.find((e) => e.type === 'message.read')?.data).toMatchObject({ caseId: c.caseId, reader: 'officer', read: { officer: request.cursor } });
    // A retried send stores nothing new, so posts nothing new.
    expect((await webhooksFor(h, c, secret)).length).toBe(5);
  });

  it('posts nothing when the transaction that announced the event rolls back', async () => {
    const h = await harness();
    const { c, secret } = await caseWithWebhooks(h);
    const attempt = h.db.transaction(async (trx) => {
      const { rows } = await trx.raw<{ rows: { seq: string }[] }>(
        `insert into messages (id, force_id, case_id, kind, author_type, body) values (?, ?, ?, 'text', 'victim', 'never stored') returning cast(seq as text) as seq`,
        [randomUUID(), c.force.forceId, c.caseId],
      );
      await announceThreadEvent(trx, { forceId: c.force.forceId, caseId: c.caseId, seq: rows[0]!.seq, type: 'message.created' });
      throw new Error('something later in the transaction failed');
    });
    await expect(attempt).rejects.toThrow('something later in the transaction failed');
    expect(await h.db('outbox').where({ force_id: c.force.forceId, kind: 'webhook' }).pluck('id')).toEqual([]);
    expect(await webhooksFor(h, c, secret)).toEqual([]);
    expect(JSON.stringify(receiver.received)).not.toContain('never stored');
  });
});
