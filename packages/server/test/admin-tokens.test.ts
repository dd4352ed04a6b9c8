import { describe, expect, it } from 'vitest';
import type { AdminToken, ComplianceReport, UsageReport } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, signedInVictim } from './support/journey.js';

const unauthenticated = 'urn:victim-portal:problem:unauthenticated';
const june = 'from=2026-06-01&to=2026-06-30';

async function mint(apiKey: string, json: unknown) {
  const h = await harness();
  return call<AdminToken>(h.url, 'mintAdminToken', '/v1/admin-tokens', { token: apiKey, json });
}

async function usage(token: string | undefined, query = june) {
  const h = await harness();
  return call<UsageReport>(h.url, 'getUsageReport', `/v1/reports/usage?${query}`, { token });
}

describe('admin tokens for force staff', () => {
  it('mints a vpa_ token for an hour by default, stored only as a hash with its name, and audited without the name', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const before = Date.now();
    const minted = await mint(force.apiKey, { name: 'Staff 40211' });
    expect(minted.status, minted.text).toBe(201);
    expect(minted.headers.get('cache-control')).toBe('no-store');
    expect(minted.body.token).toMatch(/^vpa_[A-Za-z0-9_-]{43}$/);
    const lifetime = Date.parse(minted.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(3_550_000);
    expect(lifetime).toBeLessThan(3_660_000);

    const stored = await h.db('admin_tokens').where({ force_id: force.forceId });
    expect(stored).toMatchObject([{ name: 'Staff 40211', token_hash: hashToken(minted.body.token) }]);
    expect(JSON.stringify(stored)).not.toContain(minted.body.token);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, action: 'force.admin_token_minted' });
    expect(audit).toMatchObject([{ actor_type: 'force_api_key', subject_type: 'admin_token', subject_id: stored[0].id }]);
    expect(JSON.stringify(audit)).not.toContain('40211');
  });

  it('takes a lifetime between 1 minute and 8 hours, and a name of 1 to 100 characters', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const short = await mint(force.apiKey, { name: 'A', ttlSeconds: 60 });
    expect(short.status, short.text).toBe(201);
    expect(Date.parse(short.body.expiresAt) - Date.now()).toBeLessThan(61_000);
    expect((await mint(force.apiKey, { name: 'A', ttlSeconds: 28_800 })).status).toBe(201);
    for (const json of [{ name: 'A', ttlSeconds: 59 }, { name: 'A', ttlSeconds: 28_801 }, { name: '' }, { name: 'x'.repeat(101) }, {}, { name: 'A', scopes: ['cases'] }]) {
      const refused = await mint(force.apiKey, json);
      expect(refused.status, JSON.stringify(json)).toBe(400);
    }
    expect(await h.db('admin_tokens').where({ force_id: force.forceId })).toHaveLength(2);
  });

  it("reads the force's usage report and compliance, audited as force staff, and nothing else", async () => {
    const h = await harness();
    const { force, created, sessionToken } = await signedInVictim(h);
    const token = (await mint(force.apiKey, { name: 'Dashboard user' })).body.token;
    const tokenId = (await h.db('admin_tokens').where({ force_id: force.forceId }).first()).id as string;

    const report = await usage(token);
    expect(report.status, report.text).toBe(200);
    const compliance = await call<ComplianceReport>(h.url, 'getVictimsCodeCompliance', `/v1/reports/victims-code-compliance?${june}`, { token });
    expect(compliance.status, compliance.text).toBe(200);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, actor_type: 'force_staff' }).orderBy('id');
    expect(audit.map((row) => [row.action, row.actor_id, row.subject_type])).toEqual([
      ['force.usage_report_read', tokenId, 'force'],
      ['force.compliance_read', tokenId, 'force'],
    ]);

    // Never a case, nor anything else a force key or victim session may do.
    expect((await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token })).body).toMatchObject({ status: 401, type: unauthenticated });
    expect((await call(h.url, 'listDuties', '/v1/duties', { token })).status).toBe(401);
    expect((await call(h.url, 'getForceSettings', '/v1/force/settings', { token })).status).toBe(401);
    expect((await call(h.url, 'listMyCases', '/v1/me/cases', { token })).status).toBe(401);
    expect((await mint(token, { name: 'Another' })).status).toBe(401);
    // Nor do a victim's session or an officer's token read the report.
    expect((await usage(sessionToken)).body).toMatchObject({ status: 401, type: unauthenticated });
    const officerToken = (await call<{ token: string }>(h.url, 'mintOfficerToken', '/v1/officer-tokens', { token: force.apiKey, json: { collarNumber: force.collarNumber } })).body.token;
    expect((await usage(officerToken)).status).toBe(401);
    expect((await usage(undefined)).status).toBe(401);
  });

  it('is refused once expired, and when the key that minted it is revoked', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const expiring = (await mint(force.apiKey, { name: 'A' })).body.token;
    expect((await usage(expiring)).status).toBe(200);
    await h.db('admin_tokens').where({ token_hash: hashToken(expiring) }).update({ expires_at: h.db.raw("now() - interval '1 second'") });
    expect((await usage(expiring)).body).toMatchObject({ status: 401, type: unauthenticated });

    const token = (await mint(force.apiKey, { name: 'B' })).body.token;
    expect((await usage(token)).status).toBe(200);
    await h.db('api_keys').where({ force_id: force.forceId }).update({ revoked_at: h.db.fn.now() });
    expect((await usage(token)).status).toBe(401);
    // A made-up token of the right shape is refused the same way.
    expect((await usage(`vpa_${'A'.repeat(43)}`)).status).toBe(401);
  });

  it("sees only its own force's figures", async () => {
    const h = await harness();
    const ours = await createTestForce(h.db);
    const theirs = await createTestForce(h.db);
    await createCase(h, theirs, caseBody());
    const today = new Date().toISOString().slice(0, 10);
    const period = `from=${today}&to=${today}`;
    const token = (await mint(ours.apiKey, { name: 'A' })).body.token;
    expect((await usage(token, period)).body.eligibility.cases).toBe(0);
    expect((await usage(ours.apiKey, period)).body.eligibility.cases).toBe(0);
    expect((await usage(theirs.apiKey, period)).body.eligibility.cases).toBe(1);
  });
});
