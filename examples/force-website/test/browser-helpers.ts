// What the end-to-end journeys share: Chromium, the victim's way in (the invite in the dev
// mailbox, the one-time code), and the checks every page passes (axe, CSP). The same steps as
// both journey files, taking the server and force they act on as arguments.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce } from '@victim-portal/server/testing';
import { ForceClient, type ForceCase } from '@victim-portal/sdk';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's headless Chromium (CHROMIUM_PATH overrides), quiet about the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** What a browser test runs against: the reference service serving a site, a force of the test's own, and Chromium. */
export interface TestSite {
  server: RunningServer;
  browser: Browser;
  forceClient: ForceClient;
  forceSlug: string;
  close(): Promise<void>;
}

/**
 * Starts the reference service (PGlite in memory, or DATABASE_URL) serving `siteDir` and, when
 * given, the widgets' build at /widgets/; creates a force whose portal is at `portalPath`; and
 * launches Chromium.
 */
export async function startTestSite(options: { siteDir: string; widgetsDir?: string; forceName?: string; portalPath?: string }): Promise<TestSite> {
  const server = await startServer({
    port: 0, devMailbox: true, siteDir: options.siteDir, widgetsDir: options.widgetsDir,
    databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL,
  });
  const force = await createTestForce(server.db, { name: options.forceName ?? 'Kingsmoor Constabulary', portalUrl: `${server.url}${options.portalPath ?? '/'}` });
  const browser = await launchChromium();
  return {
    server, browser, forceSlug: force.slug,
    forceClient: new ForceClient({ baseUrl: server.url, apiKey: force.apiKey }),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A burglary reported on 101, for a new victim, with its officer in charge; the records system
 * creates it and the invite email is delivered to the dev mailbox.
 * @returns the case as created
 */
export async function burglaryForVictim(
  site: TestSite,
  victim: { email: string; mobile: string },
  { referencePrefix = 'KB', officer = { collarNumber: '4521', displayName: 'DC Sam Patel' } } = {},
): Promise<ForceCase> {
  await site.forceClient.putOfficer(officer.collarNumber, { displayName: officer.displayName, rank: 'detective_constable' });
  const created = await site.forceClient.createCase({
    crimeReference: `${referencePrefix}/26/${Date.now().toString().slice(-7)}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: '2026-11-20T09:30:00Z',
    reportedVia: 'phone_101',
    officerInCharge: { collarNumber: officer.collarNumber },
    victim: { givenName: 'Alex', familyName: 'Morgan', preferredChannel: 'email', ...victim },
  });
  expect(created.invite.sent).toBe(true);
  await site.server.deliverNotifications();
  return created;
}

/**
 * Opens the force's page as the victim's browser gets it. The demo's pages name their force
 * `kingsmoor`; a test's force has a slug of its own, so the pages at `paths` are given that one.
 */
export async function servePageForForce(page: Page, forceSlug: string, paths: readonly string[] = ['/', '/index.html']): Promise<void> {
  await page.route((url) => paths.includes(url.pathname), async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain('force="kingsmoor"');
    await route.fulfill({ response, body: html.replace('force="kingsmoor"', `force="${forceSlug}"`) });
  });
}

/**
 * Opens the newest link "sent" to this address from the dev mailbox, as a victim opens it from their inbox.
 * @param landingPath the path of the force's page the link opens (its portal URL), `/` by default
 */
export async function openLinkFromMailbox(page: Page, server: RunningServer, email: string, landingPath = '/'): Promise<void> {
  await page.goto(`${server.url}/dev/mailbox`);
  const message = page.locator('article, li, section').filter({ hasText: email }).first();
  await message.locator('a[href*="#invite="]').first().click();
  await page.waitForURL((url) => url.pathname === landingPath);
}

/** @returns the newest one-time code the dev mailbox "sent" to this number */
export async function codeSentTo(server: RunningServer, mobile: string): Promise<string> {
  await server.deliverNotifications();
  const message = server.mailbox?.messages().find((candidate) => candidate.to === mobile && /\b\d{6}\b/.test(candidate.body));
  const code = message ? /\b(\d{6})\b/.exec(message.body)?.[1] : undefined;
  if (!code) throw new Error(`no code was sent to ${mobile}`);
  return code;
}

/** Enters the one-time code sent by text message, as a victim pastes it (with a space). */
export async function answerWithCode(page: Page, server: RunningServer, mobile: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Enter the code we sent you' }).count(), { timeout: 15_000 }).toBe(1);
  const code = await codeSentTo(server, mobile);
  const input = page.getByLabel('Code', { exact: true });
  expect(await input.getAttribute('autocomplete')).toBe('one-time-code');
  await input.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await input.press('Enter');
}

/** @returns the ids of the WCAG 2 A/AA, 2.1 and 2.2 AA rules the page breaks */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's own CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return result.violations.map((v) => v.id);
  });
}

/**
 * Collects what the page's Content-Security-Policy refused, and uncaught errors, from now on.
 * @returns the list, filled as they happen
 */
export async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  // Reported by the browser as an event too (an init script runs before the page's own, and
  // outside its CSP, being added through the DevTools protocol).
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} refused ${event.blockedURI}`);
    });
  });
  return problems;
}

/** Opens a section of the case (Status, Timeline, Messages…) from the portal's navigation. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Your case' }).getByRole('button', { name, exact: true }).click();
}

/** The element that has focus, looked for inside shadow roots too, as a test sees it. */
export interface FocusedElement {
  /** Lower-case tag name, e.g. `button`, `h2`, `section`. */
  tag: string;
  /** Its text, trimmed, spaces collapsed. */
  text: string;
  /** Its aria-label, if any. */
  label: string | null;
  /** Its `part` attribute, if any (how the widgets name their pieces). */
  part: string | null;
  /** Its href, for a link. */
  href: string | null;
  /** Whether it is inside a shadow root (a widget) rather than the page's own document. */
  inShadowTree: boolean;
  /** Whether the focus can be seen: an outline that is not transparent, or a box shadow (GOV.UK's bar). */
  visibleFocus: boolean;
}

/**
 * `document.activeElement` stops at a shadow host; this follows it into the widget.
 * @returns what has focus, or undefined while nothing does (the body)
 */
export function focusedElement(page: Page): Promise<FocusedElement | undefined> {
  return page.evaluate(() => {
    let element = document.activeElement;
    let inShadowTree = false;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
      inShadowTree = true;
    }
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !/rgba\(.*, 0\)$|transparent/.test(style.outlineColor);
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: element.getAttribute('aria-label'),
      part: element.getAttribute('part'),
      href: element.getAttribute('href'),
      inShadowTree,
      visibleFocus: outline || style.boxShadow !== 'none',
    };
  });
}
