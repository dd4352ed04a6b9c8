// The officer console's back end against a real Victim Portal server: the token route mints
// for an officer the force has and for nobody else, the force API key never reaches the
// browser, the relay carries only the officer API, and every page has the strict CSP.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce, createTestOfficer } from '@victim-portal/server/testing';
import { consoleContentSecurityPolicy, startOfficerConsole, type RunningOfficerConsole } from '../src/console-server.js';

const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist/', import.meta.url));

let server: RunningServer;
let officerConsole: RunningOfficerConsole;
let apiKey: string;
let collarNumber: string;

beforeAll(async () => {
  server = await startServer({ port: 0, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
  const force = await createTestForce(server.db);
  apiKey = force.apiKey;
  collarNumber = (await createTestOfficer(server.db, force.forceId)).collarNumber;
  officerConsole = await startOfficerConsole({ apiUrl: server.url, apiKey, port: 0, widgetsDir });
});

afterAll(async () => {
  await officerConsole?.close();
  await server?.close();
});

function mint(body: unknown): Promise<Response> {
  return fetch(`${officerConsole.url}/rms/officer-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the officer console back end', () => {
  it('mints a token for a known officer, which the relayed officer API accepts', async () => {
    const response = await mint({ collarNumber });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain(apiKey);
    const { token, expiresAt } = JSON.parse(text) as { token: string; expiresAt: string };
    expect(token).toMatch(/^vpo_/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    const cases = await fetch(`${officerConsole.url}/v1/officer/cases`, { headers: { Authorization: `Bearer ${token}` } });
    expect(cases.status).toBe(200);
    expect(((await cases.json()) as { officer: { collarNumber: string } }).officer.collarNumber).toBe(collarNumber);
  });

  it('refuses an officer the force does not have, a malformed collar number and a GET', async () => {
    expect((await mint({ collarNumber: 'NOSUCH1' })).status).toBe(403);
    expect((await mint({ collarNumber: '../../v1/cases' })).status).toBe(400);
    expect((await mint('not an object')).status).toBe(400);
    expect((await fetch(`${officerConsole.url}/rms/officer-token`)).status).toBe(405);
  });

  it('relays the officer and reports APIs only, adding no credential of its own', async () => {
    // Without a token the service refuses: the relay did not lend the force key.
    expect((await fetch(`${officerConsole.url}/v1/officer/cases`)).status).toBe(401);
    // The force's own operations are not relayed at all, even with the key.
    const forceRoute = await fetch(`${officerConsole.url}/v1/force/settings`, { headers: { Authorization: `Bearer ${apiKey}` } });
    expect(forceRoute.status).toBe(404);
  });

  it('serves the page with a strict CSP, the officer widget bundle, and nothing outside its folders', async () => {
    const page = await fetch(`${officerConsole.url}/?officer=${collarNumber}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
    expect(consoleContentSecurityPolicy).toContain("script-src 'self'");
    expect(consoleContentSecurityPolicy).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).toContain('<vp-officer-inbox');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toContain(apiKey);
    const bundle = await fetch(`${officerConsole.url}/widgets/officer-inbox.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${officerConsole.url}/widgets/..%2frollup.config.js`)).status).toBe(404);
    expect((await fetch(`${officerConsole.url}/..%2fsrc%2fconsole-server.js`)).status).toBe(404);
  });
});
