import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/connection.js';
import { NotifySender } from '../src/outbox/notify-sender.js';
import type { NotificationSender } from '../src/outbox/sender.js';
import { createOutboxWorker, type OutboxWorkerOptions } from '../src/outbox/worker.js';
import { startFakeNotify, type FakeNotify } from './support/fake-notify.js';
import { notifyForce, notifyTemplatesForTest, queueCodes } from './support/fake-notify-force.js';
import { harness, onPostgres } from './support/harness.js';

const { templates, needs } = notifyTemplatesForTest();
let fake: FakeNotify;

// Starting the shared server (and migrating its database) is not part of the first test's time.
beforeAll(async () => {
  fake = await startFakeNotify(needs);
  await harness();
}, 120_000);
afterAll(() => fake.close());

function notify(): NotifySender {
  return new NotifySender({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 5_000 });
}

function worker(db: Knex, forceId: string, options: Partial<OutboxWorkerOptions> = {}) {
  return createOutboxWorker({ db, sender: notify(), pollIntervalMs: 0, onlyForces: [forceId], ...options });
}

/** Instead of waiting: what the clock would do, make the force's waiting rows due now. */
async function makeDue(db: Knex, forceId: string): Promise<void> {
  await db('outbox').where({ force_id: forceId }).whereNull('sent_at').whereNull('failed_at').update({ next_attempt_at: db.fn.now() });
}

/** How many times Notify accepted each of these outbox rows. */
function timesAccepted(ids: string[]): number[] {
  return ids.map((id) => fake.accepted().filter((request) => request.body.reference === id).length);
}

/** The wait the worker set after the row's latest attempt, in seconds. */
async function lastWait(db: Knex, forceId: string, id: string): Promise<number> {
  const { rows } = await db.raw<{ rows: { wait: number }[] }>(
    `select cast(extract(epoch from (o.next_attempt_at - a.finished_at)) as float8) as wait
     from outbox o join outbox_attempts a on a.force_id = o.force_id and a.outbox_id = o.id and a.attempt = o.attempts
     where o.id = ? and o.force_id = ?`,
    [id, forceId],
  );
  return Number(rows[0]?.wait);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('delivering the outbox when things go wrong', () => {
  it('keeps messages while Notify answers 500, waits exponentially longer up to the cap, then sends each exactly once', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const ids = await queueCodes(h, force.forceId, 3);
    const failing = worker(h.db, force.forceId, { retry: { baseSeconds: 30, capSeconds: 240, maxAttempts: 20 }, random: () => 1 });
    fake.failWith(500);
    try {
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        expect(await failing.deliverDue()).toBe(0);
        waits.push(await lastWait(h.db, force.forceId, ids[0] as string));
        await makeDue(h.db, force.forceId);
      }
      expect(waits).toEqual([30, 60, 120, 240, 240, 240]);
    } finally {
      fake.recover();
    }
    expect(await failing.deliverDue()).toBe(3);
    expect(await failing.deliverDue()).toBe(0);
    expect(timesAccepted(ids)).toEqual([1, 1, 1]);

    const attempts = await h.db('outbox_attempts').where({ force_id: force.forceId, outbox_id: ids[0] }).orderBy('attempt');
    expect(attempts.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, 'failed', 'notify_500_Exception'],
      // A retry first asks Notify whether it has the message already: down, it cannot say.
      ...[2, 3, 4, 5, 6].map((n) => [n, 'failed', 'notify_lookup_500_Exception']),
      [7, 'sent', null],
    ]);
    expect(attempts.every((a) => a.finished_at instanceof Date && typeof a.worker === 'string')).toBe(true);
  });

  it('keeps messages while Notify cannot be reached at all, and sends them when it is back', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const ids = await queueCodes(h, force.forceId, 2);
    await fake.close();
    try {
      expect(await worker(h.db, force.forceId).deliverDue()).toBe(0);
    } finally {
      await fake.reopen();
    }
    const rows = await h.db('outbox').where({ force_id: force.forceId });
    expect(rows.map((row) => [row.attempts, row.last_error, row.sent_at, row.failed_at])).toEqual([
      [1, expect.stringMatching(/^notify_network_(ECONNREFUSED|ECONNRESET)$/), null, null],
      [1, expect.stringMatching(/^notify_network_(ECONNREFUSED|ECONNRESET)$/), null, null],
    ]);
    await makeDue(h.db, force.forceId);
    expect(await worker(h.db, force.forceId).deliverDue()).toBe(2);
    expect(timesAccepted(ids)).toEqual([1, 1]);
  });

  it('stops at once when Notify refuses a message as invalid (400), and records why', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [id] = await queueCodes(h, force.forceId, 1);
    const failures: { error: string; gaveUp?: boolean }[] = [];
    fake.failWith(400);
    try {
      expect(await worker(h.db, force.forceId, { onDeliveryFailure: (f) => failures.push(f) }).deliverDue()).toBe(0);
    } finally {
      fake.recover();
    }
    const row = await h.db('outbox').where({ id, force_id: force.forceId }).first();
    expect(row).toMatchObject({ attempts: 1, last_error: 'notify_400_BadRequestError', sent_at: null });
    expect(row.failed_at).toBeInstanceOf(Date);
    expect(row.payload.code).toBeUndefined();
    expect(failures).toEqual([{ outboxId: id, error: 'notify_400_BadRequestError', gaveUp: true }]);
    expect(await h.db('outbox_attempts').where({ force_id: force.forceId, outbox_id: id })).toMatchObject([{ outcome: 'gave_up', error: 'notify_400_BadRequestError' }]);

    await h.db('outbox').where({ id, force_id: force.forceId }).update({ next_attempt_at: h.db.fn.now() });
    expect(await worker(h.db, force.forceId).deliverDue()).toBe(0);
    expect(fake.requests.filter((r) => r.body.reference === id)).toHaveLength(1);
  });

  it('gives up after the last retryable attempt, and says so', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [id] = await queueCodes(h, force.forceId, 1);
    const failures: { gaveUp?: boolean }[] = [];
    const limited = worker(h.db, force.forceId, { retry: { maxAttempts: 3 }, onDeliveryFailure: (f) => failures.push(f) });
    fake.failWith(429);
    try {
      for (let n = 0; n < 4; n++) {
        await limited.deliverDue();
        await makeDue(h.db, force.forceId);
      }
    } finally {
      fake.recover();
    }
    const row = await h.db('outbox').where({ id, force_id: force.forceId }).first();
    expect(row).toMatchObject({ attempts: 3, last_error: 'notify_lookup_429_RateLimitError', sent_at: null });
    expect(row.failed_at).toBeInstanceOf(Date);
    expect(failures.map((f) => f.gaveUp)).toEqual([false, false, true]);
  });

  it('lets another worker send a message whose worker hung before reaching Notify, once its lease ends', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [id] = await queueCodes(h, force.forceId, 1);
    const entered = deferred<void>();
    const never = deferred<void>();
    const hung: NotificationSender = {
      send: () => {
        entered.resolve();
        return never.promise;
      },
    };
    const abandoned = worker(h.db, force.forceId, { sender: hung }).deliverDue();
    await entered.promise;

    const other = worker(h.db, force.forceId);
    expect(await other.deliverDue()).toBe(0); // the lease still holds
    await makeDue(h.db, force.forceId); // the lease ends
    expect(await other.deliverDue()).toBe(1);
    expect(timesAccepted([id as string])).toEqual([1]);

    // The hung worker wakes up late and fails: the row stays sent, and is not scheduled again.
    never.reject(new Error('late'));
    expect(await abandoned).toBe(0);
    const row = await h.db('outbox').where({ id, force_id: force.forceId }).first();
    expect(row).toMatchObject({ attempts: 2, last_error: null, failed_at: null, lease_id: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    await makeDue(h.db, force.forceId);
    expect(await other.deliverDue()).toBe(0);
    expect(timesAccepted([id as string])).toEqual([1]);
  });

  /** A worker that sends through Notify, which accepts, and dies before recording it. */
  async function diesAfterNotifyAccepted(db: Knex, forceId: string): Promise<void> {
    const accepted = deferred<void>();
    const real = notify();
    const dying: NotificationSender = {
      send: async (rendered, outgoing) => {
        await real.send(rendered, outgoing);
        accepted.resolve();
        return new Promise(() => undefined); // the process is gone before it can record
      },
    };
    void worker(db, forceId, { sender: dying }).deliverDue();
    await accepted.promise;
  }

  it('does not send again a message Notify accepted from a worker that died before recording it', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [id] = await queueCodes(h, force.forceId, 1);
    await diesAfterNotifyAccepted(h.db, force.forceId);
    const [first] = fake.accepted().filter((r) => r.body.reference === id);

    await makeDue(h.db, force.forceId); // the lease ends
    expect(await worker(h.db, force.forceId).deliverDue()).toBe(1);
    expect(timesAccepted([id as string])).toEqual([1]);
    const attempts = await h.db('outbox_attempts').where({ force_id: force.forceId, outbox_id: id }).orderBy('attempt');
    expect(attempts.map((a) => [a.outcome, a.provider_reference])).toEqual([[null, null], ['sent', first?.id]]);
  });

  it('sends a message twice only if, besides, Notify cannot yet find the first by its reference (the documented window)', async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const [id] = await queueCodes(h, force.forceId, 1);
    await diesAfterNotifyAccepted(h.db, force.forceId);

    fake.hideFromLookups(true);
    try {
      await makeDue(h.db, force.forceId);
      expect(await worker(h.db, force.forceId).deliverDue()).toBe(1);
    } finally {
      fake.hideFromLookups(false);
    }
    // Both carry the outbox id as Notify's reference, so the duplicate can be traced.
    expect(timesAccepted([id as string])).toEqual([2]);
    await makeDue(h.db, force.forceId);
    expect(await worker(h.db, force.forceId).deliverDue()).toBe(0);
    expect(timesAccepted([id as string])).toEqual([2]);
  });

  it(`sends each message exactly once with several workers at the same time${onPostgres ? ' (one connection pool each)' : ' (PGlite: one connection, so claims take turns)'}`, async () => {
    const h = await harness();
    const force = await notifyForce(h, templates);
    const ids = await queueCodes(h, force.forceId, 24);
    const databaseUrl = process.env['DATABASE_URL'];
    const pools = onPostgres ? [0, 1, 2, 3].map(() => createDatabase({ databaseUrl, poolSize: 2 })) : [h.db, h.db, h.db, h.db];
    try {
      // No worker may finish its first batch until all four are sending: they truly overlap.
      const entered = new Set<number>();
      const allSending = deferred<void>();
      const real = notify();
      const workers = pools.map((db, n) => {
        const sender: NotificationSender = {
          send: async (rendered, outgoing) => {
            entered.add(n);
            if (entered.size === pools.length) allSending.resolve();
            await allSending.promise;
            return real.send(rendered, outgoing);
          },
        };
        return worker(db, force.forceId, { sender, batchSize: 3, workerId: `worker-${n}` });
      });
      const sent = await Promise.all(workers.map((w) => w.deliverDue()));
      expect(sent.reduce((a, b) => a + b, 0)).toBe(24);
    } finally {
      if (onPostgres) await Promise.all(pools.map((db) => db.destroy()));
    }
    expect(timesAccepted(ids)).toEqual(ids.map(() => 1));
    const rows = await h.db('outbox').where({ force_id: force.forceId });
    expect(rows.every((row) => row.attempts === 1 && row.sent_at instanceof Date)).toBe(true);
    const attempts = await h.db('outbox_attempts').where({ force_id: force.forceId });
    expect(attempts).toHaveLength(24);
    expect(new Set(attempts.map((a) => a.worker)).size).toBe(4);
  });
});
