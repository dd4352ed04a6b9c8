import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
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
    const limited = await startServer({ port: 0, db: h.db, migrate: false, rateLimits: { linksPerContact: { points: 2, seconds: 60 } } });
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
});
