import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreate, SupportHelps, SupportServiceUpsert, VictimCreate, VictimSupportServiceList } from '@victim-portal/contract';
import { createTestForce, createTestVictimSession, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase } from './support/journey.js';

/** A force whose rules show victims every case (so flagged cases can be tested), with services that help these groups. */
async function forceWithServices(services: Record<string, SupportHelps>): Promise<TestForce> {
  const h = await harness();
  const force = await createTestForce(h.db);
  const rules = await call(h.url, 'putEligibilityRules', '/v1/force/eligibility-rules', {
    method: 'PUT', token: force.apiKey, json: { includeOffences: ['*'], excludeOffences: [], excludeRiskFlags: [], minimumVictimAge: 0 },
  });
  expect(rules.status, rules.text).toBe(200);
  for (const [key, helps] of Object.entries(services)) {
    const service: SupportServiceUpsert = { name: key, description: { en: `${key} helps` }, helps, contact: { phone: '0800 000 000' } };
    const saved = await call(h.url, 'putSupportService', `/v1/support-services/${key}`, { method: 'PUT', token: force.apiKey, json: service });
    expect(saved.status, saved.text).toBe(200);
  }
  return force;
}

async function keysFor(force: TestForce, victim: Partial<VictimCreate>, extra: Partial<CaseCreate> = {}): Promise<string[]> {
  const h = await harness();
  const created = await createCase(h, force, caseBody(victim, extra));
  const session = await createTestVictimSession(h.db, force.forceId, created.id);
  const response = await call<VictimSupportServiceList>(h.url, 'listMySupportServices', `/v1/me/cases/${created.id}/support-services`, { token: session });
  expect(response.status, response.text).toBe(200);
  return response.body.items.map((item) => item.key);
}

describe('the support services that fit a victim’s case', () => {
  // Starting the shared server (and migrating its database) can take longer than one test may.
  beforeAll(() => harness());

  it('by offence: a service for some offences fits only cases of those', async () => {
    const force = await forceWithServices({ everyone: {}, burglary: { offenceCodes: ['028/*'] }, 'vehicle-theft': { offenceCodes: ['045/00', '048/*'] }, 'empty-list': { offenceCodes: [] } });
    expect(await keysFor(force, {}, { offence: { code: '028/01', label: 'Burglary of a home' } })).toEqual(['burglary', 'empty-list', 'everyone']);
    expect(await keysFor(force, {}, { offence: { code: '045/00', label: 'Theft of a vehicle' } })).toEqual(['empty-list', 'everyone', 'vehicle-theft']);
    expect(await keysFor(force, {}, { offence: { code: '045/01', label: 'Theft from a vehicle' } })).toEqual(['empty-list', 'everyone']);
  });

  it('by risk flag: a service that lists flags fits only cases with one of them', async () => {
    const force = await forceWithServices({ everyone: {}, 'domestic-abuse': { riskFlags: ['domestic_abuse', 'stalking_or_harassment'] } });
    expect(await keysFor(force, {})).toEqual(['everyone']);
    expect(await keysFor(force, {}, { riskFlags: ['stalking_or_harassment'] })).toEqual(['domestic-abuse', 'everyone']);
    expect(await keysFor(force, {}, { riskFlags: ['modern_slavery'] })).toEqual(['everyone']);
  });

  it('by where the victim lives: postcode area or district, spaces and case ignored; no postcode, no area-limited service', async () => {
    const force = await forceWithServices({ everyone: {}, 'kent-area': { postcodeAreas: ['ME', 'CT'] }, 'maidstone-district': { postcodeAreas: ['ME14'] }, 'me1-district': { postcodeAreas: ['ME1'] } });
    expect(await keysFor(force, { postcode: 'me14 5AB' })).toEqual(['everyone', 'kent-area', 'maidstone-district']);
    expect(await keysFor(force, { postcode: 'ME1 1AA' })).toEqual(['everyone', 'kent-area', 'me1-district']);
    expect(await keysFor(force, { postcode: 'CT11AA' })).toEqual(['everyone', 'kent-area']);
    // "M" (Manchester) is not "ME": areas match whole.
    expect(await keysFor(force, { postcode: 'M1 1AE' })).toEqual(['everyone']);
    expect(await keysFor(force, {})).toEqual(['everyone']);
  });

  it('by age on the UK date today; no date of birth, no age-limited service', async () => {
    const force = await forceWithServices({ everyone: {}, young: { maxAge: 17 }, adults: { minAge: 18 }, older: { minAge: 65 } });
    expect(await keysFor(force, { dateOfBirth: '1980-01-01' })).toEqual(['adults', 'everyone']);
    expect(await keysFor(force, { dateOfBirth: '1940-01-01' })).toEqual(['adults', 'everyone', 'older']);
    const fifteenYearsAgo = new Date();
    fifteenYearsAgo.setUTCFullYear(fifteenYearsAgo.getUTCFullYear() - 15);
    expect(await keysFor(force, { dateOfBirth: fifteenYearsAgo.toISOString().slice(0, 10) })).toEqual(['everyone', 'young']);
    expect(await keysFor(force, {})).toEqual(['everyone']);
  });

  it('every limit at once', async () => {
    const force = await forceWithServices({ narrow: { offenceCodes: ['028/*'], riskFlags: ['domestic_abuse'], postcodeAreas: ['ME'], minAge: 18, maxAge: 25 } });
    const born = `${new Date().getUTCFullYear() - 21}-01-01`;
    const fits = { code: '028/01', label: 'Burglary of a home' };
    expect(await keysFor(force, { postcode: 'ME14 5AB', dateOfBirth: born }, { offence: fits, riskFlags: ['domestic_abuse'] })).toEqual(['narrow']);
    expect(await keysFor(force, { postcode: 'ME14 5AB', dateOfBirth: born }, { offence: fits })).toEqual([]);
    expect(await keysFor(force, { postcode: 'CT1 1AA', dateOfBirth: born }, { offence: fits, riskFlags: ['domestic_abuse'] })).toEqual([]);
  });

  it('in the victim’s language, English where the force has no Welsh; withdrawn services left out; the read audited', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const put = (key: string, service: SupportServiceUpsert) => call(h.url, 'putSupportService', `/v1/support-services/${key}`, { method: 'PUT', token: force.apiKey, json: service });
    await put('bilingual', { name: 'Bilingual', description: { en: 'Help', cy: 'Cymorth' }, contact: { phone: '0800 000 000' }, openingNotes: { en: 'Every day', cy: 'Bob dydd' } });
    await put('english-only', { name: 'English only', description: { en: 'Help' }, contact: { email: 'help@example.org' }, openingNotes: { en: 'Weekdays' }, acceptsReferrals: false });
    await put('gone', { name: 'Gone', description: { en: 'Help' }, contact: { phone: '0800 000 000' } });
    await call(h.url, 'deleteSupportService', '/v1/support-services/gone', { method: 'DELETE', token: force.apiKey });
    const created = await createCase(h, force, caseBody({ language: 'cy' }));
    const session = await createTestVictimSession(h.db, force.forceId, created.id);
    const path = `/v1/me/cases/${created.id}/support-services`;

    const welsh = await call<VictimSupportServiceList>(h.url, 'listMySupportServices', path, { token: session });
    expect(welsh.body.items).toEqual([
      { key: 'bilingual', name: 'Bilingual', description: 'Cymorth', contact: { phone: '0800 000 000' }, openingHours: [], openingNotes: 'Bob dydd', acceptsReferrals: true, referral: null },
      { key: 'english-only', name: 'English only', description: 'Help', contact: { email: 'help@example.org' }, openingHours: [], openingNotes: 'Weekdays', acceptsReferrals: false, referral: null },
    ]);
    const english = await call<VictimSupportServiceList>(h.url, 'listMySupportServices', `${path}?lang=en`, { token: session });
    expect(english.body.items.map((item) => [item.description, item.openingNotes])).toEqual([['Help', 'Every day'], ['Help', 'Weekdays']]);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: created.id, action: 'case.support_services_listed' }).pluck('actor_type');
    expect(audit).toEqual(['victim', 'victim']);
  });

  it('are not shown for a case that is not the victim’s, or that the force’s rules hide from them (404)', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const mine = await createCase(h, force, caseBody());
    const theirs = await createCase(h, force, caseBody());
    const session = await createTestVictimSession(h.db, force.forceId, mine.id);
    expect((await call(h.url, 'listMySupportServices', `/v1/me/cases/${theirs.id}/support-services`, { token: session })).status).toBe(404);
    expect((await call(h.url, 'updateCase', `/v1/cases/${mine.id}`, { method: 'PATCH', token: force.apiKey, json: { riskFlags: ['sexual_offence'] } })).status).toBe(200);
    expect((await call(h.url, 'listMySupportServices', `/v1/me/cases/${mine.id}/support-services`, { token: session })).status).toBe(404);
    expect(await h.db('audit_log').where({ force_id: force.forceId, subject_id: mine.id, actor_type: 'victim' }).pluck('action')).toEqual(['case.read_refused']);
  });
});
