// A victim following their case, end to end through every real part: the records system posts
// key decisions with the SDK's ForceClient, keeps the force's support directory and listens for
// signed webhooks on an endpoint of its own; the victim signs in on the force's website in
// headless Chromium at 320 px wide (the narrowest phone WCAG asks for), reads the timeline with
// the status explained and the date of their next update, their own account of the crime, their
// rights, and the support that fits their case; asks to be referred (with the consent step),
// which reaches the records system as a signed support.referral_requested webhook; changes how
// often and when they hear; and leaves by the quick exit from a section. Every section passes
// axe, and none scrolls sideways.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, VictimClient, type CaseEvent, type ForceCase, type WebhookEvent } from '@victim-portal/sdk';
import { answerWithCode, axeViolations, launchChromium, openLinkFromMailbox, openSection, servePageForForce, watchForProblems } from './browser-helpers.js';
import { startRecordsSystemReceiver, type RecordsSystemReceiver } from './records-system-receiver.js';

const siteDir = fileURLToPath(new URL('../public', import.meta.url));
const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist', import.meta.url));

let server: RunningServer;
let browser: Browser;
let forceClient: ForceClient;
let forceSlug: string;
let receiver: RecordsSystemReceiver;
let webhookSecret = '';

/** A time this many hours before now, as the records system sends it. */
function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

/** A day as the widgets write it (UK time, "3 March 2026"). */
function dayInWords(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date(`${day}T12:00:00Z`));
}

beforeAll(async () => {
  server = await startServer({
    port: 0, devMailbox: true, siteDir, widgetsDir,
    databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL,
  });
  const force = await createTestForce(server.db, { name: 'Kingsmoor Constabulary', portalUrl: `${server.url}/` });
  forceClient = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  forceSlug = force.slug;
  // The records system's webhook endpoint, and the secret it verifies signatures with.
  receiver = await startRecordsSystemReceiver(() => webhookSecret);
  await forceClient.updateForceSettings({ webhookUrl: receiver.url });
  webhookSecret = (await forceClient.rotateWebhookSecret()).secret;
  // The force's directory: one for everyone, one for a risk flag this case does not have, one
  // for the victim's postcode area.
  await forceClient.putSupportService('victim-support', {
    name: 'Victim Support',
    description: { en: 'Free, confidential help for anyone affected by crime.' },
    contact: { phone: '01632 960 100', website: 'https://victim-support.example.org/' },
    openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '24:00' }],
  });
  await forceClient.putSupportService('kingsmoor-domestic-abuse', {
    name: 'Kingsmoor Domestic Abuse Service',
    description: { en: 'Specialist advocates for anyone experiencing domestic abuse.' },
    helps: { riskFlags: ['domestic_abuse'] },
    contact: { phone: '01632 960 245' },
  });
  await forceClient.putSupportService('kingsmoor-safer-homes', {
    name: 'Kingsmoor Safer Homes',
    description: { en: 'Free lock-fitting and home security advice for victims of crime.' },
    helps: { postcodeAreas: ['KM3'] },
    contact: { phone: '01632 960 472', email: 'visits@safer-homes.example.org' },
    openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '16:30' }],
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await receiver?.close();
});

/** A burglary reported ten days ago, with its history posted as the records system would. */
async function burglaryWithHistory(victim: { email: string; mobile: string }): Promise<{ created: ForceCase; posted: CaseEvent[] }> {
  await forceClient.putOfficer('4521', { displayName: 'DC Sam Patel', rank: 'detective_constable' });
  const created = await forceClient.createCase({
    crimeReference: `KM/26/${Date.now().toString().slice(-7)}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: hoursAgo(240),
    reportedVia: 'phone_101',
    officerInCharge: { collarNumber: '4521' },
    crimeReport: { account: 'I came home to find the back door forced and my laptop gone.', location: 'My home' },
    victim: { givenName: 'Alex', familyName: 'Morgan', preferredChannel: 'email', dateOfBirth: '1986-04-12', postcode: 'KM3 4RD', ...victim },
  });
  expect(created.invite.sent).toBe(true);
  const posted = [
    await forceClient.recordEvent(created.id, { type: 'crime_allocated', occurredAt: hoursAgo(230) }),
    await forceClient.recordEvent(created.id, { type: 'suspect_arrested', occurredAt: hoursAgo(72), told: { toldAt: hoursAgo(70), method: 'phone' } }),
    await forceClient.recordEvent(created.id, { type: 'suspect_interviewed', occurredAt: hoursAgo(68), told: { toldAt: hoursAgo(66), method: 'phone' } }),
    await forceClient.recordEvent(created.id, {
      type: 'released_under_investigation',
      occurredAt: hoursAgo(20),
      officerText: 'He has been released while we examine the doorbell camera footage.',
    }),
  ];
  await server.deliverNotifications();
  return { created, posted };
}

/** @returns whether the page is wider than the viewport (content scrolling sideways) */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** @returns the victim's session token, as the widget keeps it in this tab's sessionStorage */
function sessionTokenOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const match = /vps_[A-Za-z0-9_-]+/.exec(sessionStorage.getItem(sessionStorage.key(i) ?? '') ?? '');
      if (match) return match[0];
    }
    return undefined;
  });
}

/** Waits for the records system to have accepted a webhook of this type, and returns it. */
async function webhookOfType(type: WebhookEvent['type'], caseId: string): Promise<WebhookEvent> {
  let found: WebhookEvent | undefined;
  await expect
    .poll(async () => {
      await server.deliverNotifications();
      found = receiver.accepted.find((event) => event.type === type && event.data.caseId === caseId);
      return found !== undefined;
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

describe('a victim follows their case on a phone', () => {
  it('reads the timeline, their report, rights and support, asks to be referred, changes their preferences, and leaves by the quick exit', async () => {
    const victim = { email: 'alex.morgan@example.com', mobile: '+447700900123' };
    const { created, posted } = await burglaryWithHistory(victim);
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems = await watchForProblems(page);
    await servePageForForce(page, forceSlug);
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));

    await openLinkFromMailbox(page, server, victim.email);
    await answerWithCode(page, server, victim.mobile);
    await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const victimClient = new VictimClient({ baseUrl: server.url, sessionToken: await sessionTokenOf(page) });

    // The timeline: every event the records system posted, in the victim's words, the officer's
    // own words, the status explained, and when the next update is due.
    await openSection(page, 'Timeline');
    await expect.poll(() => page.getByRole('heading', { name: 'What has happened so far' }).count(), { timeout: 15_000 }).toBe(1);
    for (const event of posted) expect(await page.getByText(event.victimText).count(), event.type).toBeGreaterThan(0);
    expect(await page.getByText('He has been released while we examine the doorbell camera footage.').count()).toBe(1);
    const timeline = await victimClient.timeline(created.id);
    expect(timeline.status).toBe('under_investigation');
    expect(await page.getByText(timeline.explanation.title).count()).toBeGreaterThan(0);
    expect(await page.getByText(timeline.explanation.meaning).count()).toBeGreaterThan(0);
    expect(timeline.nextUpdateDue).not.toBeNull();
    expect(await page.getByText(`Your next update is due by ${dayInWords(timeline.nextUpdateDue!)}.`).count()).toBe(1);
    // Opening the timeline told the victim of the release: the records system sees the duty met.
    const released = (await forceClient.events(created.id)).find((event) => event.type === 'released_under_investigation');
    expect([released?.toldBy, released?.duty]).toEqual(['portal', 'met']);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Their own account of the crime, as the force recorded it.
    await openSection(page, 'Your report');
    await expect.poll(() => page.getByRole('heading', { name: 'Your account, as we recorded it' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('I came home to find the back door forced and my laptop gone.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Their rights at this stage of the case.
    await openSection(page, 'Your rights');
    await expect.poll(() => page.getByRole('heading', { name: 'Your rights as a victim of crime' }).count(), { timeout: 15_000 }).toBe(1);
    const rights = await victimClient.rights(created.id);
    expect(rights.code.rights.length).toBeGreaterThan(0);
    for (const right of rights.code.rights) expect(await page.getByText(right.title, { exact: true }).count(), right.title).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Support: the services that fit (everyone's, and the victim's postcode area), not the one
    // for a risk flag the case does not have.
    await openSection(page, 'Support');
    await expect.poll(() => page.getByRole('heading', { name: 'Kingsmoor Safer Homes' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('heading', { name: 'Victim Support' }).count()).toBe(1);
    expect(await page.getByText('Kingsmoor Domestic Abuse Service').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Asking to be referred: nothing is sent until the victim agrees to what is shared.
    await page.getByRole('button', { name: 'Ask the police to refer me to Kingsmoor Safer Homes' }).click();
    await page.getByRole('button', { name: 'Ask for the referral' }).click();
    await expect.poll(() => page.getByText('Tick the box to agree to your details being shared').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await forceClient.caseSupportReferrals(created.id)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('I agree to the police sharing these details with Kingsmoor Safer Homes').check();
    await page.getByRole('button', { name: 'Ask for the referral' }).click();
    // Said where the button was (and announced in a live region, which holds the same words).
    await expect.poll(() => page.locator('[part="referral"]').filter({ hasText: /^Referral requested on / }).count(), { timeout: 15_000 }).toBe(1);
    // The records system hears of it by a signed webhook, with the 2-working-day deadline.
    const requested = await webhookOfType('support.referral_requested', created.id);
    expect(requested.data.crimeReference).toBe(created.crimeReference);
    expect(requested.data.referral).toMatchObject({ serviceKey: 'kingsmoor-safer-homes', serviceName: 'Kingsmoor Safer Homes', referredAt: null });
    const [referral] = await forceClient.caseSupportReferrals(created.id);
    expect(referral?.id).toBe(requested.data.referral?.id);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Preferences: updates every two weeks, and no texts or emails late in the evening.
    await openSection(page, 'Settings');
    await expect.poll(() => page.getByRole('button', { name: 'Save your preferences' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Every 2 weeks', { exact: true }).check();
    await page.getByLabel('Yes, not between certain times').check();
    await page.getByLabel('Not from').fill('21:00');
    await page.getByLabel('Until').fill('07:30');
    await page.getByRole('button', { name: 'Save your preferences' }).click();
    await expect.poll(() => page.getByText('Your preferences have been saved.').count(), { timeout: 15_000 }).toBe(1);
    const changed = await webhookOfType('preferences.updated', created.id);
    expect(changed.data.preferences).toMatchObject({ updateEveryDays: 14, quietHours: { from: '21:00', until: '07:30' } });
    expect(await victimClient.preferences()).toMatchObject({ updateEveryDays: 14, quietHours: { from: '21:00', until: '07:30' } });
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Every webhook the records system got was signed with the force's secret.
    expect(receiver.refused).toEqual([]);
    expect(problems).toEqual([]);

    // The quick exit, from this section: a neutral page, and the session ended on the server.
    await page.getByRole('link', { name: /exit this page/i }).first().click();
    await page.waitForURL(/bbc\.co\.uk/);
    await expect.poll(async () => victimClient.listMyCases().then(() => 200, (error: { status: number }) => error.status), { timeout: 10_000 }).toBe(401);
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
    expect(await page.getByText(created.crimeReference).count()).toBe(0);
    await page.close();
    // One sign-in and five sections, each read, checked with axe and acted on: more than the
    // config's 30 s on a loaded machine (each wait above has its own limit).
  }, 120_000);
});
