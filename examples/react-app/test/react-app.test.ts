// The portal inside a React app, end to end: build.js bundles the app (React 19 and the portal's
// ESM, sharing Lit) into public/, the reference server serves it with the strict CSP it gives
// every page, the records system creates a case with the SDK, and the victim opens their
// invite in headless Chromium, signs in through <vp-portal> on the app's "Track your crime
// report" page and sees their case. The app's own header hears vp-signed-in and vp-signed-out;
// a change of page in the app and back keeps the victim signed in; the quick exit leaves. No
// CSP violation, no script error, and axe finds nothing at each step.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@victim-portal/server';
import { VictimClient, type ForceCase } from '@victim-portal/sdk';
import {
  answerWithCode, axeViolations, burglaryForVictim, openLinkFromMailbox, startTestSite, watchForProblems, type TestSite,
} from '../../force-website/test/browser-helpers.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const siteDir = `${appDir}public`;
const trackPath = '/track/';

let site: TestSite;
let server: RunningServer;
let browser: Browser;
let forceSlug: string;

beforeAll(async () => {
  // The build as a developer runs it (npm run build): a broken build fails here.
  await promisify(execFile)(process.execPath, ['build.js'], { cwd: appDir });
  site = await startTestSite({ siteDir, forceName: 'Riverford Police', portalPath: trackPath });
  ({ server, browser, forceSlug } = site);
});

afterAll(() => site?.close());

/** A burglary for a new victim, with Riverford's officer in charge; the invite is in the dev mailbox. */
const caseForVictim = (victim: { email: string; mobile: string }): Promise<ForceCase> =>
  burglaryForVictim(site, victim, { referencePrefix: 'RF', officer: { collarNumber: '3107', displayName: 'DC Priya Shah' } });

/**
 * Opens the app as the victim's browser gets it, for this test's force: the page names its
 * force in a data attribute (`riverford`); a test's force has a slug of its own.
 */
async function servePageForForce(page: Page): Promise<void> {
  await page.route((url) => url.pathname === '/' || url.pathname === trackPath, async (route) => {
    const response = await route.fetch();
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'; style-src 'self'");
    const html = await response.text();
    expect(html).toContain('data-force="riverford"');
    await route.fulfill({ response, body: html.replace('data-force="riverford"', `data-force="${forceSlug}"`) });
  });
  // The portal's default exit page is on the internet, which tests never reach: answer it locally.
  await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
}

/** Signs the victim in from their invite, through the portal on the app's page. */
async function signIn(page: Page, victim: { email: string; mobile: string }, created: ForceCase): Promise<void> {
  await openLinkFromMailbox(page, server, victim.email, trackPath);
  await expect.poll(() => page.getByText('by text message to').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await answerWithCode(page, server, victim.mobile);
  await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

/** The React header's "Sign out", which the app shows only while its portal says someone is signed in. */
function headerSignOut(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Sign out' });
}

describe('the portal inside a React app, under a strict CSP', () => {
  it('builds with esbuild into one ES module and its chunks, with no inline script and no eval', () => {
    const html = readFileSync(`${siteDir}/index.html`, 'utf8');
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    const bundle = readFileSync(`${siteDir}/app.js`, 'utf8');
    expect(bundle).not.toMatch(/\beval\(|new Function\(/);
    expect(existsSync(`${siteDir}/track/index.html`)).toBe(true);
  });

  it('signs the victim in on the app\'s page; the app hears vp-signed-in and vp-signed-out, and keeps the session across its pages', async () => {
    const victim = { email: 'alex.morgan@example.com', mobile: '+447700900123' };
    const created = await caseForVictim(victim);
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const problems = await watchForProblems(page);
    await servePageForForce(page);

    // Nobody is signed in yet: the app's header has no "Sign out".
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Riverford Police' }).count()).toBe(1);
    expect(await headerSignOut(page).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page, victim, created);
    // The portal's screens are its own (React renders none of them): the officer from the service.
    await expect.poll(() => page.getByText('DC Priya Shah').count()).toBeGreaterThan(0);
    // vp-signed-in reached the app, through React 19's `onvp-signed-in` prop.
    await expect.poll(() => headerSignOut(page).count()).toBe(1);
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Another page of the app and back: React unmounts the portal and mounts a new one, which
    // resumes the session this tab holds. Focus goes to each page's heading.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Riverford Police');
    expect(await page.locator('vp-portal').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Track your crime report' }).click();
    expect(new URL(page.url()).pathname).toBe(trackPath);
    await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await headerSignOut(page).count()).toBe(1);

    // The app's "Sign out" asks the portal, which ends the session and says vp-signed-out.
    await headerSignOut(page).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You have signed out' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => headerSignOut(page).count()).toBe(0);
    expect(await page.getByText(created.crimeReference).count()).toBe(0);
    expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('the quick exit inside the app leaves for the neutral page and ends the session on the service', async () => {
    const victim = { email: 'sam.jones@example.com', mobile: '+447700900456' };
    const created = await caseForVictim(victim);
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems = await watchForProblems(page);
    await servePageForForce(page);

    await signIn(page, victim, created);
    const sessionToken = await page.evaluate(() => /vps_[A-Za-z0-9_-]+/.exec(JSON.stringify({ ...sessionStorage }))?.[0]);
    expect(sessionToken).toMatch(/^vps_/);
    expect(problems).toEqual([]);

    await page.getByRole('link', { name: 'Exit this page' }).click();
    await page.waitForURL(/bbc\.co\.uk/);

    const victimClient = new VictimClient({ baseUrl: server.url, sessionToken });
    await expect.poll(async () => victimClient.listMyCases().then(() => 200, (error: { status: number }) => error.status), { timeout: 10_000 }).toBe(401);
    // Back on the force's app in the same tab: nothing of the case is left, and nobody is signed in.
    await page.goto(`${server.url}${trackPath}`);
    await expect.poll(() => page.getByRole('button', { name: 'Send me a new sign-in link' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);
    expect(await headerSignOut(page).count()).toBe(0);
    await page.close();
  });
});
