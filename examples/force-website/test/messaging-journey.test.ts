// The victim and the officer in charge talking, end to end and live: one real server, the
// force's website open as the victim (a phone) and the officer console open as the officer (a
// records system's screen) in the same headless Chromium, each in a context of its own. Neither
// page is reloaded: everything the other side does arrives by the live event stream.
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, type ForceCase } from '@victim-portal/sdk';
import { startOfficerConsole, type RunningOfficerConsole } from '../../officer-console/src/console-server.js';
import { answerWithCode, axeViolations, launchChromium, openLinkFromMailbox, openSection, servePageForForce, watchForProblems } from './browser-helpers.js';

const siteDir = fileURLToPath(new URL('../public', import.meta.url));
const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist/', import.meta.url));

let server: RunningServer;
let officerConsole: RunningOfficerConsole;
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
  // The records system's screen, on an origin of its own, holding the force's API key.
  officerConsole = await startOfficerConsole({ apiUrl: server.url, apiKey: force.apiKey, port: 0, widgetsDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await officerConsole?.close();
  await server?.close();
});

async function caseForVictim(victim: { email: string; mobile: string }): Promise<ForceCase> {
  await forceClient.putOfficer('4521', { displayName: 'DC Sam Patel', rank: 'detective_constable' });
  const created = await forceClient.createCase({
    crimeReference: `KM/26/${Date.now().toString().slice(-7)}`,
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

/** @returns the number of messages in the page's thread that hold this text */
function messagesWith(page: Page, text: string, side?: 'own' | 'theirs'): Promise<number> {
  return page.locator(side ? `li.message.${side}` : 'li.message').filter({ hasText: text }).count();
}

/** @returns whether the reader's own message holding this text says the other side read it */
function shownAsRead(page: Page, text: string): Promise<number> {
  return page.locator('li.message.own').filter({ hasText: text }).locator('p.delivery').filter({ hasText: /^Read$/ }).count();
}

describe('a victim and the officer in charge, side by side', () => {
  let victimContext: BrowserContext;
  let officerContext: BrowserContext;

  afterAll(async () => {
    await victimContext?.close();
    await officerContext?.close();
  });

  it('exchange messages live, see each other read them, and the officer sees the victim ask for an update', async () => {
    const victim = { email: 'alex.morgan@example.com', mobile: '+447700900123' };
    const created = await caseForVictim(victim);

    // The victim signs in on the force's website, on a phone.
    victimContext = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const victimPage = await victimContext.newPage();
    const victimProblems = await watchForProblems(victimPage);
    await servePageForForce(victimPage, forceSlug);
    await openLinkFromMailbox(victimPage, server, victim.email);
    await answerWithCode(victimPage, server, victim.mobile);
    await expect.poll(() => victimPage.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The thread is a section of the case of its own.
    await openSection(victimPage, 'Messages');
    await expect.poll(() => victimPage.getByText('No messages yet.').count(), { timeout: 15_000 }).toBe(1);
    expect(await victimPage.getByText('Do not use messages in an emergency. Call 999.').count()).toBe(1);

    // The officer opens the records system's screen and the case from their inbox.
    officerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const officerPage = await officerContext.newPage();
    const officerProblems = await watchForProblems(officerPage);
    await officerPage.goto(`${officerConsole.url}/?officer=4521`);
    const caseButton = officerPage.getByRole('button', { name: new RegExp(created.crimeReference.replace(/\//g, '\\/')) });
    await expect.poll(() => caseButton.count(), { timeout: 15_000 }).toBe(1);
    await caseButton.click();
    await expect.poll(() => officerPage.getByText('No messages yet.').count(), { timeout: 15_000 }).toBe(1);

    // The victim writes: it reaches the officer's open thread without a reload, and since the
    // officer has the thread in front of them, the victim sees it was read.
    const question = 'Has anyone looked at the doorbell camera footage I sent?';
    await victimPage.getByLabel('Write a message').fill(question);
    await victimPage.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => messagesWith(officerPage, question, 'theirs'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => shownAsRead(victimPage, question), { timeout: 15_000 }).toBe(1);

    // The officer replies: it reaches the victim's page, and the officer sees it was read.
    const reply = 'Yes, I watched it this morning. I will call you on Friday about next steps.';
    await officerPage.getByLabel('Reply to Alex Morgan').fill(reply);
    await officerPage.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => messagesWith(victimPage, reply, 'theirs'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => shownAsRead(officerPage, reply), { timeout: 15_000 }).toBe(1);
    expect(await messagesWith(victimPage, 'DC Sam Patel', 'theirs')).toBe(1);

    // The victim asks for an update without writing anything: the officer sees it as such.
    await victimPage.getByRole('button', { name: 'Ask for an update' }).click();
    await expect.poll(() => officerPage.locator('li.message.update-request').filter({ hasText: 'Asked for an update' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => victimPage.locator('li.message.update-request').filter({ hasText: 'You asked for an update' }).count(), { timeout: 15_000 }).toBe(1);

    // The thread as the records system sees it: the same three, in order, nothing twice.
    const thread = await forceClient.listMessages(created.id);
    expect(thread.items.map((message) => [message.kind, message.author.type])).toEqual([
      ['text', 'victim'],
      ['text', 'officer'],
      ['update_request', 'victim'],
    ]);

    // Both pages, with the thread on them, pass axe; neither broke its CSP or threw.
    expect(await axeViolations(victimPage)).toEqual([]);
    expect(await axeViolations(officerPage)).toEqual([]);
    expect(victimProblems).toEqual([]);
    expect(officerProblems).toEqual([]);

    // The victim signs out: nothing of the case is left in the browser.
    await victimPage.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => victimPage.getByRole('heading', { name: 'You have signed out' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await victimPage.getByText(question).count()).toBe(0);
    expect(await victimPage.evaluate(() => window.localStorage.length + window.sessionStorage.length)).toBe(0);
    expect(await victimContext.cookies()).toEqual([]);
    // A sign-in and three round trips between two pages: more than the
    // config's 30 s may be needed on a loaded machine (each wait above has its own limit).
  }, 120_000);
});
