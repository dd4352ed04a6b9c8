import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventCreate, ComplianceReport, SupportReferral } from '@victim-portal/contract';
import { createTestForce, createTestOfficer, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { caseBody, createCase } from './support/journey.js';

async function newCase(h: Harness, force: TestForce, enhancedRights: boolean): Promise<string> {
  const officer = await createTestOfficer(h.db, force.forceId);
  const created = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: officer.collarNumber }, enhancedRights }));
  expect(created.enhancedRights).toBe(enhancedRights);
  return created.id;
}

async function postEvent(h: Harness, force: TestForce, caseId: string, event: CaseEventCreate): Promise<CaseEvent> {
  const posted = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${caseId}/events`, { token: force.apiKey, json: event });
  expect(posted.status, posted.text).toBe(201);
  return posted.body;
}

/** A referral the victim asked for at a chosen time in the past (the API stamps the request with now). */
async function pastReferral(h: Harness, force: TestForce, caseId: string, requestedAt: string, dueBy: string): Promise<string> {
  const [service] = await h.db('support_services')
    .insert({ force_id: force.forceId, key: `svc-${randomUUID().slice(0, 8)}`, name: 'Victim Support', description: JSON.stringify({ en: 'Help', cy: 'Help' }), contact: JSON.stringify({ phone: '0808 168 9111' }) })
    .returning<{ id: string }[]>('id');
  const [referral] = await h.db('support_referrals')
    .insert({ force_id: force.forceId, case_id: caseId, service_id: service!.id, requested_at: requestedAt, due_by: dueBy })
    .returning<{ id: string }[]>('id');
  return referral!.id;
}

async function referralMade(h: Harness, force: TestForce, caseId: string, referralId: string, referredAt: string): Promise<void> {
  const made = await call<SupportReferral>(h.url, 'recordReferralMade', `/v1/cases/${caseId}/support-referrals/${referralId}/made`, { token: force.apiKey, json: { referredAt } });
  expect(made.status, made.text).toBe(200);
}

function report(h: Harness, force: TestForce, from: string, to: string) {
  return call<ComplianceReport>(h.url, 'getVictimsCodeCompliance', `/v1/reports/victims-code-compliance?from=${from}&to=${to}`, { token: force.apiKey });
}

const told = (toldAt: string) => ({ toldAt, method: 'phone' as const });

// Starting the shared server (and migrating its database) is not part of any test's time.
beforeAll(() => harness().then(() => undefined), 120_000);

describe("the force's Victims' Code compliance for a period", () => {
  // June 2026 has no bank holiday; Monday 25 May 2026 is one. UK time is BST (UTC+1) throughout.
  it('counts the deadlines falling in the period, by UK day, as worked out by hand', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const standard = await newCase(h, force, false);
    const enhanced = await newCase(h, force, true);

    // Standard case: 5 working days.
    // Fri 22 May 00:30 BST → five working days skip the weekend and the bank holiday → Mon 1 June
    // 00:30 BST, which is 31 May in UTC but 1 June in the UK: in the period. Told 29 May: met.
    const first = await postEvent(h, force, standard, { type: 'suspect_arrested', occurredAt: '2026-05-21T23:30:00Z', told: told('2026-05-29T10:00:00Z') });
    expect(first.dueBy).toBe('2026-05-31T23:30:00.000Z');
    // Mon 1 June 11:00 BST → due Mon 8 June; told Wed 3 June: met.
    await postEvent(h, force, standard, { type: 'suspect_interviewed', occurredAt: '2026-06-01T10:00:00Z', told: told('2026-06-03T09:00:00Z') });
    // Wed 10 June → due Wed 17 June 15:00 BST; told Thu 18 June: late.
    const late = await postEvent(h, force, standard, { type: 'released_on_bail', occurredAt: '2026-06-10T14:00:00Z', told: told('2026-06-18T09:00:00Z') });
    expect(late.duty).toBe('late');
    // Fri 19 June → due Fri 26 June; never told: overdue.
    await postEvent(h, force, standard, { type: 'suspect_arrested', occurredAt: '2026-06-19T08:00:00Z' });
    // Wed 24 June 00:30 BST → due Wed 1 July 00:30 BST: 30 June in UTC, but July in the UK: outside.
    const july = await postEvent(h, force, standard, { type: 'released_under_investigation', occurredAt: '2026-06-23T23:30:00Z' });
    expect(july.dueBy).toBe('2026-06-30T23:30:00.000Z');
    // Mon 29 June → due Mon 6 July: outside.
    await postEvent(h, force, standard, { type: 'suspect_interviewed', occurredAt: '2026-06-29T10:00:00Z' });
    // No duty: not a key decision, or hidden from the victim.
    await postEvent(h, force, standard, { type: 'crime_allocated', occurredAt: '2026-06-02T10:00:00Z' });
    await postEvent(h, force, standard, { type: 'suspect_arrested', occurredAt: '2026-06-02T11:00:00Z', victimVisible: false });

    // Enhanced rights: 1 working day.
    // Fri 5 June 16:00 BST → due Mon 8 June 16:00 BST; told exactly then: met (at the deadline is in time).
    const onTheDot = await postEvent(h, force, enhanced, { type: 'suspect_arrested', occurredAt: '2026-06-05T15:00:00Z', told: told('2026-06-08T15:00:00Z') });
    expect(onTheDot).toMatchObject({ dueBy: '2026-06-08T15:00:00.000Z', duty: 'met' });
    // Fri 12 June → due Mon 15 June; never told: overdue.
    await postEvent(h, force, enhanced, { type: 'suspect_interviewed', occurredAt: '2026-06-12T09:00:00Z' });
    // Mon 22 June → due Tue 23 June; told the same evening: met.
    await postEvent(h, force, enhanced, { type: 'charged', occurredAt: '2026-06-22T12:00:00Z', told: told('2026-06-22T18:00:00Z') });

    // Referrals, due 2 working days after the request.
    const inTime = await pastReferral(h, force, standard, '2026-06-02T10:00:00Z', '2026-06-04T10:00:00Z');
    await referralMade(h, force, standard, inTime, '2026-06-03T12:00:00Z');
    const tooLate = await pastReferral(h, force, standard, '2026-06-09T10:00:00Z', '2026-06-11T10:00:00Z');
    await referralMade(h, force, standard, tooLate, '2026-06-12T10:00:00Z');
    await pastReferral(h, force, standard, '2026-06-22T10:00:00Z', '2026-06-24T10:00:00Z');
    await pastReferral(h, force, standard, '2026-06-30T10:00:00Z', '2026-07-02T10:00:00Z');

    // Another force's late duty in the same period counts for that force only.
    const other = await createTestForce(h.db);
    await postEvent(h, other, await newCase(h, other, false), { type: 'charged', occurredAt: '2026-06-03T10:00:00Z' });

    const june = await report(h, force, '2026-06-01', '2026-06-30');
    expect(june.status, june.text).toBe(200);
    expect(june.body).toMatchObject({
      from: '2026-06-01',
      to: '2026-06-30',
      standard: { due: 4, met: 2, late: 1, overdue: 1, rate: 0.5, notYetDue: 0 },
      enhanced: { due: 3, met: 2, late: 0, overdue: 1, notYetDue: 0 },
      tellVictim: { due: 7, met: 4, late: 1, overdue: 2, notYetDue: 0 },
      supportReferrals: { due: 3, met: 1, late: 1, overdue: 1, notYetDue: 0 },
    });
    expect(june.body.enhanced.rate).toBeCloseTo(2 / 3, 10);
    expect(june.body.tellVictim.rate).toBeCloseTo(4 / 7, 10);
    expect(june.body.supportReferrals.rate).toBeCloseTo(1 / 3, 10);

    // July holds the two standard deadlines and one referral left out of June.
    const july2026 = await report(h, force, '2026-07-01', '2026-07-31');
    expect(july2026.body.standard).toEqual({ due: 2, met: 0, late: 0, overdue: 2, rate: 0, notYetDue: 0 });
    expect(july2026.body.supportReferrals).toEqual({ due: 1, met: 0, late: 0, overdue: 1, rate: 0, notYetDue: 0 });
    expect(july2026.body.enhanced).toEqual({ due: 0, met: 0, late: 0, overdue: 0, rate: null, notYetDue: 0 });

    // One day: 1 June alone holds the first deadline (31 May in UTC).
    const firstOfJune = await report(h, force, '2026-06-01', '2026-06-01');
    expect(firstOfJune.body.tellVictim).toEqual({ due: 1, met: 1, late: 0, overdue: 0, rate: 1, notYetDue: 0 });
    expect((await report(h, force, '2026-05-31', '2026-05-31')).body.tellVictim.due).toBe(0);

    expect((await report(h, other, '2026-06-01', '2026-06-30')).body.tellVictim).toEqual({ due: 1, met: 0, late: 0, overdue: 1, rate: 0, notYetDue: 0 });
    const audited = await h.db('audit_log').where({ force_id: force.forceId, action: 'force.compliance_read' }).count<{ count: string }[]>('* as count');
    expect(Number(audited[0]!.count)).toBe(4);
  });

  it('counts a deadline still to come apart, done or not', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const caseId = await newCase(h, force, false);
    const now = Date.now();
    await postEvent(h, force, caseId, { type: 'suspect_arrested', occurredAt: new Date(now - 60_000).toISOString() });
    await postEvent(h, force, caseId, { type: 'charged', occurredAt: new Date(now - 30_000).toISOString(), told: told(new Date(now - 10_000).toISOString()) });
    // The two deadlines are 5 working days away: at most 12 calendar days (over Christmas and New Year).
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
    const coming = await report(h, force, day(-1), day(20));
    expect(coming.status, coming.text).toBe(200);
    expect(coming.body.tellVictim).toEqual({ due: 0, met: 0, late: 0, overdue: 0, rate: null, notYetDue: 2 });
    expect(coming.body.standard.notYetDue).toBe(2);
  });

  it('refuses a period that ends before it starts or is longer than 366 days (422 invalid period)', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const [from, to] of [['2026-06-02', '2026-06-01'], ['2025-01-01', '2026-01-03']] as const) {
      const refused = await report(h, force, from, to);
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:invalid-period' });
    }
    // 366 days after `from` is the longest: a leap year's worth.
    expect((await report(h, force, '2024-01-01', '2025-01-01')).status).toBe(200);
    const badDate = await call(h.url, 'getVictimsCodeCompliance', '/v1/reports/victims-code-compliance?from=2026-13-01&to=2026-12-01', { token: force.apiKey });
    expect(badDate.status).toBe(400);
    expect((await call(h.url, 'getVictimsCodeCompliance', '/v1/reports/victims-code-compliance?from=2026-01-01&to=2026-01-02')).status).toBe(401);
  });
});
