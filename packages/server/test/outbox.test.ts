import { describe, expect, it } from 'vitest';
import type { ForceCase } from '@victim-portal/contract';
import { DevMailbox } from '../src/outbox/dev-mailbox.js';
import type { NotificationSender } from '../src/outbox/sender.js';
import { createOutboxWorker } from '../src/outbox/worker.js';
import { startServer } from '../src/server.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, forceWithOfficer } from './support/journey.js';

/** Queue an invite notification for a new case through a server that has no sender. */
async function queuedInvite() {
  const h = await harness();
  await h.server.deliverNotifications(); // nothing of earlier tests left due
  const queuing = await startServer({ port: 0, db: h.db, migrate: false });
  const force = await forceWithOfficer(h);
  const body = caseBody();
  try {
    const created = await call<ForceCase>(queuing.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(created.status).toBe(201);
  } finally {
    await queuing.close();
  }
  return { h, force, email: body.victim.email as string };
}

describe('the notification outbox', () => {
  it('is written in the same transaction as the case: a refused case queues nothing', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody({}, { officerInCharge: { collarNumber: 'NOBODY' } });
    const refused = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(refused.status).toBe(422);
    expect(await h.db('outbox').where({ force_id: force.forceId })).toEqual([]);
  });

  it('keeps a notification whose delivery failed, with when to try again, and sends it later', async () => {
    const { h, force, email } = await queuedInvite();
    const failing: NotificationSender = {
      send: async () => {
        throw new Error('provider down');
      },
    };
    const failures: string[] = [];
    const worker = createOutboxWorker({ db: h.db, sender: failing, pollIntervalMs: 0, onDeliveryFailure: ({ error }) => failures.push(error) });
    expect(await worker.deliverDue()).toBe(0);
    const [failed] = await h.db('outbox').where({ force_id: force.forceId });
    expect(failed).toMatchObject({ attempts: 1, last_error: 'Error', sent_at: null });
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(failures).toEqual(['Error']);

    await h.db('outbox').where({ id: failed.id, force_id: force.forceId }).update({ next_attempt_at: h.db.fn.now() });
    const mailbox = new DevMailbox();
    expect(await createOutboxWorker({ db: h.db, sender: mailbox, pollIntervalMs: 0 }).deliverDue()).toBe(1);
    expect(mailbox.messages().map((message) => message.to)).toEqual([email]);
    const [sent] = await h.db('outbox').where({ force_id: force.forceId });
    expect(sent).toMatchObject({ attempts: 2, last_error: null });
  });

  it('never puts the case in the message: no crime reference, no offence, no name', async () => {
    const { h, email } = await queuedInvite();
    await h.server.deliverNotifications();
    const message = h.server.mailbox?.messages().find((m) => m.to === email);
    expect(message?.body).toMatch(/#invite=vpi_/);
    for (const word of ['Burglary', 'TS/24', 'Alex', 'Morgan', 'crime']) expect(message?.body).not.toContain(word);
  });
});
