import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OperationId, Problem, SignInChallenge, VictimSession } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { createTestForce } from '../src/testing.js';
import { call, type ApiResponse } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { caseBody, createCase, inviteTokenFor, signedInVictim, uniqueEmail } from './support/journey.js';

// Issue 3: a token that is reused, expired, revoked or forged is refused. The other test files
// cover much of this one state at a time; here each kind of credential goes through every
// state side by side, and the refusals are compared with each other.

/** The same token with one character changed: right shape, right prefix, never issued. */
function tampered(token: string): string {
  const last = token.at(-1);
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

/** A problem without the parts that differ on every request. */
function refusalOf(response: ApiResponse) {
  const { requestId: _requestId, ...rest } = response.body as Problem;
  return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate'), problem: rest };
}

const dateOfBirth = '1984-03-09';
type SignInAnswer = SignInChallenge & VictimSession & Problem;
const redeem = (h: Harness, token: string, answer = dateOfBirth) => call<SignInAnswer>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
const challenge = (h: Harness, token: string) => call<SignInAnswer>(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token } });

describe('victim session tokens are refused once reused after sign-out, expired or forged', () => {
  async function victimOperations(h: Harness, caseId: string, token: string) {
    const operations: Array<[OperationId, string, string]> = [
      ['getMySession', '/v1/me/session', 'GET'],
      ['listMyCases', '/v1/me/cases', 'GET'],
      ['getMyCase', `/v1/me/cases/${caseId}`, 'GET'],
      ['signOut', '/v1/me/session', 'DELETE'],
    ];
    const answers = [];
    for (const [operationId, path, method] of operations) answers.push(await call(h.url, operationId, path, { method, token }));
    return answers;
  }

  it('answers every victim operation with one and the same 401, whatever is wrong with the token', async () => {
    const h = await harness();
    const refusals: Array<ReturnType<typeof refusalOf>> = [];
    const states: Array<[string, (victim: Awaited<ReturnType<typeof signedInVictim>>) => Promise<string>]> = [
      ['forged, of the right shape', async () => `vps_${randomBytes(32).toString('base64url')}`],
      ['a real token with one character changed', async ({ sessionToken }) => tampered(sessionToken)],
      ['signed out', async ({ sessionToken }) => {
        expect((await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: sessionToken })).status).toBe(204);
        return sessionToken;
      }],
      ['idle for longer than the idle timeout', async ({ sessionToken }) => {
        await h.db('sessions').where({ token_hash: hashToken(sessionToken) }).update({ idle_expires_at: h.db.raw(`now() - interval '1 second'`) });
        return sessionToken;
      }],
      ['past its absolute expiry though recently used', async ({ sessionToken }) => {
        await h.db('sessions').where({ token_hash: hashToken(sessionToken) }).update({ expires_at: h.db.raw(`now() - interval '1 second'`) });
        return sessionToken;
      }],
    ];
    for (const [state, make] of states) {
      const victim = await signedInVictim(h);
      const token = await make(victim);
      for (const response of await victimOperations(h, victim.created.id, token)) {
        expect(response.status, state).toBe(401);
        refusals.push(refusalOf(response));
      }
      // The genuine token is still good, unless it was the one that was spoilt.
      const genuine = await call(h.url, 'getMySession', '/v1/me/session', { token: victim.sessionToken });
      expect(genuine.status, `${state}: the genuine token`).toBe(token === victim.sessionToken ? 401 : 200);
    }
    expect(new Set(refusals.map((refusal) => JSON.stringify(refusal))).size).toBe(1);
    expect(refusals[0]).toMatchObject({ status: 401, wwwAuthenticate: 'Bearer', problem: { type: 'urn:victim-portal:problem:unauthenticated' } });
  });

  it('does not revive an expired session: a refused request leaves its expiry where it was', async () => {
    const h = await harness();
    const { sessionToken } = await signedInVictim(h);
    const where = { token_hash: hashToken(sessionToken) };
    await h.db('sessions').where(where).update({ idle_expires_at: h.db.raw(`now() - interval '1 second'`) });
    const before = await h.db('sessions').where(where).first<{ idle_expires_at: Date; expires_at: Date }>();
    expect((await call(h.url, 'getMySession', '/v1/me/session', { token: sessionToken })).status).toBe(401);
    expect((await call(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken })).status).toBe(401);
    const after = await h.db('sessions').where(where).first<{ idle_expires_at: Date; expires_at: Date }>();
    expect(after.idle_expires_at.getTime()).toBe(before.idle_expires_at.getTime());
    expect(after.expires_at.getTime()).toBe(before.expires_at.getTime());
  });
});

describe('force API keys are refused once revoked, or forged', () => {
  it('answers every force operation with one and the same 401', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const created = await createCase(h, { ...force }, caseBody());
    const revokedForce = await createTestForce(h.db);
    await h.db('api_keys').where({ force_id: revokedForce.forceId }).update({ revoked_at: h.db.fn.now() });
    const keys: Array<[string, string]> = [
      ['forged, of the right shape', `vpk_${randomBytes(32).toString('base64url')}`],
      ['a real key with one character changed', tampered(force.apiKey)],
      ['revoked', revokedForce.apiKey],
    ];
    const refusals: Array<ReturnType<typeof refusalOf>> = [];
    for (const [state, key] of keys) {
      for (const response of [
        await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: key }),
        await call(h.url, 'createCase', '/v1/cases', { token: key, json: caseBody() }),
        await call(h.url, 'getForceSettings', '/v1/force/settings', { token: key }),
      ]) {
        expect(response.status, state).toBe(401);
        refusals.push(refusalOf(response));
      }
    }
    expect(new Set(refusals.map((refusal) => JSON.stringify(refusal))).size).toBe(1);
    expect((await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey })).status).toBe(200);
  });
});

describe('invite tokens are refused once used, expired, withdrawn, replaced or forged', () => {
  async function invited(h: Harness) {
    const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
    const body = caseBody({ dateOfBirth });
    const created = await createCase(h, force, body);
    const email = body.victim.email as string;
    const token = await inviteTokenFor(h, email);
    return { force, created, email, token };
  }
  const invitePath = (caseId: string, action: string) => `/v1/cases/${caseId}/invite/${action}`;

  const states: Array<[string, number, string, (h: Harness) => Promise<{ token: string; forceId: string }>]> = [
    ['used once already', 409, 'invite-used', async (h) => {
      const { token, force } = await invited(h);
      expect((await redeem(h, token)).status).toBe(201);
      return { token, forceId: force.forceId };
    }],
    ['expired', 410, 'invite-expired', async (h) => {
      const { token, force } = await invited(h);
      await h.db('invites').where({ token_hash: hashToken(token) }).update({ expires_at: h.db.raw(`now() - interval '1 second'`) });
      return { token, forceId: force.forceId };
    }],
    ['withdrawn by the force', 410, 'invite-expired', async (h) => {
      const { token, force, created } = await invited(h);
      expect((await call(h.url, 'revokeInvite', invitePath(created.id, 'revoke'), { method: 'POST', token: force.apiKey })).status).toBe(200);
      return { token, forceId: force.forceId };
    }],
    ['replaced by a reissued invite', 410, 'invite-expired', async (h) => {
      const { token, force, created } = await invited(h);
      expect((await call(h.url, 'reissueInvite', invitePath(created.id, 'reissue'), { method: 'POST', token: force.apiKey })).status).toBe(201);
      return { token, forceId: force.forceId };
    }],
    ['replaced by a resent link (the old token is forgotten)', 400, 'invite-invalid', async (h) => {
      const { token, force, created } = await invited(h);
      expect((await call(h.url, 'resendInvite', invitePath(created.id, 'resend'), { method: 'POST', token: force.apiKey })).status).toBe(200);
      return { token, forceId: force.forceId };
    }],
    ['locked after five wrong answers', 423, 'invite-locked', async (h) => {
      const { token, force } = await invited(h);
      for (let i = 0; i < 5; i++) await redeem(h, token, `200${i}-01-01`);
      return { token, forceId: force.forceId };
    }],
    ['forged, of the right shape', 400, 'invite-invalid', async (h) => {
      const force = await createTestForce(h.db);
      return { token: `vpi_${randomBytes(32).toString('base64url')}`, forceId: force.forceId };
    }],
    ['a real token with one character changed', 400, 'invite-invalid', async (h) => {
      const { token, force } = await invited(h);
      return { token: tampered(token), forceId: force.forceId };
    }],
    ['a sign-in link that has expired', 410, 'invite-expired', async (h) => {
      const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
      const email = uniqueEmail();
      await createCase(h, force, caseBody({ email, dateOfBirth }));
      await inviteTokenFor(h, email);
      await call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: email } });
      await h.server.deliverNotifications();
      const link = h.server.mailbox?.messages().find((m) => m.to === email && m.body.includes('You asked'))?.link ?? '';
      const token = new URL(link).hash.slice('#invite='.length);
      await h.db('invites').where({ token_hash: hashToken(token) }).update({ expires_at: h.db.raw(`now() - interval '1 second'`) });
      return { token, forceId: force.forceId };
    }],
  ];

  it.each(states)('%s: challenge and redeem answer %i, and no session is made', async (_state, status, type, make) => {
    const h = await harness();
    const { token, forceId } = await make(h);
    const [sessionsBefore] = await h.db('sessions').where({ force_id: forceId }).count<{ count: string | number }[]>('id as count');
    for (const response of [await challenge(h, token), await redeem(h, token)]) {
      expect(response.status, response.text).toBe(status);
      expect(response.body.type).toBe(`urn:victim-portal:problem:${type}`);
    }
    const [sessionsAfter] = await h.db('sessions').where({ force_id: forceId }).count<{ count: string | number }[]>('id as count');
    expect(Number(sessionsAfter?.count)).toBe(Number(sessionsBefore?.count));
  });

  it('a forged token and a tampered one are answered alike: nothing says how close a guess came', async () => {
    const h = await harness();
    const { token } = await invited(h);
    const forged = refusalOf(await redeem(h, `vpi_${randomBytes(32).toString('base64url')}`));
    const near = refusalOf(await redeem(h, tampered(token)));
    expect(near).toEqual(forged);
  });
});
