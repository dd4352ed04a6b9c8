import { describe, expect, it } from 'vitest';
import type { Officer, OfficerToken, VictimCase } from '@victim-portal/contract';
import { createTestForce, createTestOfficer, createTestVictimSession } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase } from './support/journey.js';

const hour = 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

async function putAbsence(apiKey: string, collarNumber: string, json: unknown) {
  const h = await harness();
  return call<Officer>(h.url, 'putOfficerAbsence', `/v1/officers/${collarNumber}/absence`, { method: 'PUT', token: apiKey, json });
}

/** A force with an officer in charge of a case, a second officer, and the victim signed in. */
async function caseWithCover() {
  const h = await harness();
  const force = await createTestForce(h.db);
  const oic = await createTestOfficer(h.db, force.forceId, { displayName: 'DC Sam Patel' });
  const cover = await createTestOfficer(h.db, force.forceId, { displayName: 'DS Ada Khan', rank: 'detective_sergeant' });
  const created = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: oic.collarNumber } }));
  const sessionToken = await createTestVictimSession(h.db, force.forceId, created.id);
  const victimSees = async () => {
    const read = await call<VictimCase>(h.url, 'getMyCase', `/v1/me/cases/${created.id}`, { token: sessionToken });
    expect(read.status, read.text).toBe(200);
    return read.body.officerInCharge;
  };
  return { h, force, oic, cover, created, victimSees };
}

describe('officer absence and cover', () => {
  it('records an absence with cover, shows it on the officer and to the victim only while it is in force', async () => {
    const { h, force, oic, cover, victimSees } = await caseWithCover();
    const from = at(-hour);
    const until = at(48 * hour);
    const put = await putAbsence(force.apiKey, oic.collarNumber, { from, until, coveredBy: cover.collarNumber });
    expect(put.status, put.text).toBe(200);
    const absence = { from, until, coveredBy: { collarNumber: cover.collarNumber, displayName: 'DS Ada Khan', rank: 'detective_sergeant' } };
    expect(put.body).toEqual({ collarNumber: oic.collarNumber, displayName: 'DC Sam Patel', rank: 'detective_constable', team: null, absence });
    expect(await victimSees()).toEqual({ collarNumber: oic.collarNumber, displayName: 'DC Sam Patel', rank: 'detective_constable', absence });

    // The officer's own token and inbox say they are away, and who covers.
    const minted = await call<OfficerToken>(h.url, 'mintOfficerToken', '/v1/officer-tokens', { token: force.apiKey, json: { collarNumber: oic.collarNumber } });
    expect(minted.body.officer.absence).toEqual(absence);

    // PUT /v1/officers keeps the absence, and says so.
    const updated = await call<Officer>(h.url, 'putOfficer', `/v1/officers/${oic.collarNumber}`, { method: 'PUT', token: force.apiKey, json: { displayName: 'DC Sam Patel', rank: 'detective_constable' } });
    expect(updated.body.absence).toEqual(absence);

    // A future absence is the force's to know; the victim is not told ahead of time.
    const future = await putAbsence(force.apiKey, oic.collarNumber, { from: at(24 * hour), until: at(48 * hour), coveredBy: null });
    expect(future.body.absence).toMatchObject({ coveredBy: null });
    expect(await victimSees()).not.toHaveProperty('absence');

    // Away now without cover: the victim sees when the officer is back.
    const since = at(-hour);
    await putAbsence(force.apiKey, oic.collarNumber, { from: since, until });
    expect((await victimSees())?.absence).toEqual({ from: since, until, coveredBy: null });

    const cleared = await call(h.url, 'clearOfficerAbsence', `/v1/officers/${oic.collarNumber}/absence`, { method: 'DELETE', token: force.apiKey });
    expect(cleared.status).toBe(204);
    expect(await victimSees()).not.toHaveProperty('absence');
    const again = await call(h.url, 'clearOfficerAbsence', `/v1/officers/${oic.collarNumber}/absence`, { method: 'DELETE', token: force.apiKey });
    expect(again.status).toBe(204);

    const actions = await h.db('audit_log').where({ force_id: force.forceId, subject_id: oic.officerId }).whereLike('action', 'officer.absence%').orderBy('id').pluck('action');
    expect(actions).toEqual(['officer.absence_set', 'officer.absence_set', 'officer.absence_set', 'officer.absence_cleared', 'officer.absence_cleared']);
  });

  it('refuses an absence that ends before it starts, cover by the officer themself or by an unknown officer', async () => {
    const { h, force, oic } = await caseWithCover();
    const backwards = await putAbsence(force.apiKey, oic.collarNumber, { from: at(hour), until: at(-hour) });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ errors: [{ pointer: '/until' }] });
    // One instant for both ends: two calls to the clock can fall a millisecond apart.
    const inAnHour = at(hour);
    expect((await putAbsence(force.apiKey, oic.collarNumber, { from: inAnHour, until: inAnHour })).status).toBe(400);

    const self = await putAbsence(force.apiKey, oic.collarNumber, { from: at(-hour), until: at(hour), coveredBy: oic.collarNumber });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ errors: [{ pointer: '/coveredBy' }] });

    const other = await createTestForce(h.db);
    const theirs = await createTestOfficer(h.db, other.forceId);
    for (const coveredBy of ['NOPE2', theirs.collarNumber]) {
      const unknown = await putAbsence(force.apiKey, oic.collarNumber, { from: at(-hour), until: at(hour), coveredBy });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ type: 'urn:victim-portal:problem:unknown-officer' });
    }
    expect((await putAbsence(force.apiKey, 'NOPE3', { from: at(-hour), until: at(hour) })).status).toBe(404);
    expect((await call(h.url, 'clearOfficerAbsence', '/v1/officers/NOPE3/absence', { method: 'DELETE', token: force.apiKey })).status).toBe(404);
    // Nothing of it was stored.
    const stored = await h.db('officers').where({ id: oic.officerId }).first();
    expect(stored).toMatchObject({ absent_from: null, absent_until: null, covered_by_officer_id: null });
  });

  it('keeps each force to its own officers', async () => {
    const { h, oic } = await caseWithCover();
    const other = await createTestForce(h.db);
    const refused = await putAbsence(other.apiKey, oic.collarNumber, { from: at(-hour), until: at(hour) });
    expect(refused.status).toBe(404);
  });
});
