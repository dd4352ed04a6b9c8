import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignInChallenge, VictimCreate, VictimSession } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { answerFor, caseBody, createCase, inviteTokenFor } from './support/journey.js';

type Problem = { type: string; attemptsLeft?: number };
const redeem = (url: string, token: string, answer: string) =>
  call<VictimSession & Problem>(url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
const challenge = (url: string, token: string) => call<SignInChallenge & Problem>(url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token } });

/** A new case whose victim has an invite waiting, in a force using the given second factor. */
async function invitedVictim(secondFactor: 'one_time_code' | 'date_of_birth' | 'postcode' = 'one_time_code', victim: Partial<VictimCreate> = {}) {
  const h = await harness();
  const force = await createTestForce(h.db, { secondFactor, alertEmail: 'oic-alerts@force.example' });
  const body = caseBody({ dateOfBirth: '1984-03-09', postcode: 'KM1 4AB', ...victim });
  const created = await createCase(h, force, body);
  const token = await inviteTokenFor(h, body.victim.email as string);
  return { h, force, created, token, email: body.victim.email as string };
}

async function sessionsOf(forceId: string): Promise<number> {
  const h = await harness();
  const [row] = await h.db('sessions').where({ force_id: forceId }).count<{ count: string | number }[]>('id as count');
  return Number(row?.count);
}

describe('signing in with an invite and a second factor', () => {
  it('sends a one-time code to the other channel, masked, and signs in with it', async () => {
    const { h, token } = await invitedVictim('one_time_code', { mobile: '+447700900555' });
    const started = await challenge(h.url, token);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ method: 'one_time_code', sentVia: 'sms', sentTo: '•••• ••• 555', attemptsLeft: 5 });
    await h.server.deliverNotifications();
    const text = h.server.mailbox?.messages().find((m) => m.to === '+447700900555');
    const code = /\b(\d{6})\b/.exec(text?.body ?? '')?.[1] as string;
    expect((await redeem(h.url, token, code)).status).toBe(201);
  });

  it.each([
    ['date_of_birth', '1984-03-09', '1990-01-01'],
    ['postcode', 'km14ab', 'KM1 4AC'],
  ] as const)('asks for the %s when the force chose it, and counts a wrong answer', async (method, right, wrong) => {
    const { h, token } = await invitedVictim(method);
    expect((await challenge(h.url, token)).body).toEqual({ method, attemptsLeft: 5 });
    const refused = await redeem(h.url, token, wrong);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:second-factor-incorrect', attemptsLeft: 4 });
    expect((await challenge(h.url, token)).body.attemptsLeft).toBe(4);
    expect((await redeem(h.url, token, right)).status).toBe(201);
  });

  it('falls back to a one-time code when the force does not hold the fact it chose', async () => {
    const { h, token } = await invitedVictim('date_of_birth', { dateOfBirth: undefined });
    expect((await challenge(h.url, token)).body.method).toBe('one_time_code');
  });

  it('locks the invite at the fifth wrong answer (423), tells the force, and then refuses even the right answer', async () => {
    const { h, force, token } = await invitedVictim('date_of_birth');
    for (let left = 4; left >= 1; left--) {
      expect((await redeem(h.url, token, '2000-01-01')).body.attemptsLeft).toBe(left);
    }
    const locked = await redeem(h.url, token, '2000-01-01');
    expect(locked.status).toBe(423);
    expect(locked.body.type).toBe('urn:victim-portal:problem:invite-locked');
    expect((await redeem(h.url, token, '1984-03-09')).status).toBe(423);
    expect((await challenge(h.url, token)).status).toBe(423);
    expect(await sessionsOf(force.forceId)).toBe(0);
    await h.server.deliverNotifications();
    expect(h.server.mailbox?.messages().find((m) => m.to === 'oic-alerts@force.example')?.body).toMatch(/locked after five wrong/);
    const rows = await h.db('audit_log').where({ force_id: force.forceId }).select('action', 'reason');
    expect(rows.filter((row) => row.reason === 'wrong second-factor answer')).toHaveLength(4);
    expect(rows.filter((row) => row.action === 'invite.locked')).toHaveLength(1);
    expect(rows.filter((row) => row.action === 'invite.refused' && row.reason === 'invite locked')).toHaveLength(2);
  });

  it('refuses a one-time code once a newer one was sent', async () => {
    const { h, token } = await invitedVictim();
    const first = await answerFor(h, token);
    const second = await answerFor(h, token);
    if (first !== second) expect((await redeem(h.url, token, first)).status).toBe(422);
    expect((await redeem(h.url, token, second)).status).toBe(201);
  });

  it('works once; using it again answers 409 invite-used and makes no second session', async () => {
    const { h, force, token } = await invitedVictim('date_of_birth');
    expect((await redeem(h.url, token, '1984-03-09')).status).toBe(201);
    const again = await redeem(h.url, token, '1984-03-09');
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:victim-portal:problem:invite-used');
    expect((await challenge(h.url, token)).status).toBe(409);
    expect(await sessionsOf(force.forceId)).toBe(1);
  });

  it('gives exactly one session to 20 concurrent redemptions of one token', async () => {
    const { h, force, token } = await invitedVictim();
    const code = await answerFor(h, token);
    const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(h.url, token, code)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect(await sessionsOf(force.forceId)).toBe(1);
  });

  it('answers 410 invite-expired once the invite has expired, and makes no session', async () => {
    const { h, force, token } = await invitedVictim('date_of_birth');
    await h.db('invites').where({ token_hash: hashToken(token) }).update({ expires_at: h.db.raw(`now() - interval '1 minute'`) });
    const response = await redeem(h.url, token, '1984-03-09');
    expect(response.status).toBe(410);
    expect(response.body.type).toBe('urn:victim-portal:problem:invite-expired');
    expect((await challenge(h.url, token)).status).toBe(410);
    expect(await sessionsOf(force.forceId)).toBe(0);
  });

  it('answers 410 for an invite the force withdrew', async () => {
    const { h, token } = await invitedVictim('date_of_birth');
    await h.db('invites').where({ token_hash: hashToken(token) }).update({ revoked_at: h.db.fn.now() });
    expect((await redeem(h.url, token, '1984-03-09')).status).toBe(410);
  });

  it('answers 400 invite-invalid for a well-formed token nobody issued', async () => {
    const h = await harness();
    const forged = `vpi_${randomBytes(32).toString('base64url')}`;
    for (const response of [await redeem(h.url, forged, '123456'), await challenge(h.url, forged)]) {
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('urn:victim-portal:problem:invite-invalid');
    }
  });

  it.each([
    ['a truncated token', 'vpi_short'],
    ['a session token', `vps_${randomBytes(32).toString('base64url')}`],
    ['a token with a space', 'vpi_abcdefghij klmnopqrstuvwxyz'],
  ])('answers 400 invalid-request for %s', async (_name, token) => {
    const h = await harness();
    const response = await call<{ type: string; errors: Array<{ pointer: string }> }>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '123456' } });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:victim-portal:problem:invalid-request');
    expect(response.body.errors[0]?.pointer).toBe('/token');
  });

  it('returns a session that lasts 12 hours at most and idles out after 15 minutes', async () => {
    const { h, token } = await invitedVictim('date_of_birth');
    const before = Date.now();
    const response = await redeem(h.url, token, '1984-03-09');
    expect(response.body.idleTimeoutSeconds).toBe(900);
    const expiresIn = new Date(response.body.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(expiresIn).toBeLessThan(12 * 3600_000 + 60_000);
    const idleIn = new Date(response.body.idleExpiresAt).getTime() - before;
    expect(idleIn).toBeGreaterThan(14 * 60_000);
    expect(idleIn).toBeLessThan(16 * 60_000);
  });
});
