import { createHash, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, SignInChallenge, VictimSession } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { rateLimitTable, type Limit, type LimitName } from '../src/http/rate-limit.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createTestForce } from '../src/testing.js';
import { call, type ApiResponse } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { answerFor, caseBody, createCase, inviteTokenFor, uniqueEmail } from './support/journey.js';

// Each test runs its own server over the shared database, with the limits it is about set low
// and behind a trusted proxy, so that every test can come from addresses of its own: the counts
// live in the database, and the suite's other tests all come from 127.0.0.1.
const servers: RunningServer[] = [];
async function limitedServer(rateLimits: Partial<Record<LimitName, Limit>>): Promise<RunningServer> {
  const h = await harness();
  const server = await startServer({
    port: 0,
    db: h.db,
    migrate: false,
    trustProxy: true,
    rateLimits: { signInByAddress: { points: 1_000, seconds: 60 }, ...rateLimits },
  });
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A client address nobody else in this run uses (TEST-NET-2 and -3 are too small for that). */
function newAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

const from = (address: string) => ({ 'X-Forwarded-For': address });
type Answer = SignInChallenge & VictimSession & Problem;
const challenge = (url: string, address: string, token: string) =>
  call<Answer>(url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token }, headers: from(address) });
const redeem = (url: string, address: string, token: string, answer: string) =>
  call<Answer>(url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer }, headers: from(address) });
const askForLink = (url: string, address: string, force: string, contact: string) =>
  call<Answer>(url, 'requestSignInLink', '/v1/sign-in-links', { json: { force, contact }, headers: from(address) });

const dateOfBirth = '1984-03-09';

/** A victim with an invite waiting (delivered through the suite's server), answering by date of birth. */
async function invitedVictim(h: Harness, secondFactor: 'date_of_birth' | 'one_time_code' = 'date_of_birth') {
  const force = await createTestForce(h.db, { secondFactor });
  const body = caseBody({ dateOfBirth, email: uniqueEmail() });
  await createCase(h, force, body);
  const token = await inviteTokenFor(h, body.victim.email as string);
  return { force, token, email: body.victim.email as string };
}

/** The refusal the contract promises: 429, a rate-limited problem, and a whole number of seconds to wait. */
function expectRateLimited(response: ApiResponse<Answer>, windowSeconds: number): number {
  expect(response.status, response.text).toBe(429);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: 'urn:victim-portal:problem:rate-limited', title: 'Too many attempts', status: 429 });
  const retryAfter = response.headers.get('retry-after') ?? '';
  expect(retryAfter).toMatch(/^[1-9][0-9]*$/);
  expect(Number(retryAfter)).toBeLessThanOrEqual(windowSeconds);
  return Number(retryAfter);
}

describe('rate limits on signing in', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });

  it('per client address: one budget across challenge, redeem and sign-in links, whichever invite is used', async () => {
    const server = await limitedServer({ signInByAddress: { points: 3, seconds: 60 } });
    const [one, two, three] = [await invitedVictim(h), await invitedVictim(h), await invitedVictim(h)];
    const address = newAddress();
    expect((await challenge(server.url, address, one.token)).status).toBe(200);
    expect((await redeem(server.url, address, two.token, '2000-01-01')).status).toBe(422);
    expect((await askForLink(server.url, address, three.force.slug, three.email)).status).toBe(202);
    // The fourth attempt from that address is refused, on any operation and any invite.
    expectRateLimited(await challenge(server.url, address, three.token), 60);
    expectRateLimited(await redeem(server.url, address, one.token, dateOfBirth), 60);
    expectRateLimited(await askForLink(server.url, address, one.force.slug, one.email), 60);
    // Another address is not held back by it.
    expect((await redeem(server.url, newAddress(), one.token, dateOfBirth)).status).toBe(201);
  });

  it('per client address: only the address our proxy saw counts, not ones the client put before it', async () => {
    const server = await limitedServer({ signInByAddress: { points: 2, seconds: 60 } });
    const { token } = await invitedVictim(h);
    const address = newAddress();
    const spoofing = (spoofed: string) => call<Answer>(server.url, 'startInviteChallenge', '/v1/invites/challenge', {
      json: { token },
      headers: { 'X-Forwarded-For': `${spoofed}, ${address}` },
    });
    expect((await spoofing(newAddress())).status).toBe(200);
    expect((await spoofing(newAddress())).status).toBe(200);
    expectRateLimited(await spoofing(newAddress()), 60);
  });

  it('per invite, on redeeming: from any number of addresses, and a refused try is not counted as an answer', async () => {
    const server = await limitedServer({ redeemPerInvite: { points: 3, seconds: 60 } });
    const { token } = await invitedVictim(h);
    for (const wrong of ['2000-01-01', '2000-01-02', '2000-01-03']) {
      expect((await redeem(server.url, newAddress(), token, wrong)).status).toBe(422);
    }
    expectRateLimited(await redeem(server.url, newAddress(), token, dateOfBirth), 60);
    const invite = await h.db('invites').where({ token_hash: hashToken(token) }).first<{ wrong_answers: number; redeemed_at: Date | null }>();
    expect(invite).toMatchObject({ wrong_answers: 3, redeemed_at: null });
    // Another invite, from an address that was just refused, is not held back.
    const other = await invitedVictim(h);
    const address = newAddress();
    expect((await redeem(server.url, address, other.token, dateOfBirth)).status).toBe(201);
  });

  it('per invite, on asking for a one-time code: from any number of addresses', async () => {
    const server = await limitedServer({ codesPerInvite: { points: 2, seconds: 60 } });
    const { token } = await invitedVictim(h, 'one_time_code');
    expect((await challenge(server.url, newAddress(), token)).status).toBe(200);
    expect((await challenge(server.url, newAddress(), token)).status).toBe(200);
    expectRateLimited(await challenge(server.url, newAddress(), token), 60);
    const codes = await h.db('outbox').where({ force_id: (await h.db('invites').where({ token_hash: hashToken(token) }).first<{ force_id: string }>()).force_id }).count<{ count: string | number }[]>('id as count');
    // The invite itself, and two codes: the refused request made none.
    expect(Number(codes[0]?.count)).toBe(3);
    const other = await invitedVictim(h, 'one_time_code');
    expect((await challenge(server.url, newAddress(), other.token)).status).toBe(200);
  });

  it('per contact, on sign-in links: from any number of addresses, however the contact is typed', async () => {
    const server = await limitedServer({ linksPerContact: { points: 2, seconds: 60 } });
    const force = await createTestForce(h.db);
    const mobile = `+447700${String(randomInt(100000, 999999))}`;
    const national = `0${mobile.slice(3)}`;
    expect((await askForLink(server.url, newAddress(), force.slug, mobile)).status).toBe(202);
    expect((await askForLink(server.url, newAddress(), force.slug, `${national.slice(0, 5)} ${national.slice(5)}`)).status).toBe(202);
    expectRateLimited(await askForLink(server.url, newAddress(), force.slug, national), 60);
    const email = uniqueEmail();
    expect((await askForLink(server.url, newAddress(), force.slug, email)).status).toBe(202);
    expect((await askForLink(server.url, newAddress(), force.slug, ` ${email.toUpperCase()} `)).status).toBe(202);
    expectRateLimited(await askForLink(server.url, newAddress(), force.slug, email), 60);
  });

  it('lifts once its window has passed: waiting Retry-After seconds is enough', async () => {
    const server = await limitedServer({ signInByAddress: { points: 1, seconds: 1 } });
    const { token } = await invitedVictim(h);
    const address = newAddress();
    expect((await challenge(server.url, address, token)).status).toBe(200);
    const retryAfter = expectRateLimited(await challenge(server.url, address, token), 1);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 50));
    expect((await challenge(server.url, address, token)).status).toBe(200);
  });

  it('stores only hashes of what it counts: no address, token or contact in the table', async () => {
    const server = await limitedServer({});
    const { force, token, email } = await invitedVictim(h);
    const address = newAddress();
    await redeem(server.url, address, token, '2000-01-01');
    await askForLink(server.url, address, force.slug, email);
    const keys = (await h.db(rateLimitTable).select<{ key: string }[]>('key')).map((row) => row.key);
    for (const secret of [address, token, hashToken(token), email]) {
      expect(keys.some((key) => key.includes(secret))).toBe(false);
    }
    const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
    // redeemPerInvite is keyed by the token's hash (as stored in invites), hashed again on its way in.
    expect(keys).toContain(`redeemPerInvite:${sha256(hashToken(token))}`);
    expect(keys).toContain(`signInByAddress:${sha256(address)}`);
  });
});

describe('guessing the second factor', () => {
  it.each(['date_of_birth', 'one_time_code'] as const)(
    'with %s: 20 concurrent wrong answers count 5 at most, lock the invite, and then the right answer is refused',
    async (secondFactor) => {
      const h = await harness();
      // Limits high enough that only the lock stands in the way.
      const server = await limitedServer({ redeemPerInvite: { points: 100, seconds: 60 } });
      const { force, token } = await invitedVictim(h, secondFactor);
      const right = secondFactor === 'one_time_code' ? await answerFor(h, token) : dateOfBirth;
      const wrong = (i: number) => (secondFactor === 'one_time_code' ? String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0') : `19${String(50 + i)}-01-01`);
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => redeem(server.url, newAddress(), token, wrong(i))));
      const statuses = responses.map((response) => response.status);
      expect(statuses.every((status) => status === 422 || status === 423), statuses.join(',')).toBe(true);
      // Four tries are told how many are left; the fifth locks; every other one finds it locked.
      expect(statuses.filter((status) => status === 422)).toHaveLength(4);
      expect(statuses.filter((status) => status === 423)).toHaveLength(16);
      const invite = await h.db('invites').where({ token_hash: hashToken(token) }).first<{ wrong_answers: number; locked_at: Date | null }>();
      expect(invite.wrong_answers).toBe(5);
      expect(invite.locked_at).not.toBeNull();

      const late = await redeem(server.url, newAddress(), token, right);
      expect(late.status).toBe(423);
      expect(late.body.type).toBe('urn:victim-portal:problem:invite-locked');
      expect((await challenge(server.url, newAddress(), token)).status).toBe(423);
      const [sessions] = await h.db('sessions').where({ force_id: force.forceId }).count<{ count: string | number }[]>('id as count');
      expect(Number(sessions?.count)).toBe(0);
    },
  );
});
