import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport, UsageReport } from '@victim-portal/contract';
import { isWorkingDay } from '../src/features/timeline/working-days.js';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { randomUsageHistory } from './support/random-usage-history.js';
import { UsageHistory, usageReportOf } from './support/usage-history.js';
import { rawHeadlineFigures } from './support/usage-raw-figures.js';

// A random history over March and April 2026: the clocks go forward on Sunday 29 March, and
// Good Friday (3 April) and Easter Monday (6 April) are bank holidays. The period is the six
// weeks from Monday 2 March to Sunday 12 April, UK time; rows also fall either side of it.
const from = '2026-03-02';
const to = '2026-04-12';
const start = '2026-03-02T00:00:00Z'; // GMT
const end = '2026-04-12T23:00:00Z'; // midnight BST starting 13 April

let h: Harness;
let force: TestForce;
let report: UsageReport;

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
/** UK date (YYYY-MM-DD) and hour of an instant, by the platform's time-zone data. */
function ukDateAndHour(ms: number): [string, number] {
  const parts = Object.fromEntries(london.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return [`${parts['year']}-${parts['month']}-${parts['day']}`, Number(parts['hour'])];
}

/** Working minutes by brute force: UTC hour by hour (UK offsets are whole hours), counting 08:00–18:00 UK on working days. */
function workingMinutesByHour(fromMs: number, toMs: number): number {
  let total = 0;
  for (let hourStart = Math.floor(fromMs / 3_600_000) * 3_600_000; hourStart < toMs; hourStart += 3_600_000) {
    const [date, hour] = ukDateAndHour(hourStart);
    if (hour >= 8 && hour < 18 && isWorkingDay(date)) total += Math.min(toMs, hourStart + 3_600_000) - Math.max(fromMs, hourStart);
  }
  return total / 60_000;
}

function nearestRank(values: number[], fraction: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.ceil(fraction * sorted.length) - 1]!;
}

function mondayOfUkDay(ms: number): string {
  const [date] = ukDateAndHour(ms);
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

beforeAll(async () => {
  h = await harness();
  force = await createTestForce(h.db);
  await randomUsageHistory(await UsageHistory.of(h, force.forceId), 20260302, '2026-02-16T00:00:00Z', '2026-04-27T00:00:00Z', 40);
  report = await usageReportOf(h, force.apiKey, from, to);
}, 120_000);

describe('the usage report, recomputed from the raw rows', () => {
  it('has the headline counts plain SQL gives', async () => {
    const expected = await rawHeadlineFigures(h, force.forceId, start, end);
    const cases = expected.eligibility.cases;
    expect(expected.invites.sent).toBeGreaterThan(5);
    expect(expected.messages.updateRequestsAnswered).toBeGreaterThan(2);
    expect(report).toMatchObject(expected);
    expect(report.eligibility.notEligible).toBe(cases - expected.eligibility.eligible);
    const compliance = await call<ComplianceReport>(h.url, 'getVictimsCodeCompliance', `/v1/reports/victims-code-compliance?from=${from}&to=${to}`, { token: force.apiKey });
    expect([compliance.body.tellVictim.due, compliance.body.tellVictim.met]).toEqual([report.victimsCode.due, report.victimsCode.met]);
  });

  it("has the officers' reply times a walk through each thread gives", async () => {
    const messages = await h.db('messages').where({ force_id: force.forceId }).whereNot({ author_type: 'system' }).orderBy('created_at');
    const elapsed: number[] = [];
    const working: number[] = [];
    const firstUnanswered = new Map<string, number>();
    for (const message of messages) {
      const at = (message.created_at as Date).getTime();
      if (message.author_type === 'victim') {
        if (!firstUnanswered.has(message.case_id)) firstUnanswered.set(message.case_id, at);
        continue;
      }
      const asked = firstUnanswered.get(message.case_id);
      firstUnanswered.delete(message.case_id);
      if (asked === undefined || at < Date.parse(start) || at >= Date.parse(end)) continue;
      elapsed.push((at - asked) / 60_000);
      working.push(workingMinutesByHour(asked, at));
    }
    expect(elapsed.length).toBeGreaterThan(5);
    expect(report.officerReplyTime.replies).toBe(elapsed.length);
    expect(report.officerReplyTime.elapsedMinutes).toEqual({ median: nearestRank(elapsed, 0.5), p90: nearestRank(elapsed, 0.9) });
    expect(report.officerReplyTime.workingMinutes.median).toBeCloseTo(nearestRank(working, 0.5)!, 6);
    expect(report.officerReplyTime.workingMinutes.p90).toBeCloseTo(nearestRank(working, 0.9)!, 6);
  });

  it('counts the sign-ins reading a new update that each victim’s rows give', async () => {
    const days = report.callsAvoided.assumptions.updateReadWithinDays ?? 7;
    const sessions = await h.db('sessions').where({ force_id: force.forceId }).orderBy('created_at');
    const { rows: updates } = await h.db.raw<{ rows: { victim_id: string; at: Date }[] }>(
      `select c.victim_id, e.created_at as at from case_events e join cases c on c.id = e.case_id
         where e.force_id = ? and e.victim_visible and e.event_type <> 'report_received' and not c.hidden_from_victim
       union all
       select c.victim_id, m.created_at from messages m join cases c on c.id = m.case_id
         where m.force_id = ? and m.author_type = 'officer' and not c.hidden_from_victim`,
      [force.forceId, force.forceId],
    );
    let reading = 0;
    for (const [index, session] of sessions.entries()) {
      const at = (session.created_at as Date).getTime();
      if (at < Date.parse(start) || at >= Date.parse(end)) continue;
      const previous = sessions.slice(0, index).filter((s) => s.victim_id === session.victim_id).at(-1)?.created_at as Date | undefined;
      const fresh = updates.some((u) => u.victim_id === session.victim_id && u.at.getTime() <= at && u.at.getTime() >= at - days * 86_400_000 && (!previous || u.at > previous));
      if (fresh) reading++;
    }
    expect(reading).toBeGreaterThan(2);
    expect(report.callsAvoided.signInsReadingNewUpdate).toBe(reading);
    expect(report.callsAvoided.estimate).toBe(reading + report.messages.updateRequestsAnswered);
  });

  it('has weeks that the UK calendar gives, and breakdowns that add up to the totals', async () => {
    const sessions = await h.db('sessions').where({ force_id: force.forceId }).where('created_at', '>=', start).where('created_at', '<', end);
    const byWeek = new Map<string, number>();
    for (const s of sessions) byWeek.set(mondayOfUkDay((s.created_at as Date).getTime()), (byWeek.get(mondayOfUkDay((s.created_at as Date).getTime())) ?? 0) + 1);
    expect(report.byWeek.map((w) => w.weekStarting)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
    expect(report.byWeek.map((w) => w.signIns)).toEqual(report.byWeek.map((w) => byWeek.get(w.weekStarting) ?? 0));

    const sum = <T>(items: T[], figure: (item: T) => number) => items.reduce((total, item) => total + figure(item), 0);
    expect(sum(report.byWeek, (w) => w.invitesSent)).toBe(report.invites.sent);
    expect(sum(report.byWeek, (w) => w.invitesRedeemed)).toBe(report.invites.redeemed);
    expect(sum(report.byWeek, (w) => w.messagesFromOfficers)).toBe(report.messages.fromOfficers);
    expect(sum(report.byWeek, (w) => w.victimsCodeDue)).toBe(report.victimsCode.due);
    expect(sum(report.byChannel, (c) => c.invitesSent)).toBe(report.invites.sent);
    expect(sum(report.byChannel, (c) => c.notificationsFailed)).toBe(report.notifications.failed);
    const groups = report.byCrimeTypeGroup;
    expect(sum(groups, (g) => g.cases)).toBe(report.eligibility.cases);
    expect(sum(groups, (g) => g.eligible)).toBe(report.eligibility.eligible);
    expect(sum(groups, (g) => g.invitesRedeemed)).toBe(report.invites.redeemed);
    expect(sum(groups, (g) => g.signIns)).toBe(report.signIns.signIns);
    expect(sum(groups, (g) => g.messagesFromVictims)).toBe(report.messages.fromVictims);
    expect(sum(groups, (g) => g.updateRequests)).toBe(report.messages.updateRequests);
  });
});
