import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForceSettings, WebhookEvent, WebhookSecret } from '@victim-portal/contract';
import { createTestForce, type TestForce } from '../src/testing.js';
import { httpWebhookSender } from '../src/outbox/webhook-sender.js';
import { enqueueWebhook } from '../src/outbox/webhooks.js';
import { createOutboxWorker, type OutboxWorker } from '../src/outbox/worker.js';
import { call } from './support/api.js';
import { startFakeWebhookReceiver, verifyWith, type FakeWebhookReceiver } from './support/fake-webhook-receiver.js';
import { harness, type Harness } from './support/harness.js';

let receiver: FakeWebhookReceiver;
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

/** An event as announceThreadEvent queues it (its case need not exist for the outbox). */
function messageEvent(body = 'When will I hear about the CCTV?'): WebhookEvent {
  const caseId = randomUUID();
  return {
    type: 'message.created',
    timestamp: new Date().toISOString(),
    data: {
      caseId,
      crimeReference: 'TS/24/0000001',
      message: { id: randomUUID(), cursor: '1', caseId, kind: 'text', author: { type: 'victim' }, body, sentAt: new Date().toISOString(), readAt: null },
    },
  };
}

async function queue(h: Harness, forceId: string, event: WebhookEvent): Promise<string> {
  return h.db.transaction((trx) => enqueueWebhook(trx, forceId, event));
}

/**
 * This force's own worker, webhooks only (no notification sender). The shared server's worker
 * sends them too, but only when nudged: by a rotation or a new URL, after which the helpers
 * wait for it.
 */
function workerFor(h: Harness, forceId: string, timeoutMs?: number): OutboxWorker {
  return createOutboxWorker({ db: h.db, pollIntervalMs: 0, onlyForces: [forceId], webhooks: httpWebhookSender({ timeoutMs }) });
}

async function rotate(h: Harness, force: TestForce): Promise<string> {
  const rotated = await call<WebhookSecret>(h.url, 'rotateWebhookSecret', '/v1/force/webhook-secret', { token: force.apiKey, method: 'POST' });
  expect(rotated.status).toBe(201);
  // The rotation nudged the shared server's worker: let it finish before the test goes on.
  await h.server.deliverNotifications();
  return rotated.body.secret;
}

async function setUrl(h: Harness, force: TestForce, webhookUrl: string | null): Promise<ForceSettings> {
  const changed = await call<ForceSettings>(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { webhookUrl } });
  expect(changed.status, changed.text).toBe(200);
  await h.server.deliverNotifications();
  return changed.body;
}

/** A force whose webhooks go to the fake receiver. @returns it and its secret */
async function forceWithWebhooks(h: Harness): Promise<{ force: TestForce; secret: string }> {
  const force = await createTestForce(h.db);
  await setUrl(h, force, receiver.url);
  return { force, secret: await rotate(h, force) };
}

const receivedFor = (outboxId: string) => receiver.received.filter((r) => r.id === outboxId);

describe('webhook settings', () => {
  it('sets and clears the URL, creates and rotates the secret without ever showing it again, and audits both', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const before = await call<ForceSettings>(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey });
    expect(before.body).toMatchObject({ webhookUrl: null, webhookSecretSet: false });
    expect((await setUrl(h, force, 'https://records.testshire.example/hooks')).webhookUrl).toBe('https://records.testshire.example/hooks');
    const first = await call<WebhookSecret>(h.url, 'rotateWebhookSecret', '/v1/force/webhook-secret', { token: force.apiKey, method: 'POST' });
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const second = await rotate(h, force);
    expect(second).not.toBe(first.body.secret);
    const after = await call<ForceSettings>(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey });
    expect(after.body).toMatchObject({ webhookUrl: 'https://records.testshire.example/hooks', webhookSecretSet: true });
    expect(after.text).not.toContain('whsec_');
    expect((await setUrl(h, force, null)).webhookUrl).toBeNull();
    const audit = await h.db('audit_log').where({ force_id: force.forceId }).orderBy('id').select('action', 'reason');
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['force.settings_changed', 'force.webhook_secret_rotated', 'force.webhook_secret_rotated', 'force.settings_changed']);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it('refuses a URL that is not http(s)', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const refused = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { webhookUrl: 'ftp://records.example/hooks' } });
    expect(refused.status).toBe(400);
  });
});

describe('webhook delivery', () => {
  it('posts the event as JSON, signed per Standard Webhooks, with the outbox id as webhook-id', async () => {
    const h = await harness();
    const { force, secret } = await forceWithWebhooks(h);
    const event = messageEvent();
    const outboxId = await queue(h, force.forceId, event);
    expect(await workerFor(h, force.forceId).deliverDue()).toBe(1);
    const [got] = receivedFor(outboxId);
    expect(got?.contentType).toBe('application/json');
    expect(verifyWith(secret, got!)).toEqual(event);
    const row = await h.db('outbox').where({ id: outboxId }).first<{ sent_at: Date | null; attempts: number }>();
    expect(row?.sent_at).toBeTruthy();
    expect(await h.db('outbox_attempts').where({ outbox_id: outboxId }).pluck('outcome')).toEqual(['sent']);
    // Sent is sent: another pass posts nothing.
    expect(await workerFor(h, force.forceId).deliverDue()).toBe(0);
    expect(receivedFor(outboxId)).toHaveLength(1);
  });

  it('retries after a 500 with the same webhook-id, and a tampered body fails verification', async () => {
    const h = await harness();
    const { force, secret } = await forceWithWebhooks(h);
    const outboxId = await queue(h, force.forceId, messageEvent());
    const worker = workerFor(h, force.forceId);
    receiver.failNext(500);
    expect(await worker.deliverDue()).toBe(0);
    const failed = await h.db('outbox').where({ id: outboxId }).first<{ sent_at: Date | null; last_error: string; next_attempt_at: Date }>();
    expect(failed).toMatchObject({ sent_at: null, last_error: 'webhook_500' });
    expect(failed!.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    // The backoff has passed.
    await h.db('outbox').where({ id: outboxId }).update({ next_attempt_at: h.db.fn.now() });
    expect(await worker.deliverDue()).toBe(1);
    const posts = receivedFor(outboxId);
    expect(posts.map((p) => p.status)).toEqual([500, 200]);
    expect(new Set(posts.map((p) => p.id)).size).toBe(1);
    expect(await h.db('outbox_attempts').where({ outbox_id: outboxId }).orderBy('attempt').pluck('outcome')).toEqual(['failed', 'sent']);
    const tampered = { ...posts[1]!, body: posts[1]!.body.replace('CCTV', 'cctv') };
    expect(() => verifyWith(secret, tampered)).toThrow(/signature/i);
  });

  it('gives up on a receiver that does not answer in time, and tries again later', async () => {
    const h = await harness();
    const { force } = await forceWithWebhooks(h);
    const outboxId = await queue(h, force.forceId, messageEvent());
    receiver.hang();
    try {
      expect(await workerFor(h, force.forceId, 200).deliverDue()).toBe(0);
    } finally {
      receiver.recover();
    }
    const row = await h.db('outbox').where({ id: outboxId }).first<{ sent_at: Date | null; last_error: string; failed_at: Date | null }>();
    expect(row).toMatchObject({ sent_at: null, last_error: 'webhook_timeout', failed_at: null });
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const h = await harness();
    const { force, secret: oldSecret } = await forceWithWebhooks(h);
    const newSecret = await rotate(h, force);
    const during = await queue(h, force.forceId, messageEvent());
    expect(await workerFor(h, force.forceId).deliverDue()).toBe(1);
    const [overlap] = receivedFor(during);
    expect(overlap!.signature.split(' ')).toHaveLength(2);
    // A receiver still on the old secret, and one already on the new, both accept it.
    expect(verifyWith(oldSecret, overlap!)).toBeTruthy();
    expect(verifyWith(newSecret, overlap!)).toBeTruthy();

    await h.db('forces').where({ id: force.forceId }).update({ webhook_secret_rotated_at: h.db.raw("now() - interval '25 hours'") });
    const after = await queue(h, force.forceId, messageEvent());
    expect(await workerFor(h, force.forceId).deliverDue()).toBe(1);
    const [later] = receivedFor(after);
    expect(later!.signature.split(' ')).toHaveLength(1);
    expect(verifyWith(newSecret, later!)).toBeTruthy();
    expect(() => verifyWith(oldSecret, later!)).toThrow(/signature/i);
  });

  it('waits, without counting attempts, until the force has a URL and a secret', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const worker = workerFor(h, force.forceId);
    const outboxId = await queue(h, force.forceId, messageEvent());
    expect(await worker.deliverDue()).toBe(0);
    await setUrl(h, force, receiver.url);
    // A URL but no secret yet: still waiting.
    expect(await worker.deliverDue()).toBe(0);
    const waiting = await h.db('outbox').where({ id: outboxId }).first<{ attempts: number; sent_at: Date | null; failed_at: Date | null }>();
    expect(waiting).toMatchObject({ attempts: 0, sent_at: null, failed_at: null });
    expect(await h.db('outbox_attempts').where({ outbox_id: outboxId }).pluck('id')).toEqual([]);
    expect(receivedFor(outboxId)).toHaveLength(0);
    // The secret makes it due, and the rotation nudges the worker: it goes at once, once.
    const secret = await rotate(h, force);
    await worker.deliverDue();
    expect(receivedFor(outboxId)).toHaveLength(1);
    expect(verifyWith(secret, receivedFor(outboxId)[0]!)).toBeTruthy();

    // Cleared again: the next event waits, even one already claimed by a worker.
    await setUrl(h, force, null);
    const next = await queue(h, force.forceId, messageEvent());
    await h.db('outbox').where({ id: next }).update({ next_attempt_at: h.db.fn.now() });
    expect(await worker.deliverDue()).toBe(0);
    const parked = await h.db('outbox').where({ id: next }).first<{ attempts: number; sent_at: Date | null }>();
    expect(parked).toMatchObject({ attempts: 0, sent_at: null });
    expect(await h.db('outbox_attempts').where({ outbox_id: next }).pluck('id')).toEqual([]);
    await setUrl(h, force, receiver.url);
    await worker.deliverDue();
    expect(receivedFor(next)).toHaveLength(1);
  });

  it('sends nothing when the transaction that queued it rolls back', async () => {
    const h = await harness();
    const { force } = await forceWithWebhooks(h);
    let queued: string | undefined;
    await expect(
      h.db.transaction(async (trx) => {
        queued = await enqueueWebhook(trx, force.forceId, messageEvent());
        throw new Error('the message insert failed');
      }),
    ).rejects.toThrow('the message insert failed');
    expect(queued).toBeTruthy();
    expect(await workerFor(h, force.forceId).deliverDue()).toBe(0);
    expect(await h.db('outbox').where({ force_id: force.forceId }).pluck('id')).toEqual([]);
    expect(receivedFor(queued!)).toHaveLength(0);
  });
});
