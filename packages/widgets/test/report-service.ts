// The real Victim Portal service for <vp-force-dashboard>'s tests, on the Node side of Vitest's
// browser mode: started on first use (PGlite in memory, or PostgreSQL when DATABASE_URL is set),
// given a small history through its own API (cases, invites redeemed, messages, key decisions),
// and reached from the test page through a relay on the page's own origin (/report-service/…),
// as a force's admin page reaches it through its back end: the reports API answers no browser on
// another origin. The tests call these through Vitest's `commands`.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Plugin } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import type { RunningServer } from '@victim-portal/server';
import type { UsageReport } from '@victim-portal/sdk';

type ServerModule = typeof import('@victim-portal/server');
type TestingModule = typeof import('@victim-portal/server/testing');
type SdkModule = typeof import('@victim-portal/sdk');

/**
 * Imports a workspace package at run time. The specifier is a variable so that Vite's bundling
 * of the config leaves the server (PGlite, knex, its migrations) to Node, as it is.
 */
const load = <T>(specifier: string): Promise<T> => import(/* @vite-ignore */ specifier) as Promise<T>;

/** The path the relay answers under, on the test page's origin. */
export const relayPath = '/report-service';
/** A relay path whose service is down (a closed port), for the element's failure screens. */
export const downPath = '/report-service-down';

let running: Promise<RunningServer> | undefined;
const apiKeys = new Map<string, string>();

function service(): Promise<RunningServer> {
  running ??= load<ServerModule>('@victim-portal/server').then(({ startServer }) =>
    startServer({ port: 0, devMailbox: true, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL }),
  );
  return running;
}

/** A period of whole days, as the report takes it. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** What the seed made: the force, the dashboard's default period (the last 4 weeks) and the report for it. */
export interface SeededForce {
  forceId: string;
  period: ReportPeriod;
  report: UsageReport;
}

const ukDay = (offsetDays: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + offsetDays * 86_400_000);
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

/**
 * A new force with a small history: four burglaries (one victim never signs in), two victims who
 * sign in with their invites and write (messages and requests for an update), an officer who
 * answers, and two key decisions twelve days ago, one told on time and one never told.
 */
async function seedUsageHistory(): Promise<SeededForce> {
  const server = await service();
  const { createTestForce, createTestOfficer, inviteTokenFrom, waitForInviteLink } = await load<TestingModule>('@victim-portal/server/testing');
  const { ForceClient, VictimClient } = await load<SdkModule>('@victim-portal/sdk');
  const force = await createTestForce(server.db, { secondFactor: 'date_of_birth' });
  apiKeys.set(force.forceId, force.apiKey);
  const forceClient = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  const officer = await createTestOfficer(server.db, force.forceId, { displayName: 'DC Sam Patel', rank: 'detective_constable' });
  const dateOfBirth = '1984-03-09';
  const cases = [];
  for (const [index, name] of ['Alex', 'Bea', 'Cai', 'Dee'].entries()) {
    cases.push(
      await forceClient.createCase({
        crimeReference: `DASH/${force.slug}/${index}`,
        offence: { code: '028/01', label: 'Burglary of a home' },
        reportedAt: daysAgo(14),
        reportedVia: 'phone_101',
        officerInCharge: { collarNumber: officer.collarNumber },
        victim: { givenName: name, familyName: 'Morgan', email: `${name.toLowerCase()}.${force.slug}@example.com`, preferredChannel: 'email', language: 'en', dateOfBirth },
      }),
    );
  }
  await server.deliverNotifications();
  const signIn = async (name: string) => {
    const token = inviteTokenFrom(await waitForInviteLink(server.url, `${name.toLowerCase()}.${force.slug}@example.com`));
    const victim = new VictimClient({ baseUrl: server.url });
    await victim.startChallenge(token);
    await victim.redeemInvite(token, dateOfBirth);
    return victim;
  };
  const [alex, bea] = [await signIn('Alex'), await signIn('Bea')];
  const [alexCase, beaCase] = [cases[0]!, cases[1]!];
  await alex.sendMessage(alexCase.id, 'Has anyone looked at the doorbell camera?');
  await alex.requestUpdate(alexCase.id);
  await forceClient.sendMessage(alexCase.id, { body: 'Yes, we have the footage and are going through it.' });
  await alex.sendMessage(alexCase.id, 'Thank you.');
  await bea.requestUpdate(beaCase.id, 'Any news?');
  await forceClient.recordEvent(alexCase.id, { type: 'suspect_arrested', occurredAt: daysAgo(12), told: { toldAt: daysAgo(11), method: 'phone' } });
  await forceClient.recordEvent(beaCase.id, { type: 'suspect_arrested', occurredAt: daysAgo(12) });
  const period = { from: ukDay(-27), to: ukDay(0) };
  return { forceId: force.forceId, period, report: await forceClient.usageReport(period) };
}

async function forceClientOf(forceId: string) {
  const server = await service();
  const apiKey = apiKeys.get(forceId);
  if (!apiKey) throw new Error('no force seeded with that id');
  const { ForceClient } = await load<SdkModule>('@victim-portal/sdk');
  return new ForceClient({ baseUrl: server.url, apiKey });
}

/** The commands the dashboard's tests call from the page (see `BrowserCommands` in force-dashboard-harness.ts). */
export const reportServiceCommands = {
  seedUsageHistory: (async () => seedUsageHistory()) satisfies BrowserCommand<[]>,
  /** A new admin token (`vpa_…`), minted as a force's back end does with its API key. */
  mintAdminToken: (async (_context, forceId: string) => (await (await forceClientOf(forceId)).mintAdminToken('Performance analyst 0042')).token) satisfies BrowserCommand<[string]>,
  /** Makes every admin token of the force expired now, as time would. */
  expireAdminTokens: (async (_context, forceId: string) => {
    const server = await service();
    await server.db('admin_tokens').where({ force_id: forceId }).update({ expires_at: server.db.raw("now() - interval '1 second'") });
  }) satisfies BrowserCommand<[string]>,
  /** The report as the force's API key reads it, to compare with what the element shows. */
  usageReport: (async (_context, forceId: string, period: ReportPeriod) => (await forceClientOf(forceId)).usageReport(period)) satisfies BrowserCommand<[string, ReportPeriod]>,
  /** The CSV as the force's API key reads it. */
  usageReportCsv: (async (_context, forceId: string, period: ReportPeriod) => (await forceClientOf(forceId)).usageReportCsv(period)) satisfies BrowserCommand<[string, ReportPeriod]>,
};

/** Relays a request from the test page to the service, streaming both ways; the status and body as the service sent them. */
function relay(target: string, req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'accept', 'content-type', 'x-request-id']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstream = request(new URL(req.url ?? '/', `${target}/`), { method: req.method, headers }, (answer) => {
    const back: Record<string, string> = {};
    for (const name of ['content-type', 'x-request-id', 'retry-after', 'content-disposition']) {
      const value = answer.headers[name];
      if (typeof value === 'string') back[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, back);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><body>502 Bad Gateway</body></html>');
  });
  req.pipe(upstream);
}

/** @returns the Vite plugin that relays /report-service/… to the service, and closes it at the end */
export function reportServiceRelay(): Plugin {
  return {
    name: 'report-service-relay',
    configureServer(server) {
      server.middlewares.use(relayPath, (req, res) => {
        void service().then((running) => relay(running.url, req, res));
      });
      // Nothing listens on port 9 (discard) here: the relay answers 502 as a proxy would.
      server.middlewares.use(downPath, (req, res) => relay('http://127.0.0.1:9', req, res));
    },
    async closeBundle() {
      const server = running;
      running = undefined;
      await (await server)?.close();
    },
  };
}
