import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForceSettings } from '@victim-portal/contract';
import { migrateToLatest } from '../src/db/connection.js';
import { DeliveryError, type NotificationSender } from '../src/outbox/sender.js';
import type { WebhookSender } from '../src/outbox/webhook-sender.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createTestForce, createTestOfficer, createTestVictimSession, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { caseBody } from './support/journey.js';
import { ownDatabase, type OwnDatabase } from './support/operations-databases.js';
import { openSse, type SseConnection } from './support/sse-client.js';

/** One sample of the Prometheus text format. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parse the Prometheus text exposition format (samples only; HELP and TYPE lines skipped). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[name as string] = value as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** @returns the samples of a series whose labels include `labels` */
function series(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

// The worker's deliveries fail, as when GOV.UK Notify or the records system is down.
const notifyDown: NotificationSender = {
  send: async () => {
    throw new DeliveryError('provider_unavailable');
  },
};
const receiverDown: WebhookSender = {
  send: async () => {
    throw new DeliveryError('receiver_unavailable');
  },
};

describe('/metrics', () => {
  let own: OwnDatabase;
  let server: RunningServer;
  let guarded: RunningServer;
  let force: TestForce;
  let caseId = '';
  let crimeReference = '';
  let stream: SseConnection;
  let text = '';
  let samples: Sample[] = [];

  beforeAll(async () => {
    own = await ownDatabase();
    await migrateToLatest(own.db);
    server = await startServer({ port: 0, db: own.db, migrate: false, notificationSender: notifyDown, webhookSender: receiverDown, outboxPollIntervalMs: 0 });
    guarded = await startServer({ port: 0, db: own.db, migrate: false, outboxWorker: false, metricsToken: 'metrics-token-for-the-scraper' });

    // Real traffic: a case (its invite fails to send), a webhook URL, a victim's stream and
    // message (its webhook fails to post), a read, a request for nothing.
    force = await createTestForce(own.db);
    const officer = await createTestOfficer(own.db, force.forceId);
    const body = caseBody({}, { officerInCharge: { collarNumber: officer.collarNumber } });
    crimeReference = body.crimeReference;
    const created = await call<{ id: string }>(server.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(created.status, created.text).toBe(201);
    caseId = created.body.id;
    const settings = await call<ForceSettings>(server.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { webhookUrl: 'https://records.testshire.example/hooks' } });
    expect(settings.status, settings.text).toBe(200);
    const secret = await call(server.url, 'rotateWebhookSecret', '/v1/force/webhook-secret', { token: force.apiKey, method: 'POST' });
    expect(secret.status, secret.text).toBe(201);
    const victimToken = await createTestVictimSession(own.db, force.forceId, caseId);
    stream = await openSse(`${server.url}/v1/me/stream`, victimToken);
    expect(stream.status).toBe(200);
    const sent = await call(server.url, 'sendMyMessage', `/v1/me/cases/${caseId}/messages`, { token: victimToken, json: { id: randomUUID(), body: 'Has anyone looked at the doorbell camera?' } });
    expect(sent.status, sent.text).toBe(201);
    await server.deliverNotifications();
    expect((await call(server.url, 'getCase', `/v1/cases/${caseId}`, { token: force.apiKey })).status).toBe(200);
    expect((await call(server.url, null, `/v1/nothing/${caseId}`)).status).toBe(404);

    const scraped = await call<string>(server.url, 'getMetrics', '/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = scraped.text;
    samples = parseMetrics(text);
  });

  afterAll(async () => {
    stream?.close();
    await guarded?.close();
    await server?.close();
    await own?.drop();
  });

  it('counts and times requests per contract operation, method and status class', () => {
    const getCase = { operation: 'getCase', method: 'GET', status_class: '2xx' };
    expect(series(samples, 'vp_http_requests_total', getCase)[0]?.value).toBe(1);
    expect(series(samples, 'vp_http_requests_total', { operation: 'createCase', method: 'POST', status_class: '2xx' })[0]?.value).toBe(1);
    expect(series(samples, 'vp_http_requests_total', { operation: '(unrouted)', method: 'GET', status_class: '4xx' })[0]?.value).toBe(1);
    expect(series(samples, 'vp_http_request_duration_seconds_count', getCase)[0]?.value).toBe(1);
    expect(series(samples, 'vp_http_request_duration_seconds_bucket', { ...getCase, le: '+Inf' })[0]?.value).toBe(1);
    expect(series(samples, 'vp_http_request_duration_seconds_sum', getCase)[0]?.value).toBeGreaterThan(0);
    // Labels are the operation and nothing a caller sent: no path, id or reference.
    const operations = new Set(series(samples, 'vp_http_requests_total').map((sample) => sample.labels['operation']));
    for (const operation of operations) expect(operation).toMatch(/^([a-zA-Z]+|\(unrouted\))$/);
  });

  it('reports the outbox: rows waiting and the oldest one’s age by kind, and each failed delivery', () => {
    // The invite's notification failed and waits to be retried; the message's webhook too.
    expect(series(samples, 'vp_outbox_pending', { kind: 'notification' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(series(samples, 'vp_outbox_pending', { kind: 'webhook' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(series(samples, 'vp_outbox_oldest_pending_age_seconds', { kind: 'notification' })[0]?.value).toBeGreaterThanOrEqual(0);
    expect(series(samples, 'vp_outbox_overdue_seconds', { kind: 'webhook' })).toHaveLength(1);
    expect(series(samples, 'vp_outbox_delivery_failures_total', { kind: 'notification', gave_up: 'false' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(series(samples, 'vp_outbox_delivery_failures_total', { kind: 'webhook', gave_up: 'false' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(series(samples, 'vp_database_up')[0]?.value).toBe(1);
  });

  it('reports open live streams, database pool use and the process', () => {
    expect(series(samples, 'vp_live_streams_open', { audience: 'victim' })[0]?.value).toBe(1);
    expect(series(samples, 'vp_live_streams_open', { audience: 'officer' })[0]?.value).toBe(0);
    expect(series(samples, 'vp_db_pool_connections', { state: 'used' })).toHaveLength(1);
    expect(series(samples, 'vp_db_pool_connections', { state: 'free' })).toHaveLength(1);
    expect(series(samples, 'vp_db_pool_pending_acquires')).toHaveLength(1);
    expect(series(samples, 'vp_db_pool_max')[0]?.value).toBeGreaterThanOrEqual(1);
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(series(samples, name), name).toHaveLength(1);
    }
  });

  it('carries no personal or case data: no ids, references, forces or paths', () => {
    for (const value of [caseId, crimeReference, force.forceId, force.slug, force.apiKey, '/v1/', 'Testshire', 'doorbell', 'records.testshire']) {
      expect(text.includes(value), value).toBe(false);
    }
  });

  it('needs the metrics token, when one is set, as a bearer token', async () => {
    const none = await call(guarded.url, 'getMetrics', '/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call(guarded.url, 'getMetrics', '/metrics', { token: 'not-the-metrics-token' })).status).toBe(401);
    // A force's API key is not the metrics token either.
    expect((await call(guarded.url, 'getMetrics', '/metrics', { token: force.apiKey })).status).toBe(401);
    const allowed = await call<string>(guarded.url, 'getMetrics', '/metrics', { token: 'metrics-token-for-the-scraper' });
    expect(allowed.status).toBe(200);
    // Its own registry: the requests counted are this app's (the three refused above), not the other's.
    const own = parseMetrics(allowed.text);
    expect(series(own, 'vp_http_requests_total', { operation: 'getMetrics', status_class: '4xx' })[0]?.value).toBe(3);
    expect(series(own, 'vp_http_requests_total', { operation: 'createCase' })).toHaveLength(0);
  });
});
