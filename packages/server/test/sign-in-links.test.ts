import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { hashToken } from '../src/auth/tokens.js';
import { BackgroundTasks } from '../src/background.js';
import { startServer } from '../src/server.js';
import { createTestForce } from '../src/testing.js';
import { call, type ApiResponse } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, uniqueEmail } from './support/journey.js';

describe('a returning victim asks for a new sign-in link', () => {
  it('answers the same for a victim and a stranger; only the victim gets a link', async () => {
    const h = await harness();
    const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
    const email = uniqueEmail();
    await createCase(h, force, caseBody({ email, dateOfBirth: '1984-03-09' }));
    const ask = (contact: string) => call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact } });
    const known = await ask(email.toUpperCase());
    const stranger = await ask('nobody-at-all@example.com');
    const noForce = await call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: 'no-such-force', contact: email } });
    for (const response of [known, stranger, noForce]) {
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'accepted' });
    }
    await h.server.deliverNotifications();
    const links = h.server.mailbox?.messages().filter((m) => m.to === email && m.body.includes('You asked')) ?? [];
    expect(links).toHaveLength(1);
    expect(h.server.mailbox?.messages().some((m) => m.to === 'nobody-at-all@example.com')).toBe(false);
    const token = new URL(links[0]?.link as string).hash.slice('#invite='.length);
    expect((await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '1984-03-09' } })).status).toBe(201);
  });

  it('takes UK mobile numbers as people type them', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    await createCase(h, force, caseBody({ email: undefined, mobile: '+447700900888' }));
    await call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: '07700 900888' } });
    await h.server.deliverNotifications();
    expect(h.server.mailbox?.messages().some((m) => m.to === '+447700900888' && m.body.includes('You asked'))).toBe(true);
  });

  it('is rate-limited per contact, with Retry-After, whether or not the contact is known', async () => {
    const h = await harness();
    // The per-address count for 127.0.0.1 is shared with every other test: keep it out of the way.
    const limited = await startServer({
      port: 0,
      db: h.db,
      migrate: false,
      rateLimits: { linksPerContact: { points: 2, seconds: 60 }, signInByAddress: { points: 100_000, seconds: 60 } },
    });
    try {
      const force = await createTestForce(h.db);
      const ask = () => call(limited.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: 'someone@example.com' } });
      expect((await ask()).status).toBe(202);
      expect((await ask()).status).toBe(202);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:rate-limited' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('answers before any work that depends on the contact: the same status, headers and body, known or not', async () => {
    const h = await harness();
    // Background work is held until the test lets it go, so any answer that arrives has not
    // waited for it: if the handler awaited the lookup, the outbox write or the provider for a
    // known contact, these requests would hang. No clocks are involved.
    class HeldBackground extends BackgroundTasks {
      readonly held: Array<() => Promise<void>> = [];
      override run(task: () => Promise<void>): void {
        this.held.push(task);
      }
      release(): void {
        for (const task of this.held.splice(0)) super.run(task);
      }
    }
    const failures: unknown[] = [];
    const background = new HeldBackground((error) => failures.push(error));
    const app = createApp({ db: h.db, background, rateLimits: { signInByAddress: { points: 100_000, seconds: 60 } } });
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
      const email = uniqueEmail();
      const created = await createCase(h, force, caseBody({ email, dateOfBirth: '1984-03-09' }));
      const linksFor = async () => Number((await h.db('invites').where({ force_id: force.forceId, purpose: 'sign_in_link' }).count<{ count: string | number }[]>('id as count'))[0]?.count);
      const stranger = uniqueEmail();
      const asks = [
        { force: force.slug, contact: email },
        { force: force.slug, contact: stranger },
        { force: 'no-such-force', contact: email },
        { force: force.slug, contact: 'not a contact at all' },
      ];
      const answers: ApiResponse[] = [];
      for (const json of asks) {
        answers.push(await call(url, 'requestSignInLink', '/v1/sign-in-links', { json }));
        // One piece of background work per request, whoever asked, and none of it started.
        expect(background.held).toHaveLength(answers.length);
      }
      expect(await linksFor()).toBe(0);
      const shape = (answer: ApiResponse) => ({
        status: answer.status,
        text: answer.text,
        headers: [...answer.headers.entries()].filter(([name]) => !['x-request-id', 'date'].includes(name)),
      });
      for (const answer of answers) expect(shape(answer)).toEqual(shape(answers[1] as ApiResponse));
      expect(answers[0]?.status).toBe(202);
      expect(answers[0]?.body).toEqual({ status: 'accepted' });
      // Before answering, the known contact and the stranger cost the same: a count each, per contact.
      const keys = (await h.db('rate_limits').select<{ key: string }[]>('key')).map((row) => row.key);
      const limitKey = (contact: string) => `linksPerContact:${createHash('sha256').update(hashToken(`${force.slug}:${contact}`)).digest('hex')}`;
      expect(keys).toEqual(expect.arrayContaining([limitKey(email), limitKey(stranger)]));

      background.release();
      await background.idle();
      expect(failures).toEqual([]);
      // Only now, and only for the victim, is there a link.
      expect(await linksFor()).toBe(1);
      const link = await h.db('invites').where({ force_id: force.forceId, purpose: 'sign_in_link' }).first<{ victim_id: string }>();
      const victim = await h.db('cases').where({ id: created.id }).first<{ victim_id: string }>();
      expect(link?.victim_id).toBe(victim?.victim_id);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
