// ReportsClient (the force dashboard's client) against the real service: the admin token from
// getToken() lazily and once, again when the service refuses the one held, the same figures
// and CSV as the force's API key reads, and only the token's own force.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, ProblemError, problemTypes, ReportsClient, type UsageReport } from '../src/index.js';
import { FlakyNetwork } from './support/flaky-network.js';
import { newCase, useServer } from './support/world.js';

const server = useServer();

/** The four weeks up to today (UK time), as the dashboard's default period. */
function lastFourWeeks(): { from: string; to: string } {
  const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + offset * 86_400_000);
  return { from: day(-27), to: day(0) };
}

/** A force with one case, its ForceClient, and a ReportsClient whose getToken mints real admin tokens and counts them. */
async function newForce(fetch?: typeof globalThis.fetch) {
  const force = await createTestForce(server().db);
  const forceClient = new ForceClient({ baseUrl: server().url, apiKey: force.apiKey });
  await forceClient.createCase(newCase(undefined));
  const tokensMinted: string[] = [];
  const reports = new ReportsClient({
    baseUrl: server().url,
    ...(fetch ? { fetch } : {}),
    getToken: async () => {
      const minted = await forceClient.mintAdminToken('Reporting analyst 0042');
      tokensMinted.push(minted.token);
      return minted.token;
    },
  });
  return { force, forceClient, reports, tokensMinted };
}

/** Makes every admin token of the force expired now, as time would. */
async function expireAdminTokens(running: RunningServer, forceId: string): Promise<void> {
  await running.db('admin_tokens').where({ force_id: forceId }).update({ expires_at: running.db.raw("now() - interval '1 second'") });
}

/** The report without `asOf`, which differs between two readings. */
function figures(report: UsageReport): Omit<UsageReport, 'asOf'> {
  const { asOf: _asOf, ...rest } = report;
  return rest;
}

describe('ReportsClient', () => {
  it('asks for a token only when first needed, once for concurrent calls, and reads what the API key reads', async () => {
    const { forceClient, reports, tokensMinted } = await newForce();
    expect(tokensMinted).toHaveLength(0);
    const period = lastFourWeeks();
    const [report, csv] = await Promise.all([reports.usageReport(period), reports.usageReportCsv(period)]);
    expect(tokensMinted).toHaveLength(1);
    expect(tokensMinted[0]).toMatch(/^vpa_/);
    expect(figures(report)).toEqual(figures(await forceClient.usageReport(period)));
    expect(report.eligibility.cases).toBe(1);
    expect(csv.split(/\r?\n/)[0]).toBe('section,key,measure,value');
    const byApiKey = await forceClient.usageReportCsv(period);
    const withoutAsOf = (text: string) => text.split(/\r?\n/).filter((line) => !/asOf|as_of/i.test(line));
    expect(withoutAsOf(csv)).toEqual(withoutAsOf(byApiKey));
    await reports.usageReport(period);
    expect(tokensMinted).toHaveLength(1);
  });

  it('when the token has expired, gets a new one and tries the request once more', async () => {
    const network = new FlakyNetwork();
    const { force, reports, tokensMinted } = await newForce(network.fetch);
    await reports.usageReport(lastFourWeeks());
    await expireAdminTokens(server(), force.forceId);

    const csv = await reports.usageReportCsv(lastFourWeeks());
    expect(csv).toMatch(/^section,key,measure,value/);
    expect(tokensMinted).toHaveLength(2);
    const csvRequests = network.sent.filter((request) => request.headers.get('Accept') === 'text/csv');
    expect(csvRequests.map((request) => request.headers.get('Authorization'))).toEqual([`Bearer ${tokensMinted[0]}`, `Bearer ${tokensMinted[1]}`]);
  });

  it('gives up with the 401 when the new token is refused too, and tries again on the next call', async () => {
    let asked = 0;
    const reports = new ReportsClient({
      baseUrl: server().url,
      getToken: () => {
        asked += 1;
        return Promise.resolve(`vpa_${'refused'.repeat(6)}${asked}`);
      },
    });
    const error = await reports.usageReport(lastFourWeeks()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 401, type: problemTypes.unauthenticated });
    expect(asked).toBe(2);
    await expect(reports.usageReportCsv(lastFourWeeks())).rejects.toMatchObject({ status: 401 });
    expect(asked).toBe(4);
  });

  it("passes the host page's getToken failure through as it is", async () => {
    const failure = new Error('the member of staff is signed out');
    const reports = new ReportsClient({ baseUrl: server().url, getToken: () => Promise.reject(failure) });
    await expect(reports.usageReport(lastFourWeeks())).rejects.toBe(failure);
  });

  it("reads only its own force's figures, and refuses a period that ends before it starts", async () => {
    const first = await newForce();
    const second = await newForce();
    await second.forceClient.createCase(newCase(undefined));
    expect((await first.reports.usageReport(lastFourWeeks())).eligibility.cases).toBe(1);
    expect((await second.reports.usageReport(lastFourWeeks())).eligibility.cases).toBe(2);

    const backwards = await first.reports.usageReport({ from: '2026-03-01', to: '2026-02-01' }).catch((e: unknown) => e);
    expect(backwards).toBeInstanceOf(ProblemError);
    expect((backwards as ProblemError).status).toBeGreaterThanOrEqual(400);
    expect((backwards as ProblemError).status).toBeLessThan(500);
    expect((backwards as ProblemError).requestId).toBeTruthy();
  });
});
