import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignInChallenge, VictimSession } from '@victim-portal/contract';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer, inviteTokenFor, latestCode, signedInVictim } from './support/journey.js';

const site = 'https://www.corsshire.police.example';

async function allowOrigins(h: Harness, force: TestForce, origins: string[]) {
  const changed = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { allowedOrigins: origins } });
  expect(changed.status).toBe(200);
}

async function forceAllowing(origin: string) {
  const h = await harness();
  const force = await createTestForce(h.db);
  await allowOrigins(h, force, [origin]);
  return { h, force };
}

/** Two forces, each with an officer and its own website, on origins no other test uses. */
async function twoForces() {
  const h = await harness();
  const run = randomUUID().slice(0, 8);
  const a = { ...(await forceWithOfficer(h)), origin: `https://www.a-${run}.police.example` };
  const b = { ...(await forceWithOfficer(h)), origin: `https://www.b-${run}.police.example` };
  await allowOrigins(h, a, [a.origin]);
  await allowOrigins(h, b, [b.origin]);
  return { h, a, b };
}

const allowOrigin = (response: { headers: Headers }) => response.headers.get('access-control-allow-origin');

async function preflight(h: Harness, path: string, origin: string, method: string) {
  return fetch(`${h.url}${path}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, content-type' },
  });
}

/** A new case for the force's victim, and the invite token it sent. */
async function invitedVictim(h: Harness, force: TestForce & { collarNumber: string }) {
  const body = caseBody({}, { officerInCharge: { collarNumber: force.collarNumber } });
  const created = await createCase(h, force, body);
  const email = body.victim.email as string;
  return { created, email, token: await inviteTokenFor(h, email) };
}

describe('browsers on a force’s website (CORS)', () => {
  it('may call the victim API from an allowed origin, preflight included', async () => {
    const { h } = await forceAllowing(site);
    const answer = await preflight(h, '/v1/me/cases', site, 'GET');
    expect(answer.status).toBe(204);
    expect(allowOrigin(answer)).toBe(site);
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(answer.headers.get('access-control-allow-methods')).toMatch(/GET/);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();

    const actual = await call(h.url, 'listMyCases', '/v1/me/cases', { headers: { Origin: site } });
    expect(actual.status).toBe(401);
    expect(allowOrigin(actual)).toBe(site);
    expect(actual.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
  });

  it('gives no CORS headers to other origins, nor ever on the force-key API', async () => {
    const { h, force } = await forceAllowing(`${site}:8443`);
    const other = await call(h.url, 'listMyCases', '/v1/me/cases', { headers: { Origin: 'https://evil.example' } });
    expect(allowOrigin(other)).toBeNull();
    const forceApi = await call(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey, headers: { Origin: `${site}:8443` } });
    expect(forceApi.status).toBe(200);
    expect(allowOrigin(forceApi)).toBeNull();
  });
});

describe('CORS bound to the force a request concerns', () => {
  it('answers preflights for every force’s origin, and never on the force-key API', async () => {
    const { h, a, b } = await twoForces();
    for (const origin of [a.origin, b.origin]) {
      for (const [path, method] of [['/v1/me/cases', 'GET'], ['/v1/me/session', 'DELETE'], ['/v1/invites/challenge', 'POST'], ['/v1/invites/redeem', 'POST'], ['/v1/sign-in-links', 'POST']] as const) {
        const answer = await preflight(h, path, origin, method);
        expect(answer.status, `${origin} ${method} ${path}`).toBe(204);
        expect(allowOrigin(answer)).toBe(origin);
        expect(answer.headers.get('access-control-allow-methods')).toContain(method);
      }
      const forcePreflight = await preflight(h, '/v1/force/settings', origin, 'GET');
      expect(allowOrigin(forcePreflight)).toBeNull();
      for (const force of [a, b]) {
        const forceApi = await call(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey, headers: { Origin: origin } });
        expect(forceApi.status).toBe(200);
        expect(allowOrigin(forceApi)).toBeNull();
      }
    }
  });

  it('lets only the session’s own force’s website read a victim’s answers', async () => {
    const { h, a, b } = await twoForces();
    const victimA = await signedInVictim(h, a);
    const victimB = await signedInVictim(h, b);
    for (const [victim, own, other] of [[victimA, a, b], [victimB, b, a]] as const) {
      const reads = [
        () => call(h.url, 'listMyCases', '/v1/me/cases', { token: victim.sessionToken, headers: { Origin: own.origin } }),
        () => call(h.url, 'getMyCase', `/v1/me/cases/${victim.created.id}`, { token: victim.sessionToken, headers: { Origin: own.origin } }),
        () => call(h.url, 'getMySession', '/v1/me/session', { token: victim.sessionToken, headers: { Origin: own.origin } }),
      ];
      for (const read of reads) {
        const answer = await read();
        expect(answer.status).toBe(200);
        expect(allowOrigin(answer)).toBe(own.origin);
        expect(answer.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
      }
      // The other force's website: the server answers (and audits the read), the page cannot read it.
      const list = await call(h.url, 'listMyCases', '/v1/me/cases', { token: victim.sessionToken, headers: { Origin: other.origin } });
      expect(list.status).toBe(200);
      expect(allowOrigin(list)).toBeNull();
      expect(list.headers.get('access-control-expose-headers')).toBeNull();
      expect(list.headers.get('vary')).toMatch(/Origin/);
      const one = await call(h.url, 'getMyCase', `/v1/me/cases/${victim.created.id}`, { token: victim.sessionToken, headers: { Origin: other.origin } });
      expect(one.status).toBe(200);
      expect(allowOrigin(one)).toBeNull();
      // A problem about this victim's session (404 for a case not theirs) is not for the other website either.
      const missing = await call(h.url, 'getMyCase', `/v1/me/cases/${randomUUID()}`, { token: victim.sessionToken, headers: { Origin: other.origin } });
      expect(missing.status).toBe(404);
      expect(allowOrigin(missing)).toBeNull();
      const session = await call(h.url, 'getMySession', '/v1/me/session', { token: victim.sessionToken, headers: { Origin: other.origin } });
      expect(session.status).toBe(200);
      expect(allowOrigin(session)).toBeNull();
    }

    // Signing out: from the other force's website the session still ends, but the page is not told.
    const signOutB = await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: victimA.sessionToken, headers: { Origin: b.origin } });
    expect(signOutB.status).toBe(204);
    expect(allowOrigin(signOutB)).toBeNull();
    const signOutA = await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: victimB.sessionToken, headers: { Origin: b.origin } });
    expect(signOutA.status).toBe(204);
    expect(allowOrigin(signOutA)).toBe(b.origin);

    // No valid session, no force: any force's website may read the 401, which says nothing.
    for (const origin of [a.origin, b.origin]) {
      const ended = await call(h.url, 'listMyCases', '/v1/me/cases', { token: victimA.sessionToken, headers: { Origin: origin } });
      expect(ended.status).toBe(401);
      expect(allowOrigin(ended)).toBe(origin);
    }
  });

  it('lets only the invite’s own force’s website read the challenge and the redemption', async () => {
    const { h, a, b } = await twoForces();
    const invitedB = await invitedVictim(h, b);

    const challengeFromA = await call<SignInChallenge>(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: invitedB.token }, headers: { Origin: a.origin } });
    expect(challengeFromA.status).toBe(200);
    expect(allowOrigin(challengeFromA)).toBeNull();
    const challengeFromB = await call<SignInChallenge>(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: invitedB.token }, headers: { Origin: b.origin } });
    expect(challengeFromB.status).toBe(200);
    expect(allowOrigin(challengeFromB)).toBe(b.origin);
    const code = await latestCode(h);

    const wrongFromA = await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: invitedB.token, answer: code === '000000' ? '111111' : '000000' }, headers: { Origin: a.origin } });
    expect(wrongFromA.status).toBe(422);
    expect(allowOrigin(wrongFromA)).toBeNull();
    const redeemedFromA = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: invitedB.token, answer: code }, headers: { Origin: a.origin } });
    expect(redeemedFromA.status).toBe(201);
    expect(allowOrigin(redeemedFromA)).toBeNull();
    // The invite is used now: the refusal concerns force B too, so it is not for A's website.
    const usedFromA = await call(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: invitedB.token }, headers: { Origin: a.origin } });
    expect(usedFromA.status).toBe(409);
    expect(allowOrigin(usedFromA)).toBeNull();
    const usedFromB = await call(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: invitedB.token }, headers: { Origin: b.origin } });
    expect(usedFromB.status).toBe(409);
    expect(allowOrigin(usedFromB)).toBe(b.origin);

    const invitedA = await invitedVictim(h, a);
    const challengeA = await call(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: invitedA.token }, headers: { Origin: a.origin } });
    expect(challengeA.status).toBe(200);
    expect(allowOrigin(challengeA)).toBe(a.origin);
    const redeemedA = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: invitedA.token, answer: await latestCode(h) }, headers: { Origin: a.origin } });
    expect(redeemedA.status).toBe(201);
    expect(allowOrigin(redeemedA)).toBe(a.origin);

    // A token no force knows concerns no force: any force's website may read that it is not recognised.
    for (const origin of [a.origin, b.origin]) {
      const forged = await call(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: 'vpi_forgedforgedforgedforgedforged' }, headers: { Origin: origin } });
      expect(forged.status).toBe(400);
      expect(allowOrigin(forged)).toBe(origin);
    }
  });

  it('lets only the named force’s website read a sign-in link answer, known contact or not', async () => {
    const { h, a, b } = await twoForces();
    const { email } = await signedInVictim(h, b);
    const ask = (force: string, contact: string, origin: string) =>
      call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force, contact }, headers: { Origin: origin } });
    for (const contact of [email, `nobody-${randomUUID().slice(0, 8)}@example.com`]) {
      const fromA = await ask(b.slug, contact, a.origin);
      expect(fromA.status).toBe(202);
      expect(allowOrigin(fromA)).toBeNull();
      const fromB = await ask(b.slug, contact, b.origin);
      expect(fromB.status).toBe(202);
      expect(allowOrigin(fromB)).toBe(b.origin);
      const namingA = await ask(a.slug, contact, a.origin);
      expect(namingA.status).toBe(202);
      expect(allowOrigin(namingA)).toBe(a.origin);
    }
    // An unknown slug is answered as before: accepted, and readable by any force's website.
    const unknown = await ask(`no-such-force-${randomUUID().slice(0, 8)}`, email, a.origin);
    expect(unknown.status).toBe(202);
    expect(allowOrigin(unknown)).toBe(a.origin);
    await h.server.deliverNotifications();
  });

  it('follows a change of a force’s origins at once', async () => {
    const { h, a, b } = await twoForces();
    const victimA = await signedInVictim(h, a);
    const read = () => call(h.url, 'listMyCases', '/v1/me/cases', { token: victimA.sessionToken, headers: { Origin: b.origin } });
    expect(allowOrigin(await read())).toBeNull();
    await allowOrigins(h, a, [a.origin, b.origin]);
    expect(allowOrigin(await read())).toBe(b.origin);
    await allowOrigins(h, a, [a.origin]);
    expect(allowOrigin(await read())).toBeNull();
  });
});
