// The victim's journey end to end, through every real part: the records system creates a case
// with the SDK, the dev mailbox "sends" the invite, and the victim opens the link on the
// force's website in headless Chromium (Debian's), where the drop-in script shows the case.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, VictimClient, type ForceCase } from '@victim-portal/sdk';

const require = createRequire(import.meta.url);
const siteDir = fileURLToPath(new URL('../public', import.meta.url));
const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist', import.meta.url));

let server: RunningServer;
let browser: Browser;
let forceClient: ForceClient;

beforeAll(async () => {
  server = await startServer({
    port: 0, devMailbox: true, siteDir, widgetsDir,
    databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL,
  });
  const force = await createTestForce(server.db, { name: 'Kingsmoor Constabulary', portalUrl: `${server.url}/` });
  forceClient = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function caseForVictim(email: string): Promise<ForceCase> {
  await forceClient.putOfficer('4521', { displayName: 'DC Sam Patel', rank: 'detective_constable' });
  const created = await forceClient.createCase({
    crimeReference: `KN/26/${Date.now().toString().slice(-7)}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: '2026-11-20T09:30:00Z',
    reportedVia: 'phone_101',
    officerInCharge: { collarNumber: '4521' },
    victim: { givenName: 'Alex', familyName: 'Morgan', email, preferredChannel: 'email' },
  });
  expect(created.invite.sent).toBe(true);
  await server.deliverNotifications();
  return created;
}

/** Opens the invite from the dev mailbox the way a victim opens it from their inbox. */
async function openInviteFromMailbox(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/dev/mailbox`);
  const message = page.locator('article, li, section').filter({ hasText: email }).first();
  await message.locator('a[href*="#invite="]').first().click();
  await page.waitForURL((url) => url.pathname === '/');
}

describe('a victim opens their invite on the force website', () => {
  it('sees their crime reference and the officer in charge, with no token left in the URL', async () => {
    const created = await caseForVictim('alex.morgan@example.com');
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await openInviteFromMailbox(page, 'alex.morgan@example.com');

    await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('4521').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('DC Sam Patel').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    expect(problems).toEqual([]);

    // The whole page, force site and portal together, has no accessibility violations.
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the quick exit leaves for a neutral page and ends the session on the server', async () => {
    await caseForVictim('sam.jones@example.com');
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    // The default exit page is on the internet, which tests never reach: answer it locally.
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));

    await openInviteFromMailbox(page, 'sam.jones@example.com');
    await expect.poll(() => page.getByText('DC Sam Patel').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const sessionToken = await page.evaluate(() => {
      for (let i = 0; i < sessionStorage.length; i += 1) {
        const value = sessionStorage.getItem(sessionStorage.key(i) ?? '') ?? '';
        const match = /vps_[A-Za-z0-9_-]+/.exec(value);
        if (match) return match[0];
      }
      return undefined;
    });
    expect(sessionToken).toMatch(/^vps_/);

    await page.getByRole('link', { name: /exit this page/i }).first().click();
    await page.waitForURL(/bbc\.co\.uk/);

    const victim = new VictimClient({ baseUrl: server.url, sessionToken });
    await expect.poll(async () => victim.listMyCases().then(() => 200, (error: { status: number }) => error.status), { timeout: 10_000 }).toBe(401);

    // Back on the force site in the same tab: nothing of the case is left.
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
    expect(await page.getByText('DC Sam Patel').count()).toBe(0);
    await page.close();
  });
});
