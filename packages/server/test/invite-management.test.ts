import { describe, expect, it } from 'vitest';
import type { InviteOutcome } from '@victim-portal/contract';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, inviteTokenFor } from './support/journey.js';

const path = (caseId: string, action: string) => `/v1/cases/${caseId}/invite/${action}`;

async function invitedCase(victim = {}) {
  const h = await harness();
  const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
  const body = caseBody({ dateOfBirth: '1984-03-09', ...victim });
  const created = await createCase(h, force, body);
  const token = await inviteTokenFor(h, body.victim.email as string);
  return { h, force, created, token, email: body.victim.email as string };
}

describe('a records system manages a case’s invite', () => {
  it('resends it: a new link with the same expiry, and the old link stops working', async () => {
    const { h, force, created, token, email } = await invitedCase();
    const resent = await call<InviteOutcome>(h.url, 'resendInvite', path(created.id, 'resend'), { method: 'POST', token: force.apiKey });
    expect(resent.status).toBe(200);
    expect(resent.body).toEqual({ sent: true, status: 'pending', channel: 'email', expiresAt: created.invite.expiresAt });
    const newToken = await inviteTokenFor(h, email);
    expect(newToken).not.toBe(token);
    expect((await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '1984-03-09' } })).status).toBe(400);
    expect((await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: newToken, answer: '1984-03-09' } })).status).toBe(201);
    const again = await call(h.url, 'resendInvite', path(created.id, 'resend'), { method: 'POST', token: force.apiKey });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:victim-portal:problem:invite-not-open' });
  });

  it('revokes it, once', async () => {
    const { h, force, created, token } = await invitedCase();
    const revoked = await call<InviteOutcome>(h.url, 'revokeInvite', path(created.id, 'revoke'), { method: 'POST', token: force.apiKey });
    expect(revoked.body).toMatchObject({ sent: true, status: 'revoked' });
    expect((await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '1984-03-09' } })).status).toBe(410);
    expect((await call(h.url, 'revokeInvite', path(created.id, 'revoke'), { method: 'POST', token: force.apiKey })).status).toBe(409);
  });

  it('reissues a locked invite with a fresh expiry, but not for a case that is no longer eligible', async () => {
    const { h, force, created, token, email } = await invitedCase();
    for (let i = 0; i < 5; i++) await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '2001-01-01' } });
    expect((await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey })).body).toMatchObject({ invite: { status: 'locked' } });
    const reissued = await call<InviteOutcome>(h.url, 'reissueInvite', path(created.id, 'reissue'), { method: 'POST', token: force.apiKey });
    expect(reissued.status).toBe(201);
    expect(reissued.body.status).toBe('pending');
    const fresh = await inviteTokenFor(h, email);
    expect((await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: fresh, answer: '1984-03-09' } })).status).toBe(201);

    await call(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json: { riskFlags: ['unsafe_to_contact'] } });
    const refused = await call(h.url, 'reissueInvite', path(created.id, 'reissue'), { method: 'POST', token: force.apiKey });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:case-not-eligible' });
  });

  it('answers 404 for a case the force does not have', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const action of ['resend', 'reissue', 'revoke'] as const) {
      const operation = ({ resend: 'resendInvite', reissue: 'reissueInvite', revoke: 'revokeInvite' } as const)[action];
      expect((await call(h.url, operation, path('00000000-0000-4000-8000-000000000000', action), { method: 'POST', token: force.apiKey })).status).toBe(404);
    }
  });
});
