import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingSender, notificationConfigFromEnv, type DeliveryLogLine } from '../src/outbox/configure.js';
import { PermanentDeliveryError } from '../src/outbox/sender.js';
import { startWorkerProcess } from '../src/outbox/worker-process.js';
import { startFakeNotify, type FakeNotify } from './support/fake-notify.js';
import { notifyForce, notifyTemplatesForTest, queueCodes } from './support/fake-notify-force.js';
import { harness, onPostgres } from './support/harness.js';

const { templates, needs } = notifyTemplatesForTest();
let fake: FakeNotify;

beforeAll(async () => {
  fake = await startFakeNotify(needs);
});
afterAll(() => fake.close());

describe('choosing where notifications go', () => {
  const key = 'vp_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
  it.each([
    { given: {}, want: { sender: 'none', inProcessWorker: true, pollIntervalMs: 1000 } },
    { given: { VP_NOTIFY_API_KEY: key }, want: { sender: 'notify', notify: { apiKey: key, timeoutMs: 10_000 } } },
    { given: { VP_SENDER: 'dev-mailbox', VP_OUTBOX_POLL_MS: '250' }, want: { sender: 'dev-mailbox', pollIntervalMs: 250 } },
    { given: { VP_NOTIFY_API_KEY: key, VP_OUTBOX_WORKER: 'off' }, want: { sender: 'notify', inProcessWorker: false } },
    {
      given: { VP_NOTIFY_API_KEY: key, VP_NOTIFY_BASE_URL: 'http://127.0.0.1:9', VP_NOTIFY_SENDER_IDS: '{"f1": {"smsSenderId": "s1"}}' },
      want: { notify: { baseUrl: 'http://127.0.0.1:9', senderIds: { f1: { smsSenderId: 's1' } } } },
    },
  ])('reads $given', ({ given, want }) => {
    expect(notificationConfigFromEnv(given)).toMatchObject(want);
  });

  it.each([
    { given: { VP_SENDER: 'notify' }, error: /needs VP_NOTIFY_API_KEY/ },
    { given: { VP_SENDER: 'email' }, error: /VP_SENDER must be/ },
    { given: { VP_OUTBOX_WORKER: 'no' }, error: /VP_OUTBOX_WORKER must be on or off/ },
    { given: { VP_NOTIFY_API_KEY: key, VP_NOTIFY_SENDER_IDS: 'f1=s1' }, error: /must be JSON/ },
  ])('refuses $given', ({ given, error }) => {
    expect(() => notificationConfigFromEnv(given)).toThrow(error);
  });

  it('logs a failed delivery with the outbox id and a short code only', async () => {
    const lines: DeliveryLogLine[] = [];
    const refusing = loggingSender({ send: () => Promise.reject(new PermanentDeliveryError('notify_400_ValidationError')) }, (line) => lines.push(line));
    const notification = { template: 'one_time_code', channel: 'sms', to: '+447700900123', senderName: 'Testshire', language: 'en', code: '123456', expiresAt: new Date().toISOString() } as const;
    await expect(refusing.send({ channel: 'sms', to: '+447700900123', senderName: 'Testshire', body: 'code 123456' }, { outboxId: 'o1', forceId: 'f1', attempt: 1, notification, notifyTemplates: {} })).rejects.toThrow(PermanentDeliveryError);
    expect(lines).toEqual([{ level: 'warn', msg: 'notification not sent', outboxId: 'o1', forceId: 'f1', error: 'notify_400_ValidationError', permanent: true }]);
    expect(JSON.stringify(lines)).not.toMatch(/447700900123|123456/);
  });
});

describe('the outbox worker as a process of its own', () => {
  it('refuses to start without PostgreSQL or without GOV.UK Notify', async () => {
    await expect(startWorkerProcess({ VP_NOTIFY_API_KEY: fake.apiKey })).rejects.toThrow(/needs DATABASE_URL/);
    await expect(startWorkerProcess({ DATABASE_URL: 'postgres://127.0.0.1:9/none', VP_SENDER: 'dev-mailbox' })).rejects.toThrow(/through GOV.UK Notify/);
  });

  // Declared only on PostgreSQL: a worker process of its own shares the database with the
  // servers, which embedded PGlite (one process) cannot. `npm test` in CI runs on PostgreSQL.
  if (onPostgres) {
    it('sends what servers with VP_OUTBOX_WORKER=off queued (PostgreSQL only)', async () => {
      const h = await harness();
      const force = await notifyForce(h, templates);
      const ids = await queueCodes(h, force.forceId, 3);
      const env = { DATABASE_URL: process.env['DATABASE_URL'], VP_NOTIFY_API_KEY: fake.apiKey, VP_NOTIFY_BASE_URL: fake.url, VP_OUTBOX_POLL_MS: '0' };
      const running = await startWorkerProcess(env, () => undefined, { onlyForces: [force.forceId] });
      try {
        await running.worker.deliverDue();
      } finally {
        await running.close();
      }
      expect(ids.map((id) => fake.accepted().filter((r) => r.body.reference === id).length)).toEqual([1, 1, 1]);
    });
  }
});
