import { describe, expect, it } from 'vitest';
import type { OfficerCaseList, OfficerToken } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { createTestForce, createTestOfficer } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

const unauthenticated = 'urn:victim-portal:problem:unauthenticated';

async function mint(apiKey: string, json: unknown) {
  const h = await harness();
  return call<OfficerToken>(h.url, 'mintOfficerToken', '/v1/officer-tokens', { token: apiKey, json });
}

async function inbox(token: string) {
  const h = await harness();
  return call<OfficerCaseList>(h.url, 'listOfficerCases', '/v1/officer/cases', { token });
}

describe('officer tokens', () => {
  it('mints a vpo_ token for one officer, 15 minutes by default, stored only as a hash and audited', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const officer = await createTestOfficer(h.db, force.forceId, { displayName: 'DS Ada Khan', rank: 'detective_sergeant' });
    const before = Date.now();
    const minted = await mint(force.apiKey, { collarNumber: officer.collarNumber });
    expect(minted.status, minted.text).toBe(201);
    expect(minted.body.token).toMatch(/^vpo_[A-Za-z0-9_-]{43}$/);
    expect(minted.body.officer).toEqual({ collarNumber: officer.collarNumber, displayName: 'DS Ada Khan', rank: 'detective_sergeant' });
    const lifetime = Date.parse(minted.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(850_000);
    expect(lifetime).toBeLessThan(960_000);

    const stored = await h.db('officer_tokens').where({ force_id: force.forceId });
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toBe(hashToken(minted.body.token));
    expect(JSON.stringify(stored)).not.toContain(minted.body.token);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, action: 'officer.token_minted' });
    expect(audit).toMatchObject([{ actor_type: 'force_api_key', subject_type: 'officer', subject_id: officer.officerId }]);

    const listed = await inbox(minted.body.token);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.officer.collarNumber).toBe(officer.collarNumber);
  });

  it('takes a lifetime between 1 minute and 1 hour', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const officer = await createTestOfficer(h.db, force.forceId);
    const minted = await mint(force.apiKey, { collarNumber: officer.collarNumber, ttlSeconds: 60 });
    expect(minted.status).toBe(201);
    expect(Date.parse(minted.body.expiresAt) - Date.now()).toBeLessThan(61_000);
    expect((await mint(force.apiKey, { collarNumber: officer.collarNumber, ttlSeconds: 59 })).status).toBe(400);
    expect((await mint(force.apiKey, { collarNumber: officer.collarNumber, ttlSeconds: 3601 })).status).toBe(400);
  });

  it('refuses an officer the force does not have (422), including another force’s', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const other = await createTestForce(h.db);
    const theirs = await createTestOfficer(h.db, other.forceId);
    for (const collarNumber of ['NOPE1', theirs.collarNumber]) {
      const refused = await mint(force.apiKey, { collarNumber });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:unknown-officer' });
    }
    expect(await h.db('officer_tokens').where({ force_id: force.forceId })).toHaveLength(0);
  });

  it('is refused once expired, when the key that minted it is revoked, and where another credential is needed', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const officer = await createTestOfficer(h.db, force.forceId);
    const expiring = (await mint(force.apiKey, { collarNumber: officer.collarNumber })).body.token;
    await h.db('officer_tokens').where({ token_hash: hashToken(expiring) }).update({ expires_at: h.db.raw("now() - interval '1 second'") });
    expect((await inbox(expiring)).body).toMatchObject({ status: 401, type: unauthenticated });

    const token = (await mint(force.apiKey, { collarNumber: officer.collarNumber })).body.token;
    // An officer token is not a force key, nor a victim session.
    expect((await call(h.url, 'getForceSettings', '/v1/force/settings', { token })).status).toBe(401);
    expect((await call(h.url, 'listMyCases', '/v1/me/cases', { token })).status).toBe(401);
    // Nor does a force key open the officer's inbox.
    expect((await inbox(force.apiKey)).status).toBe(401);

    await h.db('api_keys').where({ force_id: force.forceId }).update({ revoked_at: h.db.fn.now() });
    expect((await inbox(token)).status).toBe(401);
  });
});
