import { describe, expect, it } from 'vitest';
import type { ForceSettings } from '@victim-portal/contract';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

describe('a force’s portal settings', () => {
  it('reads them, changes some, and keeps the rest', async () => {
    const h = await harness();
    const force = await createTestForce(h.db, { name: 'Testshire Police' });
    const before = await call<ForceSettings>(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey });
    expect(before.body).toMatchObject({ name: 'Testshire Police', slug: force.slug, portalUrl: force.portalUrl, inviteTtlDays: 14, secondFactor: 'one_time_code', allowedOrigins: [] });
    const changed = await call<ForceSettings>(h.url, 'updateForceSettings', '/v1/force/settings', {
      method: 'PATCH',
      token: force.apiKey,
      json: { secondFactor: 'postcode', inviteTtlDays: 7, allowedOrigins: ['https://www.testshire.police.example'], alertEmail: 'alerts@testshire.example' },
    });
    expect(changed.body).toEqual({
      ...before.body,
      secondFactor: 'postcode',
      inviteTtlDays: 7,
      allowedOrigins: ['https://www.testshire.police.example'],
      alertEmail: 'alerts@testshire.example',
    });
    const actions = await h.db('audit_log').where({ force_id: force.forceId }).pluck('action');
    expect(actions).toContain('force.settings_changed');
  });

  it("reads and changes the Victims' Code settings: how often victims hear, and how early deadlines are warned of", async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const before = await call<ForceSettings>(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey });
    expect(before.body).toMatchObject({ defaultUpdateEveryDays: 28, deadlineWarningHours: 4 });
    const changed = await call<ForceSettings>(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { defaultUpdateEveryDays: 14, deadlineWarningHours: 24 } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toEqual({ ...before.body, defaultUpdateEveryDays: 14, deadlineWarningHours: 24 });
    const again = await call<ForceSettings>(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey });
    expect(again.body).toMatchObject({ defaultUpdateEveryDays: 14, deadlineWarningHours: 24 });
    for (const json of [{ defaultUpdateEveryDays: 6 }, { defaultUpdateEveryDays: 91 }, { deadlineWarningHours: 0 }, { deadlineWarningHours: 49 }]) {
      expect((await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json })).status, JSON.stringify(json)).toBe(400);
    }
  });

  it('refuses settings that do not match the contract', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const json of [{}, { secondFactor: 'password' }, { allowedOrigins: ['https://example.com/path'] }, { inviteTtlDays: 0 }]) {
      expect((await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json })).status, JSON.stringify(json)).toBe(400);
    }
  });
});
