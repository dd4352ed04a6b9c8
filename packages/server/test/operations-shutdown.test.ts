import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@victim-portal/contract';
import { migrateToLatest } from '../src/db/connection.js';
import { DeliveryError, type NotificationSender } from '../src/outbox/sender.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createTestForce, createTestOfficer, createTestVictimSession, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { caseBody } from './support/journey.js';
import { ownDatabase, type OwnDatabase } from './support/operations-databases.js';

/** A sender that holds this force's first notification until released: the batch in hand. */
function heldSender(forceId: () => string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let inHand!: (outboxId: string) => void;
  const taken = new Promise<string>((resolve) => (inHand = resolve));
  const order: string[] = [];
  const sender: NotificationSender = {
    async send(_rendered, outgoing) {
      if (outgoing.forceId !== forceId()) throw new DeliveryError('not_this_test');
      order.push(`send ${outgoing.outboxId}`);
      inHand(outgoing.outboxId);
      await released;
      order.push(`sent ${outgoing.outboxId}`);
    },
  };
  return { sender, taken, release: () => release(), order };
}

/** Read a whole response body as text. */
function text(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (body += chunk));
    response.on('end', () => resolve(body));
    response.on('error', reject);
  });
}

describe('graceful shutdown', () => {
  let own: OwnDatabase;
  let server: RunningServer;
  let force: TestForce;
  let collarNumber = '';
  const held = heldSender(() => force.forceId);

  beforeAll(async () => {
    own = await ownDatabase();
    await migrateToLatest(own.db);
    // The database is the test's, so it stays open after close() for the checks below.
    server = await startServer({ port: 0, db: own.db, migrate: false, notificationSender: held.sender, outboxPollIntervalMs: 0, streamTimings: { retryMs: 60_000 } });
    force = await createTestForce(own.db);
    collarNumber = (await createTestOfficer(own.db, force.forceId)).collarNumber;
  });

  afterAll(async () => {
    held.release();
    await server?.close();
    await own?.drop();
  });

  it('answers /readyz 503 at once, ends streams with a retry hint, finishes requests in flight and the outbox batch in hand, then closes', async () => {
    // The worker takes the invite of a first case and is sending it (held) when shutdown begins.
    const first = await call<{ id: string }>(server.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody({}, { officerInCharge: { collarNumber } }) });
    expect(first.status, first.text).toBe(201);
    const inHand = await held.taken;
    // A victim has a live stream open.
    const victimToken = await createTestVictimSession(own.db, force.forceId, first.body.id);
    const stream = await fetch(`${server.url}/v1/me/stream`, { headers: { Authorization: `Bearer ${victimToken}`, Accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const streamText = stream.text();

    // Shutdown begins, with a long not-ready period (as VP_SHUTDOWN_DELAY_SECONDS gives the load balancer).
    let closed = false;
    const closing = server.close({ notReadyForMs: 600_000 }).then(() => {
      closed = true;
    });
    const notReady = await call<Problem>(server.url, 'getReadiness', '/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.detail).toBe('This instance is shutting down.');
    expect(Number(notReady.headers.get('retry-after'))).toBeGreaterThan(0);
    // Still serving meanwhile, but not keeping connections alive.
    const alive = await call(server.url, 'getHealth', '/healthz');
    expect(alive.status).toBe(200);
    expect(alive.headers.get('connection')).toBe('close');

    // A request in flight: its headers are in (the server said 100 Continue), its body is not.
    const second = JSON.stringify(caseBody({}, { officerInCharge: { collarNumber } }));
    const inFlight = request(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${force.apiKey}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(second), Expect: '100-continue' },
    });
    const answered = new Promise<IncomingMessage>((resolve, reject) => inFlight.on('response', resolve).on('error', reject));
    await new Promise<void>((resolve) => inFlight.on('continue', resolve).flushHeaders());

    // The not-ready period ends (a second close() cuts it short): the server stops listening.
    void server.close();
    // The stream ends, its last line a new retry hint (sooner than the usual 60 s).
    const streamed = await streamText;
    const retries = [...streamed.matchAll(/^retry: (\d+)$/gm)].map((match) => Number(match[1]));
    expect(retries[0]).toBe(60_000);
    expect(retries).toHaveLength(2);
    expect(retries[1]).toBeGreaterThanOrEqual(15_000);
    expect(retries[1]).toBeLessThanOrEqual(60_000);
    expect(streamed.trimEnd().endsWith(`retry: ${retries[1]}`)).toBe(true);
    // No new connections.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    // The request in flight finishes, and its connection is not kept.
    inFlight.end(second);
    const response = await answered;
    const created = JSON.parse(await text(response)) as { id: string };
    expect(response.statusCode).toBe(201);
    expect(response.headers['connection']).toBe('close');

    // Closing waits for the batch in hand.
    expect(closed).toBe(false);
    held.release();
    await closing;
    expect(held.order).toEqual([`send ${inHand}`, `sent ${inHand}`]);
    const invites = await own.db('outbox')
      .select<{ id: string; sent_at: Date | null }[]>('id', 'sent_at')
      .where({ force_id: force.forceId, kind: 'notification' });
    // The batch in hand was sent and recorded; the notification queued by the request in flight
    // was not taken: it waits in the outbox for another instance's worker.
    expect(invites.find((row) => row.id === inHand)?.sent_at).not.toBeNull();
    expect(invites.filter((row) => row.id !== inHand).map((row) => row.sent_at)).toEqual([null]);
    expect(created.id).toBeTruthy();
  });
});
