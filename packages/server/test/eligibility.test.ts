import { describe, expect, it } from 'vitest';
import type { EligibilityRules, ForceCase } from '@victim-portal/contract';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, inviteTokenFor } from './support/journey.js';

async function count(table: string, forceId: string): Promise<number> {
  const h = await harness();
  const [row] = await h.db(table).where({ force_id: forceId }).count<{ count: string | number }[]>('* as count');
  return Number(row?.count);
}

describe('which cases get an invite', () => {
  it('starts from documented defaults: every offence, no risk flags, victims 18 or over', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const rules = await call<EligibilityRules>(h.url, 'getEligibilityRules', '/v1/force/eligibility-rules', { token: force.apiKey });
    expect(rules.body).toEqual({
      includeOffences: ['*'],
      excludeOffences: [],
      excludeRiskFlags: ['domestic_abuse', 'sexual_offence', 'stalking_or_harassment', 'modern_slavery', 'unsafe_to_contact'],
      minimumVictimAge: 18,
    });
  });

  it('stores the case but invites nobody when a risk flag rules it out, and says which', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const created = await createCase(h, force, caseBody({}, { riskFlags: ['domestic_abuse'] }));
    expect(created.riskFlags).toEqual(['domestic_abuse']);
    expect(created.invite).toEqual({ sent: false, status: 'not_sent', notSentReason: 'risk_flag', riskFlags: ['domestic_abuse'] });
    expect(await count('invites', force.forceId)).toBe(0);
    expect(await count('outbox', force.forceId)).toBe(0);
  });

  it('invites nobody under the minimum age', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const sixteen = new Date(Date.now() - 16 * 365.25 * 86_400_000).toISOString().slice(0, 10);
    const created = await createCase(h, force, caseBody({ dateOfBirth: sixteen }));
    expect(created.invite).toMatchObject({ sent: false, notSentReason: 'victim_under_minimum_age' });
    expect(created.victim.dateOfBirth).toBe(sixteen);
  });

  it('follows the force’s own rules once set: offence classes in and out', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const rules: EligibilityRules = { includeOffences: ['028/*', '045/00'], excludeOffences: ['028/02'], excludeRiskFlags: ['unsafe_to_contact'], minimumVictimAge: 16 };
    const put = await call<EligibilityRules>(h.url, 'putEligibilityRules', '/v1/force/eligibility-rules', { method: 'PUT', token: force.apiKey, json: rules });
    expect(put.body).toEqual(rules);
    expect((await call(h.url, 'getEligibilityRules', '/v1/force/eligibility-rules', { token: force.apiKey })).body).toEqual(rules);
    const outcome = async (code: string, extra = {}) => (await createCase(h, force, caseBody({}, { offence: { code, label: 'Crime' }, ...extra }))).invite;
    expect(await outcome('028/01')).toMatchObject({ sent: true });
    expect(await outcome('045/00')).toMatchObject({ sent: true });
    expect(await outcome('028/02')).toMatchObject({ sent: false, notSentReason: 'offence_not_eligible' });
    expect(await outcome('058/01')).toMatchObject({ sent: false, notSentReason: 'offence_not_eligible' });
    // domestic_abuse is no longer excluded by this force's rules.
    expect(await outcome('028/01', { riskFlags: ['domestic_abuse'] })).toMatchObject({ sent: true });
  });

  it('refuses rules that do not match the contract', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const response = await call(h.url, 'putEligibilityRules', '/v1/force/eligibility-rules', {
      method: 'PUT',
      token: force.apiKey,
      json: { includeOffences: ['burglary'], excludeOffences: [], excludeRiskFlags: [], minimumVictimAge: 99 },
    });
    expect(response.status).toBe(400);
  });
});

describe('a records system changes a case', () => {
  it('withdraws the unused invite when a risk flag is added, and invites again when it is removed', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const created = await createCase(h, force, caseBody());
    const patch = (json: unknown) => call<ForceCase>(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json });

    const flagged = await patch({ riskFlags: ['stalking_or_harassment'] });
    expect(flagged.status).toBe(200);
    expect(flagged.body.invite).toMatchObject({ sent: true, status: 'revoked' });
    expect(flagged.body.riskFlags).toEqual(['stalking_or_harassment']);

    const cleared = await patch({ riskFlags: [] });
    expect(cleared.body.invite).toMatchObject({ sent: true, status: 'pending' });
    expect(await count('invites', force.forceId)).toBe(2);
  });

  it('after a flag is added and removed, invites again only if the invite was withdrawn for the flag', async () => {
    const h = await harness();
    const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
    const patchOf = (caseId: string) => async (json: unknown) =>
      (await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${caseId}`, { method: 'PATCH', token: force.apiKey, json })).body.invite;

    // Locked (five wrong answers): the flag leaves it locked, and so does clearing the flag.
    const lockedBody = caseBody({ dateOfBirth: '1984-03-09' });
    const locked = await createCase(h, force, lockedBody);
    const token = await inviteTokenFor(h, lockedBody.victim.email as string);
    for (let i = 0; i < 5; i++) await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer: '2001-01-01' } });
    const patchLocked = patchOf(locked.id);
    expect(await patchLocked({ riskFlags: ['domestic_abuse'] })).toMatchObject({ sent: true, status: 'locked' });
    expect(await patchLocked({ riskFlags: [] })).toMatchObject({ sent: true, status: 'locked' });

    // Expired: the same.
    const expired = await createCase(h, force, caseBody());
    await h.db('invites').where({ force_id: force.forceId, case_id: expired.id }).update({ expires_at: h.db.raw("now() - interval '1 minute'") });
    const patchExpired = patchOf(expired.id);
    expect(await patchExpired({ riskFlags: ['modern_slavery'] })).toMatchObject({ sent: true, status: 'expired' });
    expect(await patchExpired({ riskFlags: [] })).toMatchObject({ sent: true, status: 'expired' });

    // Pending: withdrawn for the flag, so a new one goes out when the flag is cleared.
    const pending = await createCase(h, force, caseBody());
    const patchPending = patchOf(pending.id);
    expect(await patchPending({ riskFlags: ['sexual_offence'] })).toMatchObject({ sent: true, status: 'revoked' });
    expect(await patchPending({ riskFlags: ['sexual_offence', 'unsafe_to_contact'] })).toMatchObject({ sent: true, status: 'revoked' });
    expect(await patchPending({ riskFlags: [] })).toMatchObject({ sent: true, status: 'pending' });

    const perCase = await h.db('invites').where({ force_id: force.forceId }).groupBy('case_id').select('case_id').count<{ case_id: string; count: string | number }[]>('* as count');
    expect(Object.fromEntries(perCase.map((row) => [row.case_id, Number(row.count)]))).toEqual({ [locked.id]: 1, [expired.id]: 1, [pending.id]: 2 });
  });

  it('changes contact details and the officer in charge, and answers 404 for another force’s case', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const created = await createCase(h, force, caseBody({ email: undefined }));
    expect(created.invite.status).toBe('not_sent');
    const changed = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${created.id}`, {
      method: 'PATCH',
      token: force.apiKey,
      json: { victim: { mobile: '+447700900321', postcode: 'km1 4ab' }, officerInCharge: null },
    });
    expect(changed.body.victim).toMatchObject({ mobile: '+447700900321', postcode: 'km1 4ab' });
    expect(changed.body.invite).toMatchObject({ sent: true, status: 'pending', channel: 'sms' });
    const unknownOfficer = await call(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json: { officerInCharge: { collarNumber: 'NOBODY' } } });
    expect(unknownOfficer.status).toBe(422);
    const other = await createTestForce(h.db);
    const elsewhere = await call(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: other.apiKey, json: { riskFlags: [] } });
    expect(elsewhere.status).toBe(404);
    const empty = await call(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json: {} });
    expect(empty.status).toBe(400);
  });
});
