// The victim's journey end to end, through every real part: the records system creates a case
// with the SDK, the dev mailbox "sends" the invite and the one-time code, and the victim opens
// the link on the force's website in headless Chromium (Debian's), answers the second factor,
// and the drop-in script shows the case. Also: the quick exit, and a returning victim asking
// for a new sign-in link.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, VictimClient, type ForceCase } from '@victim-portal/sdk';
import { answerWithCode, axeViolations, launchChromium, openLinkFromMailbox, servePageForForce } from './browser-helpers.js';

const siteDir = fileURLToPath(new URL('../public', import.meta.url));
const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist', import.meta.url));

let server: RunningServer;
let browser: Browser;
let forceClient: ForceClient;
let forceSlug: string;

beforeAll(async () => {
  server = await startServer({
    port: 0, devMailbox: true, siteDir, widgetsDir,
    databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL,
  });
  const force = await createTestForce(server.db, { name: 'Kingsmoor Constabulary', portalUrl: `${server.url}/` });
  forceClient = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  forceSlug = force.slug;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Victim {
  email: string;
  mobile: string;
  dateOfBirth?: string;
}

async function caseForVictim(victim: Victim): Promise<ForceCase> {
  await forceClient.putOfficer('4521', { displayName: 'DC Sam Patel', rank: 'detective_constable' });
  const created = await forceClient.createCase({
    crimeReference: `KN/26/${Date.now().toString().slice(-7)}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: '2026-11-20T09:30:00Z',
    reportedVia: 'phone_101',
    officerInCharge: { collarNumber: '4521' },
    victim: { givenName: 'Alex', familyName: 'Morgan', preferredChannel: 'email', ...victim },
  });
  expect(created.invite.sent).toBe(true);
  await server.deliverNotifications();
  return created;
}

describe('a victim opens their invite on the force website', () => {
  it('answers the one-time code sent to their phone, then sees their crime reference and the officer in charge', async () => {
    const victim = { email: 'alex.morgan@example.com', mobile: '+447700900123' };
    const created = await caseForVictim(victim);
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await servePageForForce(page, forceSlug);

    await openLinkFromMailbox(page, server, victim.email);
    // The token left the address bar at once, and opening the link used nothing up.
    // Asked of the page itself: Playwright's page.url() learns of history.replaceState by an
    // event that can arrive after goto() has resolved.
    expect(await page.evaluate(() => location.hash)).toBe('');
    await expect.poll(() => page.getByText('by text message to').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByText(victim.mobile).count()).toBe(0);
    // The second-factor screen, force site and portal together, has no accessibility violations.
    expect(await axeViolations(page)).toEqual([]);

    await answerWithCode(page, server, victim.mobile);

    await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('4521').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('DC Sam Patel').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers with their date of birth, then the quick exit leaves for a neutral page and ends the session on the server', async () => {
    await forceClient.updateForceSettings({ secondFactor: 'date_of_birth' });
    const victim = { email: 'sam.jones@example.com', mobile: '+447700900456', dateOfBirth: '1988-04-27' };
    await caseForVictim(victim);
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await servePageForForce(page, forceSlug);
    // The default exit page is on the internet, which tests never reach: answer it locally.
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));

    try {
      await openLinkFromMailbox(page, server, victim.email);
      await expect.poll(() => page.getByRole('group', { name: 'What is your date of birth?' }).count(), { timeout: 15_000 }).toBe(1);
      // A wrong date first: the service counts it and the page says so.
      await page.getByLabel('Day').fill('1');
      await page.getByLabel('Month').fill('1');
      await page.getByLabel('Year').fill('1990');
      await page.getByLabel('Year').press('Enter');
      await expect.poll(() => page.getByText('does not match').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.getByLabel('Day').fill('27');
      await page.getByLabel('Month').fill('4');
      await page.getByLabel('Year').fill('1988');
      await page.getByLabel('Year').press('Enter');
      await expect.poll(() => page.getByText('DC Sam Patel').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await forceClient.updateForceSettings({ secondFactor: 'one_time_code' });
    }
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

    const victimClient = new VictimClient({ baseUrl: server.url, sessionToken });
    await expect.poll(async () => victimClient.listMyCases().then(() => 200, (error: { status: number }) => error.status), { timeout: 10_000 }).toBe(401);

    // Back on the force site in the same tab: nothing of the case is left.
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
    expect(await page.getByText('DC Sam Patel').count()).toBe(0);
    await page.close();
  });

  it('a returning victim whose invite was used asks for a new sign-in link, and signs in with it', async () => {
    const victim = { email: 'jo.evans@example.com', mobile: '+447700900789' };
    const created = await caseForVictim(victim);
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await servePageForForce(page, forceSlug);

    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Send me a new sign-in link' }).click();
    await page.getByLabel('Email address or mobile phone number').fill(victim.email);
    await page.getByLabel('Email address or mobile phone number').press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email and text messages' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await server.deliverNotifications();
    await openLinkFromMailbox(page, server, victim.email);
    await answerWithCode(page, server, victim.mobile);
    await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You have signed out' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
    await page.close();
  });
});
