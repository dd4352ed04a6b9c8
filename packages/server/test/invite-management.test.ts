import { describe, expect, it } from 'vitest';
import type { ForceCase, InviteOutcome } from '@victim-portal/contract';
import { createTestForce, createTestOfficer } from '../src/testing.js';
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

  it('keeps a locked invite locked through unrelated changes (officer, contact), and reissue still works', async () => {
    const { h, force, created, token } = await invitedCase();
    for (let i = 0; i < 5; i++) await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '2001-01-01' } });
    const officer = await createTestOfficer(h.db, force.forceId);
    const patch = async (json: unknown) => {
      const response = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json });
      expect(response.status, response.text).toBe(200);
      return response.body;
    };
    expect((await patch({ officerInCharge: { collarNumber: officer.collarNumber } })).invite).toMatchObject({ sent: true, status: 'locked' });
    expect((await patch({ victim: { email: 'new-address@example.com', mobile: '+447700900123' } })).invite).toMatchObject({ sent: true, status: 'locked' });
    expect((await patch({ officerInCharge: null })).invite).toMatchObject({ sent: true, status: 'locked' });
    const [invites] = await h.db('invites').where({ force_id: force.forceId, case_id: created.id }).count<{ count: string | number }[]>('* as count');
    expect(Number(invites?.count)).toBe(1);
    await h.server.deliverNotifications();
    expect(h.server.mailbox?.messages().some((m) => m.to === 'new-address@example.com')).toBe(false);
    expect((await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey })).body).toMatchObject({ invite: { status: 'locked' } });

    const reissued = await call<InviteOutcome>(h.url, 'reissueInvite', path(created.id, 'reissue'), { method: 'POST', token: force.apiKey });
    expect(reissued.status).toBe(201);
    expect(reissued.body).toMatchObject({ sent: true, status: 'pending', channel: 'email' });
    const fresh = await inviteTokenFor(h, 'new-address@example.com');
    expect(fresh).not.toBe(token);
    expect((await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: fresh, answer: '1984-03-09' } })).status).toBe(201);
  });

  it('does not send again an invite the force revoked, whatever changes on the case', async () => {
    const { h, force, created } = await invitedCase();
    expect((await call(h.url, 'revokeInvite', path(created.id, 'revoke'), { method: 'POST', token: force.apiKey })).status).toBe(200);
    const patch = (json: unknown) => call<ForceCase>(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json });
    expect((await patch({ victim: { mobile: '+447700900456' } })).body.invite).toMatchObject({ sent: true, status: 'revoked' });
    // Flagged and cleared again: the invite was not withdrawn for the flag, so it is not resent.
    expect((await patch({ riskFlags: ['unsafe_to_contact'] })).body.invite).toMatchObject({ sent: true, status: 'revoked' });
    expect((await patch({ riskFlags: [] })).body.invite).toMatchObject({ sent: true, status: 'revoked' });
    const [row] = await h.db('invites').where({ force_id: force.forceId, case_id: created.id }).count<{ count: string | number }[]>('* as count');
    expect(Number(row?.count)).toBe(1);
    const reissued = await call<InviteOutcome>(h.url, 'reissueInvite', path(created.id, 'reissue'), { method: 'POST', token: force.apiKey });
    expect(reissued.status).toBe(201);
    expect(reissued.body.status).toBe('pending');
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
