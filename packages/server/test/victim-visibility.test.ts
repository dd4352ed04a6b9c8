import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseCreate, EligibilityRules, ForceCase, VictimCase, VictimCaseList, VictimSession } from '@victim-portal/contract';
import { createTestForce, inviteTokenFrom, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, uniqueEmail } from './support/journey.js';

const dateOfBirth = '1984-03-09';
const defaults: EligibilityRules = {
  includeOffences: ['*'],
  excludeOffences: [],
  excludeRiskFlags: ['domestic_abuse', 'sexual_offence', 'stalking_or_harassment', 'modern_slavery', 'unsafe_to_contact'],
  minimumVictimAge: 18,
};

/** A force whose victims answer with their date of birth, and one victim with two cases. */
async function victimWithTwoCases(second: Partial<CaseCreate> = {}) {
  const h = await harness();
  const force = await createTestForce(h.db, { secondFactor: 'date_of_birth' });
  const victim = { email: uniqueEmail(), dateOfBirth, externalRef: `P-${randomUUID()}` };
  const first = await createCase(h, force, caseBody(victim, { offence: { code: '028/01', label: 'Burglary of a home' } }));
  const other = await createCase(h, force, caseBody(victim, { offence: { code: '045/00', label: 'Theft of a vehicle' }, ...second }));
  return { h, force, email: victim.email, first, other };
}

/** Sign in with the newest link (invite or sign-in link) the dev mailbox holds for the address. */
async function signInByLink(email: string): Promise<string> {
  const h = await harness();
  await h.server.deliverNotifications();
  const link = h.server.mailbox?.messages().find((message) => message.to === email && message.link?.includes('#invite='))?.link;
  expect(link, `a link for ${email}`).toBeTruthy();
  const redeemed = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: inviteTokenFrom(link as string), answer: dateOfBirth } });
  expect(redeemed.status, redeemed.text).toBe(201);
  return redeemed.body.sessionToken;
}

async function visibleIds(sessionToken: string): Promise<string[]> {
  const h = await harness();
  const list = await call<VictimCaseList>(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken });
  expect(list.status).toBe(200);
  return list.body.items.map((item) => item.id).sort();
}

async function readStatus(sessionToken: string, caseId: string): Promise<number> {
  const h = await harness();
  return (await call<VictimCase>(h.url, 'getMyCase', `/v1/me/cases/${caseId}`, { token: sessionToken })).status;
}

async function patchCase(force: TestForce, caseId: string, json: unknown) {
  const h = await harness();
  const response = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${caseId}`, { method: 'PATCH', token: force.apiKey, json });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function putRules(force: TestForce, rules: EligibilityRules) {
  const h = await harness();
  const response = await call<EligibilityRules>(h.url, 'putEligibilityRules', '/v1/force/eligibility-rules', { method: 'PUT', token: force.apiKey, json: rules });
  expect(response.status, response.text).toBe(200);
}

async function forceView(force: TestForce, caseId: string): Promise<ForceCase> {
  const h = await harness();
  return (await call<ForceCase>(h.url, 'getCase', `/v1/cases/${caseId}`, { token: force.apiKey })).body;
}

describe('a case the force’s rules rule out is hidden from its victim', () => {
  it('from the moment a risk flag is added, in the list and on read, and shown again when it is removed', async () => {
    const { h, force, email, first, other } = await victimWithTwoCases();
    const session = await signInByLink(email);
    expect(await visibleIds(session)).toEqual([first.id, other.id].sort());

    await patchCase(force, other.id, { riskFlags: ['domestic_abuse'] });
    expect(await visibleIds(session)).toEqual([first.id]);
    expect(await readStatus(session, other.id)).toBe(404);
    expect(await readStatus(session, first.id)).toBe(200);
    // The refused read is in the audit log, against the case; no read of it is.
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_type: 'case', subject_id: other.id }).orderBy('id').pluck('action');
    expect(audit).toContain('case.read_refused');
    expect(audit.filter((action: string) => action === 'case.read')).toHaveLength(0);

    await patchCase(force, other.id, { riskFlags: [] });
    expect(await visibleIds(session)).toEqual([first.id, other.id].sort());
    expect(await readStatus(session, other.id)).toBe(200);
  });

  it('whichever link the victim signs in by: a sign-in link for another case does not reveal a flagged one', async () => {
    const { h, force, email, first, other } = await victimWithTwoCases({ riskFlags: ['stalking_or_harassment'] });
    expect(other.invite).toMatchObject({ sent: false, notSentReason: 'risk_flag' });
    const byInvite = await signInByLink(email);
    expect(await visibleIds(byInvite)).toEqual([first.id]);
    expect(await readStatus(byInvite, other.id)).toBe(404);

    const asked = await call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: email } });
    expect(asked.status).toBe(202);
    const byLink = await signInByLink(email);
    expect(byLink).not.toBe(byInvite);
    expect(await visibleIds(byLink)).toEqual([first.id]);
    expect(await readStatus(byLink, other.id)).toBe(404);
  });

  it('when the force changes its rules: hidden when they rule the offence out, shown when they let it in', async () => {
    const { force, email, first, other } = await victimWithTwoCases();
    const session = await signInByLink(email);
    // The victim signed in with one case's invite; rule out the other, whose invite is unused.
    const unused = (await forceView(force, first.id)).invite.status === 'pending' ? first : other;
    const kept = unused === first ? other : first;
    expect((await forceView(force, unused.id)).invite.status).toBe('pending');

    await putRules(force, { ...defaults, excludeOffences: [unused.offence.code] });
    expect(await visibleIds(session)).toEqual([kept.id]);
    expect(await readStatus(session, unused.id)).toBe(404);
    expect(await readStatus(session, kept.id)).toBe(200);
    // Its unused invite was withdrawn, and the force is told so.
    expect((await forceView(force, unused.id)).invite).toMatchObject({ sent: true, status: 'revoked' });

    await putRules(force, defaults);
    expect(await visibleIds(session)).toEqual([first.id, other.id].sort());
    // Withdrawn because of the rules, so it is sent again now that they let the case in.
    expect((await forceView(force, unused.id)).invite).toMatchObject({ sent: true, status: 'pending' });
    expect((await forceView(force, kept.id)).invite).toMatchObject({ sent: true, status: 'redeemed' });
  });

  it('by the victim’s age under the rules, but not for want of a contact channel', async () => {
    const { force, email, first, other } = await victimWithTwoCases();
    const session = await signInByLink(email);
    await putRules(force, { ...defaults, minimumVictimAge: 25 });
    expect(await visibleIds(session)).toEqual([first.id, other.id].sort());
    await putRules(force, { ...defaults, includeOffences: ['045/*'] });
    expect(await visibleIds(session)).toEqual([other.id]);
    await putRules(force, defaults);

    // No contact is not a safety reason: the signed-in victim still sees the case.
    const changed = await patchCase(force, other.id, { victim: { email: null } });
    expect(changed.victim.email).toBeNull();
    expect(await visibleIds(session)).toEqual([first.id, other.id].sort());
    expect(await readStatus(session, other.id)).toBe(200);
  });
});
