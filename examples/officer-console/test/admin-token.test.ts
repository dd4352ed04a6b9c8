// The admin page's back end against a real Victim Portal server: POST /rms/admin-token mints a
// token for this page's own script and for no other origin, the force API key never reaches the
// browser, and the relay carries the reports API with the token it is given and nothing more.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { consoleContentSecurityPolicy, startOfficerConsole, type RunningOfficerConsole } from '../src/console-server.js';

const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist/', import.meta.url));
const period = 'from=2026-11-01&to=2026-11-28';

let server: RunningServer;
let officerConsole: RunningOfficerConsole;
let apiKey: string;

beforeAll(async () => {
  server = await startServer({ port: 0, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
  apiKey = (await createTestForce(server.db)).apiKey;
  officerConsole = await startOfficerConsole({ apiUrl: server.url, apiKey, port: 0, widgetsDir });
});

afterAll(async () => {
  await officerConsole?.close();
  await server?.close();
});

function mint(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${officerConsole.url}/rms/admin-token`, { method: 'POST', headers: { Origin: officerConsole.url, ...headers } });
}

describe('the admin page back end', () => {
  it('mints an admin token for its own page, which the relayed reports API accepts, as JSON and as CSV', async () => {
    const response = await mint();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain(apiKey);
    const { token, expiresAt } = JSON.parse(text) as { token: string; expiresAt: string };
    expect(token).toMatch(/^vpa_/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    const report = await fetch(`${officerConsole.url}/v1/reports/usage?${period}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('x-request-id')).toBeTruthy();
    expect(((await report.json()) as { from: string }).from).toBe('2026-11-01');
    const csv = await fetch(`${officerConsole.url}/v1/reports/usage?${period}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split(/\r?\n/)[0]).toBe('section,key,measure,value');
  });

  it('refuses a page on another origin and a GET; an admin token reads no officer or force operation', async () => {
    expect((await mint({ Origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await fetch(`${officerConsole.url}/rms/admin-token`)).status).toBe(405);
    const { token } = (await (await mint()).json()) as { token: string };
    expect((await fetch(`${officerConsole.url}/v1/officer/cases`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await fetch(`${officerConsole.url}/v1/force/settings`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('relays the reports API adding no credential of its own, and answers a bad period with the service’s problem', async () => {
    const unsigned = await fetch(`${officerConsole.url}/v1/reports/usage?${period}`);
    expect(unsigned.status).toBe(401);
    const { token } = (await (await mint()).json()) as { token: string };
    const backwards = await fetch(`${officerConsole.url}/v1/reports/usage?from=2026-11-28&to=2026-11-01`, { headers: { Authorization: `Bearer ${token}` } });
    expect([400, 422]).toContain(backwards.status);
    expect(((await backwards.json()) as { requestId?: string }).requestId).toBeTruthy();
  });

  it('serves the admin page with the strict CSP, the dashboard bundle and its script, and links to it from the console', async () => {
    const page = await fetch(`${officerConsole.url}/admin.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
    const html = await page.text();
    expect(html).toContain('<vp-force-dashboard');
    expect(html).toContain('src="/widgets/force-dashboard.js"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain(apiKey);
    for (const asset of ['/widgets/force-dashboard.js', '/admin.js']) {
      const response = await fetch(`${officerConsole.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/javascript');
    }
    expect(await (await fetch(`${officerConsole.url}/`)).text()).toContain('href="admin.html"');
  });
});
