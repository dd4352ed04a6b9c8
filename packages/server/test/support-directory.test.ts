import { beforeAll, describe, expect, it } from 'vitest';
import type { SupportService, SupportServiceList, SupportServiceUpsert } from '@victim-portal/contract';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

const victimSupport: SupportServiceUpsert = {
  name: 'Victim Support',
  description: { en: 'Free, confidential help for anyone affected by crime.', cy: "Cymorth am ddim a chyfrinachol i unrhyw un y mae trosedd wedi effeithio arno." },
  helps: { postcodeAreas: ['KM'] },
  contact: { phone: '0808 168 9111', website: 'https://www.victimsupport.org.uk' },
  openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '20:00' }],
  openingNotes: { en: 'Support line open 24 hours' },
};

async function put(force: TestForce, key: string, service: unknown) {
  const h = await harness();
  return call<SupportService>(h.url, 'putSupportService', `/v1/support-services/${key}`, { method: 'PUT', token: force.apiKey, json: service });
}

async function list(force: TestForce): Promise<SupportService[]> {
  const h = await harness();
  const response = await call<SupportServiceList>(h.url, 'listSupportServices', '/v1/support-services', { token: force.apiKey });
  expect(response.status, response.text).toBe(200);
  return response.body.items;
}

async function remove(force: TestForce, key: string): Promise<number> {
  const h = await harness();
  return (await call(h.url, 'deleteSupportService', `/v1/support-services/${key}`, { method: 'DELETE', token: force.apiKey })).status;
}

describe("the force's directory of support services", () => {
  // Starting the shared server (and migrating its database) can take longer than one test may.
  beforeAll(() => harness());

  it('stores a service under the force’s key and lists it, with the defaults for what was left out', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const saved = await put(force, 'victim-support', victimSupport);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ key: 'victim-support', name: 'Victim Support', helps: { postcodeAreas: ['KM'] }, acceptsReferrals: true, openingNotes: { en: 'Support line open 24 hours' } });
    const minimal = await put(force, 'a-helpline', { name: 'A helpline', description: { en: 'Someone to talk to.' }, contact: { phone: '0800 000 000' } });
    expect(minimal.body).toMatchObject({ helps: {}, openingHours: [], openingNotes: null, acceptsReferrals: true });
    expect((await list(force)).map((service) => service.key)).toEqual(['a-helpline', 'victim-support']);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, action: 'force.support_service_saved' }).pluck('reason');
    expect(audit.sort()).toEqual(['support service a-helpline saved', 'support service victim-support saved']);
  });

  it('replaces a service put again under the same key', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const first = await put(force, 'victim-support', victimSupport);
    const second = await put(force, 'victim-support', { ...victimSupport, name: 'Victim Support Kent', helps: {}, acceptsReferrals: false });
    expect(second.body).toMatchObject({ name: 'Victim Support Kent', helps: {}, acceptsReferrals: false });
    expect(Date.parse(second.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt));
    expect(await list(force)).toEqual([second.body]);
  });

  it('withdraws a service (then 404 for it), and offers it again when it is put again', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    await put(force, 'victim-support', victimSupport);
    expect(await remove(force, 'victim-support')).toBe(204);
    expect(await list(force)).toEqual([]);
    expect(await remove(force, 'victim-support')).toBe(404);
    expect(await remove(force, 'never-existed')).toBe(404);
    expect((await put(force, 'victim-support', victimSupport)).status).toBe(200);
    expect((await list(force)).map((service) => service.key)).toEqual(['victim-support']);
    const actions = await h.db('audit_log').where({ force_id: force.forceId }).whereIn('action', ['force.support_service_saved', 'force.support_service_withdrawn']).orderBy('id').pluck('action');
    expect(actions).toEqual(['force.support_service_saved', 'force.support_service_withdrawn', 'force.support_service_saved']);
  });

  it('is the force’s own: another force neither sees nor withdraws it, and may use the same key', async () => {
    const h = await harness();
    const kent = await createTestForce(h.db);
    const essex = await createTestForce(h.db);
    await put(kent, 'victim-support', victimSupport);
    expect(await list(essex)).toEqual([]);
    expect(await remove(essex, 'victim-support')).toBe(404);
    expect((await put(essex, 'victim-support', { ...victimSupport, name: 'Essex service' })).status).toBe(200);
    expect((await list(kent)).map((service) => service.name)).toEqual(['Victim Support']);
  });

  it('refuses what the contract does not allow (400) and callers without a force key (401)', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    expect((await put(force, 'Bad_Key', victimSupport)).status).toBe(400);
    expect((await put(force, 'ok', { ...victimSupport, helps: { postcodeAreas: ['km1'] } })).status).toBe(400);
    expect((await put(force, 'ok', { ...victimSupport, helps: { offenceCodes: ['burglary'] } })).status).toBe(400);
    expect((await put(force, 'ok', { ...victimSupport, contact: {} })).status).toBe(400);
    expect((await put(force, 'ok', { ...victimSupport, contact: { website: 'http://insecure.example' } })).status).toBe(400);
    expect(await list(force)).toEqual([]);
    expect((await call(h.url, 'listSupportServices', '/v1/support-services', { token: 'vpk_nope' })).status).toBe(401);
  });
});
