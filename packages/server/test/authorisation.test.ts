import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OperationId } from '@victim-portal/contract';
import { contractValidator } from '../src/app.js';
import { createTestForce, createTestOfficerToken } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer, signedInVictim } from './support/journey.js';

const unauthenticated = 'urn:victim-portal:problem:unauthenticated';

/** Every operation the contract protects, with a path and body that would otherwise be valid. */
function protectedOperations() {
  return [...contractValidator().operations.values()]
    .filter((spec) => spec.security.length > 0)
    .map((spec) => ({
      operationId: spec.operationId as OperationId,
      method: spec.method.toUpperCase(),
      path: spec.path.replace('{caseId}', randomUUID()).replace('{collarNumber}', '4521'),
      json: spec.bodyMediaTypes.length > 0 ? {} : undefined,
      schemes: spec.security,
    }));
}

describe('who may see what', () => {
  it('protects every operation the contract protects', () => {
    const names = protectedOperations().map((op) => op.operationId).sort();
    expect(names).toEqual([
      'clearOfficerAbsence', 'createCase', 'createCaseEvent', 'deleteSupportService', 'getCase', 'getEligibilityRules',
      'getEventWording', 'getForceSettings', 'getMyCase', 'getMyCrimeReport', 'getMyPreferences', 'getMyRights',
      'getMySession', 'getMyTimeline', 'getUsageReport', 'getVictimsCodeCompliance', 'listCaseEvents', 'listCaseMessages',
      'listCaseSupportReferrals', 'listDuties', 'listMyCases', 'listMyMessages', 'listMySupportServices',
      'listOfficerCases', 'listOfficerMessages', 'listSupportServices', 'markCaseMessagesRead', 'markMyMessagesRead',
      'markOfficerMessagesRead', 'mintAdminToken', 'mintOfficerToken', 'putEligibilityRules', 'putEventWording', 'putOfficer',
      'putOfficerAbsence', 'putSupportService', 'recordReferralMade', 'recordVictimTold', 'reissueInvite',
      'requestSupportReferral', 'requestUpdate', 'resendInvite', 'revokeInvite', 'rotateWebhookSecret',
      'sendCaseMessage', 'sendMyMessage', 'sendOfficerMessage', 'signOut', 'streamMyEvents', 'streamOfficerEvents',
      'updateCase', 'updateForceSettings', 'updateMyPreferences',
    ]);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Basic credential', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
    ['a forged force key', `Bearer vpk_${randomBytes(32).toString('base64url')}`],
    ['a forged session', `Bearer vps_${randomBytes(32).toString('base64url')}`],
    ['a forged officer token', `Bearer vpo_${randomBytes(32).toString('base64url')}`],
    ['a forged admin token', `Bearer vpa_${randomBytes(32).toString('base64url')}`],
    ['an invite token', `Bearer vpi_${randomBytes(32).toString('base64url')}`],
    ['a token with odd characters', 'Bearer vps_abc$%^&*()abcdefghijklmnopqrstuvwxyz'],
  ])('answers 401 to %s, on every protected operation', async (_name, authorization) => {
    const h = await harness();
    for (const op of protectedOperations()) {
      const response = await call(h.url, op.operationId, op.path, {
        method: op.method,
        json: op.json,
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(response.status, `${op.method} ${op.path}`).toBe(401);
      expect(response.body).toMatchObject({ type: unauthenticated });
    }
  });

  it('does not accept a victim session where a force key is needed, nor the reverse', async () => {
    const h = await harness();
    const { force, created, sessionToken } = await signedInVictim(h);
    const withSession = await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: sessionToken });
    expect(withSession.status).toBe(401);
    const withKey = await call(h.url, 'getMyCase', `/v1/me/cases/${created.id}`, { token: force.apiKey });
    expect(withKey.status).toBe(401);
  });

  it('takes an officer token only where the contract names it, and no other credential there', async () => {
    const h = await harness();
    const { force, created, sessionToken } = await signedInVictim(h);
    const officerToken = await createTestOfficerToken(h.url, force.apiKey, force.collarNumber);
    // The officer can read the thread as an officer…
    expect((await call(h.url, 'listOfficerMessages', `/v1/officer/cases/${created.id}/messages`, { token: officerToken })).status).toBe(200);
    // …but the token is neither a force key nor a victim session,
    expect((await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: officerToken })).status).toBe(401);
    expect((await call(h.url, 'listMyMessages', `/v1/me/cases/${created.id}/messages`, { token: officerToken })).status).toBe(401);
    expect((await call(h.url, 'mintOfficerToken', '/v1/officer-tokens', { token: officerToken, json: { collarNumber: force.collarNumber } })).status).toBe(401);
    // and neither of those is an officer token.
    expect((await call(h.url, 'listOfficerCases', '/v1/officer/cases', { token: force.apiKey })).status).toBe(401);
    expect((await call(h.url, 'listOfficerCases', '/v1/officer/cases', { token: sessionToken })).status).toBe(401);
  });

  it("answers 404, not 403, when a victim asks for another victim's case", async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const a = await signedInVictim(h, force);
    const b = await signedInVictim(h, force);
    const response = await call(h.url, 'getMyCase', `/v1/me/cases/${b.created.id}`, { token: a.sessionToken });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: 'urn:victim-portal:problem:not-found' });
    const list = await call<{ items: Array<{ id: string }> }>(h.url, 'listMyCases', '/v1/me/cases', { token: a.sessionToken });
    expect(list.body.items.map((item) => item.id)).toEqual([a.created.id]);
  });

  it("answers 404 when a force asks for another force's case, as for one that does not exist", async () => {
    const h = await harness();
    const x = await createTestForce(h.db);
    const y = await forceWithOfficer(h);
    const yCase = await createCase(h, y, caseBody());
    const other = await call(h.url, 'getCase', `/v1/cases/${yCase.id}`, { token: x.apiKey });
    const missing = await call(h.url, 'getCase', `/v1/cases/${randomUUID()}`, { token: x.apiKey });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((other.body as { detail: string }).detail).toBe((missing.body as { detail: string }).detail);
    const own = await call(h.url, 'getCase', `/v1/cases/${yCase.id}`, { token: y.apiKey });
    expect(own.status).toBe(200);
  });

  it('refuses a revoked force key', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    await h.db('api_keys').where({ force_id: force.forceId }).update({ revoked_at: h.db.fn.now() });
    const response = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody() });
    expect(response.status).toBe(401);
  });

  it.each([
    ['revoked', { revoked_at: new Date() }],
    ['idle too long', { idle_expires_at: new Date(Date.now() - 1000) }],
    ['past its absolute expiry', { expires_at: new Date(Date.now() - 1000) }],
  ])('refuses a session that is %s, on every victim operation', async (_name, change) => {
    const h = await harness();
    const { created, sessionToken, force } = await signedInVictim(h);
    await h.db('sessions').where({ force_id: force.forceId }).update(change);
    for (const [operationId, path, method] of [
      ['getMySession', '/v1/me/session', 'GET'],
      ['listMyCases', '/v1/me/cases', 'GET'],
      ['getMyCase', `/v1/me/cases/${created.id}`, 'GET'],
      ['signOut', '/v1/me/session', 'DELETE'],
    ] as const) {
      const response = await call(h.url, operationId, path, { method, token: sessionToken });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });
});
