import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport, ForceSettings, UsageReport } from '@victim-portal/contract';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { UsageHistory, usageReportOf } from './support/usage-history.js';

// The period: Wednesday 20 May to Tuesday 9 June 2026, UK time (BST, UTC+1, throughout).
// Monday 25 May 2026 is a bank holiday. Its weeks start on Mondays 18 May (from Wednesday),
// 25 May, 1 June and 8 June (to Tuesday). Every time below is UTC; the comments give UK time.
const from = '2026-05-20';
const to = '2026-06-09';

let h: Harness;
let force: TestForce;

/**
 * The hand-built history (times UTC). Victims: V1 (case A, burglary), V2 (case B theft, then
 * case E vehicle crime, reported later: their newest), V3 (case C), V4 (case D), V5 (cases F and G).
 */
async function buildHistory(history: UsageHistory) {
  const [v1, v2, v3, v4, v5] = [await history.victim(), await history.victim(), await history.victim(), await history.victim(), await history.victim()];
  const caseA = await history.case(v1, '028/01', '2026-05-20T09:00:00Z');
  const caseB = await history.case(v2, '049/01', '2026-05-27T08:00:00Z');
  const caseC = await history.case(v3, '008/01', '2026-06-02T10:00:00Z', 'risk_flag'); // hidden from the victim
  const caseD = await history.case(v4, '195/12', '2026-06-08T22:30:00Z', 'no_contact_channel'); // 23:30 on 8 June: in
  const caseE = await history.case(v2, '045/01', '2026-06-09T23:30:00Z'); // 00:30 on 10 June: out
  await history.case(v5, '017/01', '2026-05-19T23:30:00Z', 'offence_not_eligible'); // 00:30 on 20 May: in
  const caseG = await history.case(v5, '028/01', '2026-05-19T22:30:00Z', null, '2026-05-19T08:00:00Z'); // 23:30 on 19 May: out

  // Invites: 4 in the period (2 by email, 2 by text), 2 of them redeemed.
  await history.invite(v1, caseA, 'email', '2026-05-20T10:00:00Z', '2026-05-20T18:00:00Z');
  await history.invite(v2, caseB, 'sms', '2026-05-27T09:00:00Z'); // never redeemed (reissued)
  await history.invite(v2, caseB, 'sms', '2026-05-29T09:00:00Z', '2026-06-01T08:00:00Z');
  await history.invite(v1, caseA, 'email', '2026-06-08T12:00:00Z');
  await history.invite(v5, caseG, 'email', '2026-05-19T22:30:00Z', '2026-05-20T08:00:00Z'); // sent before the period
  await history.invite(v2, caseE, 'email', '2026-06-09T23:30:00Z'); // sent after it
  await history.invite(v1, null, 'email', '2026-06-03T18:00:00Z'); // a sign-in link is no invite

  // Sign-ins: 8 in the period by 4 victims.
  history.signIn(v1, '2026-05-19T12:00:00Z'); // before the period
  history.signIn(v1, '2026-05-20T18:00:00Z');
  history.signIn(v1, '2026-05-26T12:00:00Z');
  history.signIn(v1, '2026-05-26T13:00:00Z');
  history.signIn(v2, '2026-06-01T08:00:00Z');
  history.signIn(v1, '2026-06-03T19:00:00Z');
  history.signIn(v2, '2026-06-09T22:59:00Z'); // 23:59 on 9 June: in
  history.signIn(v2, '2026-06-09T23:00:00Z'); // midnight: out
  history.signIn(v3, '2026-06-04T10:00:00Z');
  history.signIn(v4, '2026-06-09T10:00:00Z');

  // Case A's thread.
  await history.message(caseA, 'victim', '2026-05-22T16:00:00Z'); // Fri 17:00
  await history.message(caseA, 'update_request', '2026-05-23T09:00:00Z'); // Sat
  await history.message(caseA, 'officer', '2026-05-26T09:30:00Z'); // Tue 10:30, after the bank holiday weekend
  await history.message(caseA, 'system', '2026-05-27T10:30:00Z');
  await history.message(caseA, 'officer', '2026-05-27T11:00:00Z'); // nothing to answer: not a reply
  await history.message(caseA, 'victim', '2026-06-05T16:30:00Z'); // Fri 17:30
  await history.message(caseA, 'officer', '2026-06-08T07:30:00Z'); // Mon 08:30
  await history.message(caseA, 'update_request', '2026-06-09T20:00:00Z'); // never answered
  // Case B's thread.
  await history.message(caseB, 'update_request', '2026-05-31T20:00:00Z'); // Sun 21:00
  await history.message(caseB, 'update_request', '2026-06-01T07:00:00Z'); // Mon 08:00
  await history.message(caseB, 'officer', '2026-06-01T09:00:00Z'); // Mon 10:00
  await history.message(caseB, 'update_request', '2026-06-09T12:00:00Z');
  await history.message(caseB, 'officer', '2026-06-10T09:00:00Z'); // after the period: answers the one before
  // Case G's: asked before the period, answered in it (Tue 11:00 to Wed 11:00).
  await history.message(caseG, 'update_request', '2026-05-19T10:00:00Z');
  await history.message(caseG, 'officer', '2026-05-20T10:00:00Z');

  // Case events: telling duties by deadline, and the updates sign-ins read.
  await history.event(caseA, { type: 'report_received', createdAt: '2026-05-20T09:00:00Z', occurredAt: '2026-05-19T20:00:00Z' });
  await history.event(caseA, { createdAt: '2026-05-12T10:00:00Z', dueBy: '2026-05-19T22:59:00Z' }); // due 23:59 on 19 May: out
  await history.event(caseA, { createdAt: '2026-05-20T12:00:00Z', dueBy: '2026-05-27T10:00:00Z', toldAt: '2026-05-26T10:00:00Z' }); // met
  await history.event(caseA, { type: 'charged', createdAt: '2026-05-27T10:00:00Z', dueBy: '2026-06-03T10:00:00Z', toldAt: '2026-06-04T10:00:00Z' }); // late
  await history.event(caseA, { type: 'crime_allocated', createdAt: '2026-05-26T10:00:00Z', victimVisible: false });
  await history.event(caseB, { type: 'suspect_interviewed', createdAt: '2026-05-29T10:00:00Z', dueBy: '2026-06-05T10:00:00Z' }); // overdue
  await history.event(caseB, { type: 'no_further_action', createdAt: '2026-06-02T10:00:00Z', dueBy: '2026-06-09T22:30:00Z', toldAt: '2026-06-09T22:30:00Z' }); // met on the dot
  await history.event(caseB, { type: 'investigation_reopened', createdAt: '2026-06-03T09:00:00Z', dueBy: '2026-06-09T23:30:00Z' }); // due 00:30 on 10 June: out
  // Nothing new for V3 (their case is hidden from them) nor V4 (their own report is no news to them).
  await history.event(caseC, { type: 'crime_allocated', createdAt: '2026-06-03T10:00:00Z' });
  await history.event(caseD, { type: 'report_received', createdAt: '2026-06-08T22:30:00Z' });

  // Notifications: to victims, 2 sent and 2 given up on; cancelled, waiting, force alerts and webhooks are neither.
  await history.outbox('notification', { template: 'invite', channel: 'email' }, '2026-05-20T10:00:00Z', 'sent');
  await history.outbox('notification', { template: 'invite', channel: 'sms' }, '2026-05-27T09:00:00Z', { failed: 'notify_400' });
  await history.outbox('notification', { template: 'invite', channel: 'sms' }, '2026-05-29T08:00:00Z', { failed: 'cancelled' });
  await history.outbox('notification', { template: 'one_time_code', channel: 'sms' }, '2026-06-01T07:58:00Z', 'sent');
  await history.outbox('notification', { template: 'new_message', channel: 'email' }, '2026-06-08T07:31:00Z', 'waiting');
  await history.outbox('notification', { template: 'force_alert', channel: 'email' }, '2026-06-02T10:00:00Z', 'sent');
  await history.outbox('notification', { template: 'case_update', channel: 'email' }, '2026-05-19T22:00:00Z', 'sent'); // before
  await history.outbox('notification', { template: 'case_update', channel: 'sms' }, '2026-06-05T10:00:00Z', { failed: 'cancelled_read' });
  await history.outbox('notification', { template: 'new_message', channel: 'email' }, '2026-06-04T10:00:00Z', { failed: 'notify_400' });
  await history.outbox('webhook', {}, '2026-06-01T09:00:00Z', 'sent');
  await history.finish();
}

const zeroGroup = { cases: 0, eligible: 0, invitesSent: 0, invitesRedeemed: 0, signIns: 0, messagesFromVictims: 0, updateRequests: 0 };

beforeAll(async () => {
  h = await harness();
  force = await createTestForce(h.db);
  await buildHistory(await UsageHistory.of(h, force.forceId));
  // Another force's history in the same weeks, which must not count for this one.
  const other = await createTestForce(h.db);
  await buildHistory(await UsageHistory.of(h, other.forceId));
}, 60_000);

describe('the usage report, against a history worked out by hand', () => {
  it('counts invites, eligibility, sign-ins, messages, notifications and compliance in the period', async () => {
    const report = await usageReportOf(h, force.apiKey, from, to);
    expect(report).toMatchObject({
      from, to,
      invites: { sent: 4, redeemed: 2, activationRate: 0.5 },
      eligibility: { cases: 5, eligible: 2, notEligible: 3, reasons: { offence_not_eligible: 1, risk_flag: 1, victim_under_minimum_age: 0, no_contact_channel: 1 } },
      signIns: { victims: 4, signIns: 8 },
      // Victims' texts; officers' messages (the system notice is nobody's); update requests, 4 of 5 followed by an officer's message by now.
      messages: { fromVictims: 2, fromOfficers: 5, updateRequests: 5, updateRequestsAnswered: 4 },
      notifications: { sent: 2, failed: 2 },
      victimsCode: { due: 4, met: 2, rate: 0.5 },
    });
    expect(Math.abs(Date.now() - Date.parse(report.asOf))).toBeLessThan(60_000);
    const compliance = await call<ComplianceReport>(h.url, 'getVictimsCodeCompliance', `/v1/reports/victims-code-compliance?from=${from}&to=${to}`, { token: force.apiKey });
    expect(report.victimsCode).toEqual({ due: compliance.body.tellVictim.due, met: compliance.body.tellVictim.met, rate: compliance.body.tellVictim.rate });
  });

  it("times officers' replies, elapsed and in working hours, across the weekend and the bank holiday", async () => {
    const report = await usageReportOf(h, force.apiKey, from, to);
    // Case G, Tue 11:00 → Wed 11:00: 1440 min elapsed; working 11:00–18:00 and 08:00–11:00 = 600.
    // Case A, Fri 17:00 → Tue 10:30 (Mon a bank holiday): 5370 elapsed; working 17:00–18:00 Fri and 08:00–10:30 Tue = 210.
    // Case B, Sun 21:00 → Mon 10:00 (from the first of two requests): 780 elapsed; working 08:00–10:00 = 120.
    // Case A, Fri 17:30 → Mon 08:30: 3780 elapsed; working 17:30–18:00 and 08:00–08:30 = 60.
    // Nearest rank of 4: the median is the 2nd, the 90th percentile the 4th.
    expect(report.officerReplyTime).toEqual({ replies: 4, elapsedMinutes: { median: 1440, p90: 5370 }, workingMinutes: { median: 120, p90: 600 } });
  });

  it('estimates the 101 calls avoided by the force’s assumptions', async () => {
    // Sign-ins reading an update new since the victim's previous one, within 7 days: V1 on 20 May
    // (the arrest at 13:00), 26 May 13:00 (the reply at 10:30); not V1 an hour later (nothing new), nor
    // on 3 June (the last updates, 27 May, are more than 7 days old); V2 on 1 June (the interview,
    // 29 May) and 9 June (the reopening, 3 June); not V3 nor V4. With 4 update requests answered: 4 + 4.
    const report = await usageReportOf(h, force.apiKey, from, to);
    expect(report.callsAvoided).toEqual({
      estimate: 8, updateRequestsAnswered: 4, signInsReadingNewUpdate: 4,
      assumptions: { perUpdateRequestAnswered: 1, perSignInReadingNewUpdate: 1, updateReadWithinDays: 7 },
    });
    const changed = await call<ForceSettings>(h.url, 'updateForceSettings', '/v1/force/settings', {
      method: 'PATCH', token: force.apiKey, json: { callsAvoided: { perSignInReadingNewUpdate: 0.5, updateReadWithinDays: 1 } },
    });
    expect(changed.status, changed.text).toBe(200);
    // Within a day: only V1's first two.
    expect((await usageReportOf(h, force.apiKey, from, to)).callsAvoided).toEqual({
      estimate: 5, updateRequestsAnswered: 4, signInsReadingNewUpdate: 2,
      assumptions: { perUpdateRequestAnswered: 1, perSignInReadingNewUpdate: 0.5, updateReadWithinDays: 1 },
    });
    await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { callsAvoided: { perSignInReadingNewUpdate: 1, updateReadWithinDays: 7 } } });
  });

  it('breaks the figures down by UK week, cut at the period’s ends, and by channel', async () => {
    const report = await usageReportOf(h, force.apiKey, from, to);
    const columns = ['weekStarting', 'invitesSent', 'invitesRedeemed', 'signIns', 'victimsSignedIn', 'messagesFromVictims', 'messagesFromOfficers', 'updateRequests', 'victimsCodeDue', 'victimsCodeMet'] as const;
    expect(report.byWeek.map((week) => columns.map((column) => week[column]))).toEqual([
      ['2026-05-18', 1, 1, 1, 1, 1, 1, 1, 0, 0],
      ['2026-05-25', 2, 1, 2, 1, 0, 2, 1, 1, 1],
      ['2026-06-01', 0, 0, 3, 3, 1, 1, 1, 2, 0],
      ['2026-06-08', 1, 0, 2, 2, 0, 1, 2, 1, 1],
    ]);
    expect(report.byChannel).toEqual([
      { channel: 'email', invitesSent: 2, invitesRedeemed: 1, notificationsSent: 1, notificationsFailed: 1 },
      { channel: 'sms', invitesSent: 2, invitesRedeemed: 1, notificationsSent: 1, notificationsFailed: 1 },
    ]);
  });

  it("breaks them down by the service's crime-type groups, sign-ins under the victim's newest case when they signed in", async () => {
    const report = await usageReportOf(h, force.apiKey, from, to);
    expect(report.byCrimeTypeGroup).toEqual([
      { group: 'violence', label: 'Violence against the person', ...zeroGroup, cases: 1, signIns: 1 },
      { group: 'sexual', label: 'Sexual offences', ...zeroGroup, cases: 1 },
      { group: 'robbery', label: 'Robbery', ...zeroGroup },
      { group: 'burglary', label: 'Burglary', cases: 1, eligible: 1, invitesSent: 2, invitesRedeemed: 1, signIns: 4, messagesFromVictims: 2, updateRequests: 2 },
      // V2's sign-ins count under case B: case E, reported later, reached the portal after both.
      { group: 'vehicle', label: 'Vehicle crime', ...zeroGroup },
      { group: 'theft', label: 'Theft', cases: 1, eligible: 1, invitesSent: 2, invitesRedeemed: 1, signIns: 2, messagesFromVictims: 0, updateRequests: 3 },
      { group: 'damage_arson', label: 'Criminal damage and arson', ...zeroGroup },
      { group: 'fraud', label: 'Fraud', ...zeroGroup },
      { group: 'other', label: 'Other crime', ...zeroGroup, cases: 1, signIns: 1 },
    ]);
  });

  it("uses the force's own groups in their order, first match wins, and refuses two with one key", async () => {
    const own = await createTestForce(h.db);
    await buildHistory(await UsageHistory.of(h, own.forceId));
    const patch = (crimeTypeGroups: unknown) => call<ForceSettings>(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: own.apiKey, json: { crimeTypeGroups } });
    const groups = [
      { key: 'home', label: 'Home burglary', offenceCodes: ['028/01'] },
      { key: 'property', label: '=Property', offenceCodes: ['028/*', '045/*', '049/*'] },
    ];
    expect((await patch(groups)).status).toBe(200);
    expect((await usageReportOf(h, own.apiKey, from, to)).byCrimeTypeGroup).toEqual([
      { group: 'home', label: 'Home burglary', cases: 1, eligible: 1, invitesSent: 2, invitesRedeemed: 1, signIns: 4, messagesFromVictims: 2, updateRequests: 2 },
      { group: 'property', label: '=Property', cases: 1, eligible: 1, invitesSent: 2, invitesRedeemed: 1, signIns: 2, messagesFromVictims: 0, updateRequests: 3 },
      { group: 'other', label: 'Other crime', ...zeroGroup, cases: 3, signIns: 2 },
    ]);
    for (const [refused, index] of [[[...groups, { ...groups[0]!, label: 'Again' }], 2], [[{ key: 'other', label: 'Other', offenceCodes: ['*'] }], 0]] as const) {
      const response = await patch(refused);
      expect(response.status, response.text).toBe(422);
      expect(response.body).toMatchObject({ type: 'urn:victim-portal:problem:duplicate-crime-type-group', errors: [{ pointer: `/crimeTypeGroups/${index}/key` }] });
    }
    expect((await usageReportOf(h, own.apiKey, from, to)).byCrimeTypeGroup.map((g) => g.group)).toEqual(['home', 'property', 'other']);
  });

  it('answers an empty period with zeros and nulls, and audits every read', async () => {
    const quiet = await usageReportOf(h, force.apiKey, '2025-01-06', '2025-01-12');
    expect(quiet).toMatchObject({
      invites: { sent: 0, redeemed: 0, activationRate: null },
      officerReplyTime: { replies: 0, elapsedMinutes: { median: null, p90: null }, workingMinutes: { median: null, p90: null } },
      victimsCode: { due: 0, met: 0, rate: null },
      callsAvoided: { estimate: 0 },
    });
    expect(quiet.byWeek).toEqual([{ weekStarting: '2025-01-06', invitesSent: 0, invitesRedeemed: 0, signIns: 0, victimsSignedIn: 0, messagesFromVictims: 0, messagesFromOfficers: 0, updateRequests: 0, victimsCodeDue: 0, victimsCodeMet: 0 }]);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, action: 'force.usage_report_read' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ actor_type: 'force_api_key', subject_type: 'force', subject_id: force.forceId, reason: 'records system read the usage report for 2025-01-06 to 2025-01-12' });
  });
});

describe('the usage report period', () => {
  it('refuses bad dates (400) and a period that ends before it starts or runs over 366 days (422)', async () => {
    const ask = (query: string) => call<UsageReport>(h.url, 'getUsageReport', `/v1/reports/usage?${query}`, { token: force.apiKey });
    for (const query of ['from=2026-13-01&to=2026-12-01', 'from=2026-02-30&to=2026-03-01', 'from=yesterday&to=2026-01-01', 'to=2026-01-01', 'from=2026-01-01', '']) {
      const refused = await ask(query);
      expect(refused.status, query).toBe(400);
      expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:invalid-request' });
    }
    for (const query of ['from=2026-06-02&to=2026-06-01', 'from=2025-01-01&to=2026-01-03']) {
      const refused = await ask(query);
      expect(refused.status, query).toBe(422);
      expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:invalid-period' });
    }
    // 366 days after `from` is the longest: a leap year's worth, 53 weeks and a day.
    const year = await ask('from=2024-01-01&to=2025-01-01');
    expect(year.status).toBe(200);
    expect(year.body.byWeek.map((w) => w.weekStarting).slice(0, 2)).toEqual(['2024-01-01', '2024-01-08']);
    expect(year.body.byWeek.at(-1)?.weekStarting).toBe('2024-12-30');
    expect(year.body.byWeek).toHaveLength(53);
    // One day, a Sunday: its week starts on the Monday before.
    expect((await ask('from=2026-05-31&to=2026-05-31')).body.byWeek.map((w) => w.weekStarting)).toEqual(['2026-05-25']);
  });
});
