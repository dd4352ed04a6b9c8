import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventCreate, DutyList } from '@victim-portal/contract';
import { createTestForce, createTestOfficer, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { caseBody, createCase } from './support/journey.js';

async function postEvent(h: Harness, force: TestForce, caseId: string, event: CaseEventCreate): Promise<CaseEvent> {
  const posted = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${caseId}/events`, { token: force.apiKey, json: event });
  expect(posted.status, posted.text).toBe(201);
  return posted.body;
}

function duties(h: Harness, force: TestForce, query = '') {
  return call<DutyList>(h.url, 'listDuties', `/v1/duties${query}`, { token: force.apiKey });
}

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

// Starting the shared server (and migrating its database) is not part of any test's time.
beforeAll(() => harness().then(() => undefined), 120_000);

describe("the force's open Victims' Code duties", () => {
  it('lists untold key decisions and referrals not yet made, soonest due first, with the officer in charge and their absence', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const lee = await createTestOfficer(h.db, force.forceId, { displayName: 'PC Jo Lee' });
    const patel = await createTestOfficer(h.db, force.forceId, { displayName: 'DC Sam Patel' });
    const cover = await createTestOfficer(h.db, force.forceId, { displayName: 'DS Ana Cole' });
    const first = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: lee.collarNumber } }));
    const second = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: patel.collarNumber }, enhancedRights: true }));
    const away = await call(h.url, 'putOfficerAbsence', `/v1/officers/${patel.collarNumber}/absence`, {
      method: 'PUT', token: force.apiKey, json: { from: ago(24), until: new Date(Date.now() + 7 * 86_400_000).toISOString(), coveredBy: cover.collarNumber },
    });
    expect(away.status, away.text).toBe(200);

    // Three weeks ago: long overdue. Told ones, hidden ones and non-decisions are no duty.
    const overdue = await postEvent(h, force, first.id, { type: 'suspect_arrested', occurredAt: ago(21 * 24) });
    await postEvent(h, force, first.id, { type: 'suspect_interviewed', occurredAt: ago(20 * 24), told: { toldAt: ago(20 * 24 - 1), method: 'in_person' } });
    await postEvent(h, force, first.id, { type: 'crime_allocated', occurredAt: ago(2) });
    await postEvent(h, force, first.id, { type: 'released_on_bail', occurredAt: ago(2), victimVisible: false });
    // Just now: due in 5 working days (standard) and 1 (enhanced).
    const standardSoon = await postEvent(h, force, first.id, { type: 'released_on_bail', occurredAt: ago(0.01) });
    const enhancedSoon = await postEvent(h, force, second.id, { type: 'charged', occurredAt: ago(0.01) });
    const [service] = await h.db('support_services')
      .insert({ force_id: force.forceId, key: `svc-${randomUUID().slice(0, 8)}`, name: 'Victim Support', description: JSON.stringify({ en: 'Help', cy: 'Help' }), contact: JSON.stringify({ phone: '0808 168 9111' }) })
      .returning<{ id: string }[]>('id');
    const referralDue = ago(28 * 24);
    const [referral] = await h.db('support_referrals')
      .insert({ force_id: force.forceId, case_id: second.id, service_id: service!.id, requested_at: ago(30 * 24), due_by: referralDue })
      .returning<{ id: string }[]>('id');
    // A referral already made is no duty.
    const [otherService] = await h.db('support_services')
      .insert({ force_id: force.forceId, key: `svc-${randomUUID().slice(0, 8)}`, name: 'Local service', description: JSON.stringify({ en: 'Help', cy: 'Help' }), contact: JSON.stringify({ phone: '0808 000 0000' }) })
      .returning<{ id: string }[]>('id');
    await h.db('support_referrals').insert({ force_id: force.forceId, case_id: second.id, service_id: otherService!.id, requested_at: ago(48), due_by: ago(1), referred_at: ago(40) });

    const all = await duties(h, force);
    expect(all.status, all.text).toBe(200);
    expect(all.body.items.map((duty) => duty.eventId ?? duty.referralId)).toEqual([referral!.id, overdue.id, enhancedSoon.id, standardSoon.id]);
    const [referralDuty, overdueDuty, enhancedDuty, standardDuty] = all.body.items;
    expect(referralDuty).toEqual({
      kind: 'support_referral', caseId: second.id, crimeReference: second.crimeReference, referralId: referral!.id, dueBy: referralDue, overdue: true,
      officerInCharge: expect.objectContaining({ collarNumber: patel.collarNumber, absence: expect.objectContaining({ coveredBy: expect.objectContaining({ collarNumber: cover.collarNumber }) }) }),
    });
    expect(overdueDuty).toEqual({
      kind: 'tell_victim', caseId: first.id, crimeReference: first.crimeReference, eventId: overdue.id, eventType: 'suspect_arrested', dueBy: overdue.dueBy, overdue: true,
      officerInCharge: { collarNumber: lee.collarNumber, displayName: 'PC Jo Lee', rank: expect.any(String) },
    });
    expect(enhancedDuty).toMatchObject({ eventType: 'charged', dueBy: enhancedSoon.dueBy, overdue: false });
    expect(standardDuty).toMatchObject({ eventType: 'released_on_bail', dueBy: standardSoon.dueBy, overdue: false });
    expect(Date.parse(all.body.asOf)).toBeGreaterThan(Date.parse(overdue.dueBy!));

    const late = await duties(h, force, '?state=overdue');
    expect(late.body.items.map((duty) => duty.eventId ?? duty.referralId)).toEqual([referral!.id, overdue.id]);
    const patelOnly = await duties(h, force, `?collarNumber=${patel.collarNumber}`);
    expect(patelOnly.body.items.map((duty) => duty.eventId ?? duty.referralId)).toEqual([referral!.id, enhancedSoon.id]);
    const beforeTheStandard = await duties(h, force, `?dueBefore=${encodeURIComponent(standardSoon.dueBy!)}`);
    expect(beforeTheStandard.body.items).toHaveLength(3);
    expect((await duties(h, force, '?limit=2')).body.items.map((duty) => duty.eventId ?? duty.referralId)).toEqual([referral!.id, overdue.id]);

    // Once told, the duty ends, late or not.
    const toldNow = await call(h.url, 'recordVictimTold', `/v1/cases/${first.id}/events/${overdue.id}/told`, { token: force.apiKey, json: { toldAt: ago(0.001), method: 'phone' } });
    expect(toldNow.status, toldNow.text).toBe(200);
    expect((await duties(h, force, '?state=overdue')).body.items.map((duty) => duty.referralId)).toEqual([referral!.id]);

    const audited = await h.db('audit_log').where({ force_id: force.forceId, action: 'force.duties_listed' }).count<{ count: string }[]>('* as count');
    expect(Number(audited[0]!.count)).toBe(6);
  });

  it("shows a force none of another force's duties, and refuses bad filters", async () => {
    const h = await harness();
    const mine = await createTestForce(h.db);
    const theirs = await createTestForce(h.db);
    const officer = await createTestOfficer(h.db, theirs.forceId);
    const theirCase = await createCase(h, theirs, caseBody({}, { officerInCharge: { collarNumber: officer.collarNumber } }));
    await postEvent(h, theirs, theirCase.id, { type: 'charged', occurredAt: ago(1) });
    expect((await duties(h, theirs)).body.items).toHaveLength(1);
    expect((await duties(h, mine)).body.items).toEqual([]);
    expect((await duties(h, mine, `?collarNumber=${officer.collarNumber}`)).body.items).toEqual([]);
    for (const query of ['?state=late', '?limit=0', '?limit=501', '?dueBefore=tomorrow']) expect((await duties(h, mine, query)).status, query).toBe(400);
    expect((await call(h.url, 'listDuties', '/v1/duties')).status).toBe(401);
  });
});
