// The usage report counts invites, cases, notifications and deadlines from tallies the database
// keeps by day (migration 0014). They must say what the raw rows say, not only as the rows were
// written but after any later change to a counted column, by the service or by hand, and after
// rows are deleted; and deadlines falling today are due only once passed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { UsageReport } from '@victim-portal/contract';
import { addDays } from '../src/features/reports/period.js';
import { londonDate, startOfLondonDay } from '../src/features/timeline/working-days.js';
import { createTestForce, type TestForce } from '../src/testing.js';
import { harness, type Harness } from './support/harness.js';
import { randomUsageHistory } from './support/random-usage-history.js';
import { UsageHistory, usageReportOf } from './support/usage-history.js';
import { rawHeadlineFigures } from './support/usage-raw-figures.js';

let h: Harness;
let force: TestForce;
let history: UsageHistory;
const day = 86_400_000;
// The last five weeks to today; the history runs from before them to three days ahead.
const now = Date.now();
const to = londonDate(new Date(now));
const from = addDays(to, -35);
const start = startOfLondonDay(from).toISOString();
const end = startOfLondonDay(addDays(to, 1)).toISOString();

/** The report's figures that the raw rows give, and its breakdowns' sums. */
async function expectReportToMatchRawRows(): Promise<UsageReport> {
  const report = await usageReportOf(h, force.apiKey, from, to);
  const raw = await rawHeadlineFigures(h, force.forceId, start, end);
  expect(report).toMatchObject(raw);
  const sum = <T>(items: T[], figure: (item: T) => number) => items.reduce((total, item) => total + figure(item), 0);
  expect(sum(report.byChannel, (c) => c.invitesRedeemed)).toBe(raw.invites.redeemed);
  expect(sum(report.byChannel, (c) => c.notificationsSent)).toBe(raw.notifications.sent);
  expect(sum(report.byWeek, (w) => w.victimsCodeMet)).toBe(raw.victimsCode.met);
  expect(sum(report.byCrimeTypeGroup, (g) => g.eligible)).toBe(raw.eligibility.eligible);
  expect(sum(report.byCrimeTypeGroup, (g) => g.invitesSent)).toBe(raw.invites.sent);
  return report;
}

beforeAll(async () => {
  h = await harness();
  force = await createTestForce(h.db);
  history = await UsageHistory.of(h, force.forceId);
  await randomUsageHistory(history, 20261122, new Date(now - 42 * day).toISOString(), new Date(now + 3 * day).toISOString(), 30);
  // Deadlines around now: passed and met, passed and untold, still to come.
  const victim = await history.victim();
  const caseId = await history.case(victim, '028/01', new Date(now - 3 * day).toISOString());
  const at = (offset: number) => new Date(now + offset).toISOString();
  await history.event(caseId, { createdAt: at(-2 * day), dueBy: at(-60_000), toldAt: at(-3_600_000) });
  await history.event(caseId, { createdAt: at(-2 * day), dueBy: at(-1000) });
  await history.event(caseId, { createdAt: at(-2 * day), dueBy: at(3_600_000) });
}, 120_000);

describe('the tallies behind the usage report', () => {
  it('count what the raw rows hold as written, deadlines today only once passed', async () => {
    const report = await expectReportToMatchRawRows();
    expect(report.invites.sent).toBeGreaterThan(5);
    expect(report.victimsCode.due).toBeGreaterThan(2);
    expect(report.notifications.sent).toBeGreaterThan(2);
  });

  it('follow later changes to the counted columns, and deletions, by any writer', async () => {
    const before = await usageReportOf(h, force.apiKey, from, to);
    const f = force.forceId;
    const some = "md5(cast(id as text)) < '8'";
    await h.db.raw(`update invites set redeemed_at = created_at + interval '1 hour' where force_id = ? and purpose = 'invite' and redeemed_at is null and ${some}`, [f]);
    await h.db.raw(`update cases set not_invited_reason = 'risk_flag' where force_id = ? and not_invited_reason is null and ${some}`, [f]);
    await h.db.raw(`update cases set not_invited_reason = null where force_id = ? and not_invited_reason = 'no_contact_channel'`, [f]);
    // Every passed deadline still untold (one at least: the one a second before the history was written).
    await h.db.raw(`update case_events set told_at = due_by - interval '1 minute', told_by = 'phone' where force_id = ? and due_by < now() and told_at is null`, [f]);
    await h.db.raw(`update outbox set failed_at = created_at, last_error = 'notify_500' where force_id = ? and sent_at is null and failed_at is null`, [f]);
    await h.db.raw(`update outbox set last_error = 'cancelled: read meanwhile' where force_id = ? and last_error = 'notify_400' and ${some}`, [f]);
    await h.db.raw(`update outbox set attempts = attempts + 1 where force_id = ?`, [f]); // counts nothing
    await h.db.raw(`delete from outbox where force_id = ? and kind = 'notification' and md5(cast(id as text)) < '4'`, [f]);
    await h.db.raw(`delete from invites where force_id = ? and purpose = 'invite' and redeemed_at is null and not exists (select 1 from sessions s where s.invite_id = invites.id)`, [f]);

    const after = await expectReportToMatchRawRows();
    // Each change moved a figure.
    expect(after.invites.redeemed).toBeGreaterThan(before.invites.redeemed);
    expect(after.invites.sent).toBeLessThan(before.invites.sent);
    expect(after.eligibility.reasons).not.toEqual(before.eligibility.reasons);
    expect(after.victimsCode.met).toBeGreaterThan(before.victimsCode.met);
    expect(after.notifications).not.toEqual(before.notifications);
    expect(await talliesDifferingFromRecount()).toBe(0);
  });

  it('are rebuilt from the rows by usage_tallies_rebuild(), for a database written with triggers off', async () => {
    await h.db.raw(`update usage_tallies set n = n + 7 where force_id = ? and figure in ('invite_sent', 'notification_failed', 'duty')`, [force.forceId]);
    expect(await talliesDifferingFromRecount()).toBeGreaterThan(0);
    const wrong = await usageReportOf(h, force.apiKey, from, to);
    expect(wrong.invites.sent).toBeGreaterThan((await rawHeadlineFigures(h, force.forceId, start, end)).invites.sent);
    await h.db.raw('select usage_tallies_rebuild()');
    expect(await talliesDifferingFromRecount()).toBe(0);
    await expectReportToMatchRawRows();
  });
});

/** @returns how many of the force's tallies differ from a recount of its rows (none with nothing to count) */
async function talliesDifferingFromRecount(): Promise<number> {
  const { rows } = await h.db.raw<{ rows: { n: number }[] }>(
    `select cast(count(*) as integer) as n
     from (select * from usage_tallies where force_id = :force and n <> 0) t
     full join (select * from usage_tallies_recount() where force_id = :force) r using (force_id, day, figure, key, detail)
     where t.n is distinct from r.n`,
    { force: force.forceId },
  );
  return rows[0]!.n;
}
