// ForceClient's report operations against the real service: minting admin tokens for force
// staff, and the usage report as figures and as CSV.
import { describe, expect, it } from 'vitest';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, ProblemError, problemTypes } from '../src/index.js';
import { newCase, useServer } from './support/world.js';

const server = useServer();

/** Today and the 6 days before it, UK time. */
function lastWeek(): { from: string; to: string } {
  const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + offset * 86_400_000);
  return { from: day(-6), to: day(0) };
}

async function newForce() {
  const force = await createTestForce(server().db);
  return { force, client: new ForceClient({ baseUrl: server().url, apiKey: force.apiKey }) };
}

describe('ForceClient: reports', () => {
  it('mints an admin token, an hour by default or as long as asked, and refuses a lifetime out of range', async () => {
    const { client } = await newForce();
    const before = Date.now();
    const minted = await client.mintAdminToken('Staff 40211');
    expect(minted.token).toMatch(/^vpa_/);
    expect(Date.parse(minted.expiresAt) - before).toBeGreaterThan(3_500_000);
    const short = await client.mintAdminToken('Staff 40211', 120);
    expect(Date.parse(short.expiresAt) - Date.now()).toBeLessThan(125_000);
    const refused = await client.mintAdminToken('Staff 40211', 30).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 400, type: problemTypes.invalidRequest });
  });

  it('reads the usage report as figures and as the same figures in CSV', async () => {
    const { client } = await newForce();
    await client.createCase(newCase(undefined));
    const period = lastWeek();
    const report = await client.usageReport(period);
    expect(report).toMatchObject({ ...period, eligibility: { cases: 1, eligible: 1, notEligible: 0 }, invites: { sent: 1, redeemed: 0, activationRate: 0 } });
    expect(report.byChannel.find((c) => c.channel === 'email')?.invitesSent).toBe(1);
    expect(report.byWeek.length).toBeGreaterThanOrEqual(1);

    const csv = await client.usageReportCsv(period);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,key,measure,value');
    expect(lines).toContain('total,invites,sent,1');
    expect(lines).toContain('total,eligibility,cases,1');
    expect(lines).toContain('channel,email,invitesSent,1');
    expect(lines).toContain(`total,report,from,${period.from}`);
  });

  it('surfaces a period that ends before it starts as ProblemError invalid-period (422)', async () => {
    const { client } = await newForce();
    const { from, to } = lastWeek();
    for (const read of [() => client.usageReport({ from: to, to: from }), () => client.usageReportCsv({ from: to, to: from })]) {
      const refused = await read().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ProblemError);
      expect(refused).toMatchObject({ status: 422, type: problemTypes.invalidPeriod });
    }
  });
});
