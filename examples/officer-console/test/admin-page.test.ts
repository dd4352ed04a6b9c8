// The admin page in Chromium, as force staff open it: <vp-force-dashboard> from its own bundle
// shows the real service's figures through the console's relay, and saves the service's CSV,
// under the console's strict Content-Security-Policy with nothing refused, axe-clean at 1024
// and 320 px wide.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForceClient } from '@victim-portal/sdk';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { startOfficerConsole, type RunningOfficerConsole } from '../src/console-server.js';

const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist/', import.meta.url));
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let officerConsole: RunningOfficerConsole;
let forceClient: ForceClient;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ port: 0, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
  const force = await createTestForce(server.db);
  forceClient = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  for (const name of ['Alex', 'Bea']) {
    await forceClient.createCase({
      crimeReference: `ADMIN/${force.slug}/${name}`,
      offence: { code: '028/01', label: 'Burglary of a home' },
      reportedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      reportedVia: 'phone_101',
      victim: { givenName: name, familyName: 'Morgan', email: `${name.toLowerCase()}@example.com`, preferredChannel: 'email', language: 'en' },
    });
  }
  officerConsole = await startOfficerConsole({ apiUrl: server.url, apiKey: force.apiKey, port: 0, widgetsDir });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await officerConsole?.close();
  await server?.close();
});

/** @returns what the page's CSP refused and its uncaught errors, collected from now on */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`csp: ${text}`));
  // An init script runs outside the page's CSP (it comes through the DevTools protocol).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} refused ${event.blockedURI}`);
    });
  });
  return problems;
}

/** @returns the WCAG 2 A/AA, 2.1 and 2.2 AA rules the page breaks (axe evaluated through the DevTools protocol, outside the CSP) */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })).violations.map((v) => v.id);
  });
}

const withoutAsOf = (csv: string) => csv.split(/\r?\n/).filter((line) => !/asof|as_of/i.test(line));

describe('the admin page in Chromium', () => {
  it("shows the service's figures and saves its CSV under the strict CSP, accessible at 1024 and 320 px", async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const problems = await watchForProblems(page);
    await page.goto(`${officerConsole.url}/admin.html`);

    await page.getByRole('heading', { name: 'Headline figures' }).waitFor({ timeout: 20_000 });
    const shownFrom = await page.locator('#period-from').inputValue();
    const shownTo = await page.locator('#period-to').inputValue();
    const report = await forceClient.usageReport({ from: shownFrom, to: shownTo });
    expect(report.invites.sent).toBe(2);
    expect(await page.locator('[data-figure="activation-rate"] .detail').textContent()).toContain('0 of the 2 invites');
    expect((await page.locator('[data-figure="sign-ins"] .value').textContent())?.trim()).toBe(String(report.signIns.signIns));
    expect(await page.getByText('Alex').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the figures (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`victim-portal-usage-${shownFrom}-to-${shownTo}.csv`);
    const saved = await readFile(await download.path(), 'utf8');
    expect(withoutAsOf(saved)).toEqual(withoutAsOf(await forceClient.usageReportCsv({ from: shownFrom, to: shownTo })));

    for (const summary of await page.locator('details > summary').all()) await summary.click();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
