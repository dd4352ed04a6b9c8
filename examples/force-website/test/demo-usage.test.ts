// The 3 months of portal use `npm start` seeds for Kingsmoor's reports, as the force's records
// system reads them through the SDK: the scale of the first forces' published figures (about
// 4,700 victims signing in 18,500 times, 800 messages), beside the demo cases, whose duties
// list stays as it was; and nothing more on a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { ForceClient } from '@victim-portal/sdk';
// The demo is not part of the server's public API: it is loaded from the build, as `npm start` runs it.
import { demoApiKey, seedDemo } from '../../../packages/server/dist/demo/seed.js';
import { seedDemoUsage, type UsageHistoryCounts } from '../../../packages/server/dist/demo/seed-usage.js';

let server: RunningServer;
let forceClient: ForceClient;
let forceId: string;
let seeded: UsageHistoryCounts | undefined;

beforeAll(async () => {
  server = await startServer({ port: 0, devMailbox: true, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
  forceId = await seedDemo(server.db, `${server.url}/`);
  seeded = await seedDemoUsage(server.db, forceId);
  forceClient = new ForceClient({ baseUrl: server.url, apiKey: demoApiKey });
  // A few seconds on an idle machine; room for a machine busy with other suites.
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/** The last 3 months, whole UK days, today included. */
function lastThreeMonths(): { from: string; to: string } {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  return { from: new Date(Date.parse(`${to}T00:00:00Z`) - 92 * 86_400_000).toISOString().slice(0, 10), to };
}

describe("the demo's usage history", () => {
  it('gives the force dashboard the scale of a force running a portal: 4,700 victims, 18,500 sign-ins, 800 messages', async () => {
    const report = await forceClient.usageReport(lastThreeMonths());
    // Every victim of the history who signed in is counted; on a shared PostgreSQL (CI) the
    // other suites' sign-ins as the demo cases' victims (there are 4 with contacts) count too.
    const historyVictims = seeded?.victimsSignedIn ?? Number.NaN;
    expect(report.signIns.victims).toBeGreaterThanOrEqual(historyVictims);
    expect(report.signIns.victims).toBeLessThanOrEqual(historyVictims + 3);
    expect(report.signIns.victims).toBeGreaterThan(4_300);
    expect(report.signIns.victims).toBeLessThan(5_100);
    expect(report.signIns.signIns).toBeGreaterThan(17_000);
    expect(report.signIns.signIns).toBeLessThan(20_000);
    const messages = report.messages.fromVictims + report.messages.fromOfficers + report.messages.updateRequests;
    expect(messages).toBeGreaterThan(650);
    expect(messages).toBeLessThan(1_000);
    // Every figure has something to show: reasons, failures, compliance, weeks, replies.
    expect(Object.values(report.eligibility.reasons).filter((n) => n > 0)).toHaveLength(3);
    expect(report.notifications.failed).toBeGreaterThan(0);
    expect(report.victimsCode.rate).toBeGreaterThan(0.9);
    expect(report.victimsCode.rate).toBeLessThan(1);
    expect(report.byWeek.slice(1).every((week) => week.signIns > 0)).toBe(true);
    expect(report.officerReplyTime.workingMinutes.median).toBeGreaterThan(0);
    expect(report.callsAvoided.estimate).toBeGreaterThan(0);
  });

  it("keeps the demo cases' duties list: every duty of the history was told", async () => {
    const duties = await forceClient.duties();
    expect(duties.items.map((duty) => duty.crimeReference)).toEqual(['KM/24/0012417', 'KM/24/0012345']);
  });

  it('adds nothing when the demo starts again', async () => {
    const count = async () => Number((await server.db('audit_log').where({ force_id: forceId }).count<{ count: string }[]>('* as count'))[0]?.count);
    const before = await count();
    expect(await seedDemoUsage(server.db, forceId)).toBeUndefined();
    expect(await count()).toBe(before);
  });
});
