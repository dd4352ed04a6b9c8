// The victim's whole journey by keyboard alone, in headless Chromium on the force's website:
// the invite link from the dev mailbox, the one-time code, their case, every section of it
// (Status, Timeline, Messages, Your report, Your rights, Support, Settings), a message to the
// officer, sign-out, and the quick exit. Only the keyboard: Tab, Shift+Tab, Enter, Space and
// typing (page.keyboard); the one page load is the mailbox. After each change of screen or
// section the test asks where focus went (into the portal's shadow tree: the new screen's
// heading, or the section opened), and every control it reaches must show that it has focus.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@victim-portal/server';
import type { ForceClient } from '@victim-portal/sdk';
import { burglaryForVictim, codeSentTo, focusedElement, servePageForForce, startTestSite, watchForProblems, type FocusedElement, type TestSite } from './browser-helpers.js';

const siteDir = fileURLToPath(new URL('../public', import.meta.url));
const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist', import.meta.url));

let site: TestSite;
let server: RunningServer;
let browser: Browser;
let forceClient: ForceClient;
let forceSlug: string;

beforeAll(async () => {
  site = await startTestSite({ siteDir, widgetsDir });
  ({ server, browser, forceClient, forceSlug } = site);
});

afterAll(() => site?.close());

/**
 * Presses `key` (Tab, or Shift+Tab to go back) until focus is on what `wanted` describes, as a
 * keyboard user moves through the page. Fails after `most` presses: the control is not reachable.
 * @returns what has focus then
 */
async function pressUntilFocused(page: Page, key: 'Tab' | 'Shift+Tab', wanted: (focused: FocusedElement) => boolean, what: string, most = 40): Promise<FocusedElement> {
  const passed: string[] = [];
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press(key);
    const focused = await focusedElement(page);
    if (focused && wanted(focused)) return focused;
    passed.push(focused ? `${focused.tag} "${focused.label ?? focused.text.slice(0, 40)}"` : '(body)');
  }
  throw new Error(`${what} was not reached with ${key} in ${most} presses; focus passed ${passed.join(', ')}`);
}

/** Moves to a control with `key` and checks that its focus can be seen (WCAG 2.4.7, 2.4.11). */
async function reachControl(page: Page, key: 'Tab' | 'Shift+Tab', wanted: (focused: FocusedElement) => boolean, what: string): Promise<FocusedElement> {
  const focused = await pressUntilFocused(page, key, wanted, what);
  expect(focused.visibleFocus, `${what} shows no focus`).toBe(true);
  return focused;
}

/** Waits until focus is where a change of screen should put it. */
async function expectFocusOn(page: Page, wanted: Partial<FocusedElement>): Promise<void> {
  await expect
    .poll(async () => {
      const focused = await focusedElement(page);
      return focused && Object.fromEntries(Object.keys(wanted).map((key) => [key, focused[key as keyof FocusedElement]]));
    }, { timeout: 15_000 })
    .toEqual(wanted);
}

const button = (name: string) => (focused: FocusedElement) => focused.tag === 'button' && focused.text === name;
const sections = ['Timeline', 'Messages', 'Your report', 'Your rights', 'Support', 'Settings', 'Status'];

describe('a victim who uses only the keyboard', () => {
  it('signs in from the invite, moves through every section of the case, messages the officer, signs out and leaves by the quick exit', async () => {
    const victim = { email: 'kai.thomas@example.com', mobile: '+447700900321' };
    const created = await burglaryForVictim(site, victim);
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const problems = await watchForProblems(page);
    await servePageForForce(page, forceSlug);
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));

    // The invite, opened from the inbox with Tab and Enter.
    await page.goto(`${server.url}/dev/mailbox`);
    await reachControl(page, 'Tab', (focused) => focused.tag === 'a' && (focused.href ?? '').includes('#invite='), 'the invite link');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');

    // The second factor: focus is on the new screen's heading, and the code field is next.
    await expectFocusOn(page, { tag: 'h2', text: 'Enter the code we sent you', inShadowTree: true });
    const code = await codeSentTo(server, victim.mobile);
    await reachControl(page, 'Tab', (focused) => focused.tag === 'input', 'the code field');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');

    // Their case: focus on its heading.
    await expectFocusOn(page, { tag: 'h2', text: 'Burglary of a home', inShadowTree: true });
    await expect.poll(() => page.getByText(created.crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Every section, from the case's navigation: forward to the first, then back up from each
    // section opened (the navigation comes before it). Enter and Space both open one.
    let direction: 'Tab' | 'Shift+Tab' = 'Tab';
    for (const [index, name] of sections.entries()) {
      await reachControl(page, direction, button(name), `the "${name}" section button`);
      await page.keyboard.press(index % 2 === 0 ? 'Enter' : ' ');
      await expectFocusOn(page, { tag: 'section', label: name, inShadowTree: true });
      await expect.poll(() => page.locator('[part="section"]').getAttribute('data-load'), { timeout: 15_000 }).toBe('ready');
      expect(await page.locator('[part="section-button"][aria-current="true"]').innerText()).toBe(name);
      direction = 'Shift+Tab';

      if (name === 'Messages') {
        // Into the section: the message box, then Send.
        await reachControl(page, 'Tab', (focused) => focused.tag === 'textarea', 'the message box');
        await page.keyboard.type('Is there any news on the CCTV from the shop opposite?');
        await reachControl(page, 'Tab', button('Send'), 'the Send button');
        await page.keyboard.press('Enter');
        await expect
          .poll(() => page.locator('li.message.own').filter({ hasText: 'CCTV from the shop opposite' }).locator('p.delivery').innerText(), { timeout: 15_000 })
          .toBe('Sent');
        // The officer's side (the records system) has it.
        const thread = await forceClient.listMessages(created.id);
        expect(thread.items.map((message) => message.body)).toContain('Is there any news on the CCTV from the shop opposite?');
        // Focus stayed in the messages (not thrown back to the top of the page).
        expect((await focusedElement(page))?.inShadowTree).toBe(true);
      }
    }

    // Sign out, from the portal's header: focus on the signed-out screen's heading.
    await reachControl(page, 'Shift+Tab', button('Sign out'), 'the Sign out button');
    await page.keyboard.press(' ');
    await expectFocusOn(page, { tag: 'h2', text: 'You have signed out', inShadowTree: true });
    expect(await page.getByText(created.crimeReference).count()).toBe(0);

    // The quick exit, the first control of the portal, by Enter.
    await reachControl(page, 'Shift+Tab', (focused) => focused.tag === 'a' && focused.text === 'Exit this page', 'the quick exit');
    await page.keyboard.press('Enter');
    await page.waitForURL(/bbc\.co\.uk/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
