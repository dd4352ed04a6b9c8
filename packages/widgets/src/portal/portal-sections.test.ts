import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { problem } from '../../test/fake-api.js';
import { bikeTheft, burglary, burglaryCrimeReport, burglaryRightsAfterDecision, burglarySupportServices, burglaryTimeline, preferences, session } from '../../test/fixtures.js';
import { control, deepActiveElement, mountPortal, openSection, waitForScreen, waitForSection, workingApi } from '../../test/portal-harness.js';
import { shownText } from '../../test/render.js';
import type { VpMessages } from '../messages/messages.js';
import { VpLanguageChangeEvent } from '../preferences/preferences-events.js';
import { useLocale } from '../shared/localization.js';
import type { VpPortal } from './portal.js';
import './portal.js';

const sectionNames = ['Status', 'Timeline', 'Messages', 'Your report', 'Your rights', 'Support', 'Settings'];

/** Each section, the element it shows, and whether that element is given the case. */
const sectionElements: [name: string, tagName: string, takesCase: boolean][] = [
  ['Status', 'vp-case-status', false],
  ['Timeline', 'vp-timeline', true],
  ['Messages', 'vp-messages', true],
  ['Your report', 'vp-crime-report', true],
  ['Your rights', 'vp-rights', true],
  ['Support', 'vp-support-services', true],
  ['Settings', 'vp-preferences', false],
];

/** A fake service with the burglary, answering every section's reads. */
function serviceWithEverything() {
  const base = `GET /v1/me/cases/${burglary.id}`;
  return workingApi([burglary, bikeTheft])
    .on(`${base}/timeline`, { status: 200, body: burglaryTimeline })
    .on(`${base}/crime-report`, { status: 200, body: burglaryCrimeReport })
    .on(`${base}/rights`, { status: 200, body: burglaryRightsAfterDecision })
    .on(`${base}/support-services`, { status: 200, body: { items: burglarySupportServices } })
    .on('GET /v1/me/preferences', { status: 200, body: preferences });
}

/** Signs in (a session kept in this tab) and opens the burglary, as a victim returning to it does. */
async function openBurglary(): Promise<{ portal: VpPortal; api: ReturnType<typeof serviceWithEverything> }> {
  sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
  const api = serviceWithEverything();
  const { portal } = await mountPortal(api);
  await waitForScreen(portal, 'Your crime reports');
  await userEvent.click(control(portal, 'Burglary of a home Crime reference KN/24/0012345, reported 3 March 2025'));
  await waitForScreen(portal, burglary.crimeType);
  return { portal, api };
}

const buttons = (portal: VpPortal) => [...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="section-button"]')];
const current = (portal: VpPortal) => buttons(portal).filter((button) => button.getAttribute('aria-current') === 'true').map((button) => button.textContent?.trim());
const section = (portal: VpPortal) => portal.shadowRoot!.querySelector<HTMLElement>('[part="section"]')!;

describe('<vp-portal> sections', () => {
  it('lists the sections in a navigation landmark, with Status open first', async () => {
    const { portal } = await openBurglary();

    const nav = portal.shadowRoot!.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Your case');
    expect([...nav.querySelectorAll('li > button')].map((button) => button.textContent?.trim())).toEqual(sectionNames);
    expect(current(portal)).toEqual(['Status']);
    expect(section(portal).getAttribute('aria-label')).toBe('Status');
    expect(shownText(section(portal))).toContain('We are investigating');
    expect(shownText(section(portal))).toContain('DC Sam Patel');
  });

  it.each(sectionElements)('%s shows <%s>, with the portal’s session', async (name, tagName, takesCase) => {
    const { portal, api } = await openBurglary();

    await openSection(portal, name);

    const element = section(portal).querySelector(tagName) as HTMLElement & { session?: unknown };
    expect(element).not.toBeNull();
    expect(current(portal)).toEqual([name]);
    if (takesCase) expect(element.getAttribute('case-id')).toBe(burglary.id);
    else expect(element.hasAttribute('case-id')).toBe(false);
    if (tagName !== 'vp-case-status') expect(element.session).toBeDefined();
    // Whatever it asked the service, it asked as the signed-in victim.
    expect(api.requests.every((request) => request.authorization === `Bearer ${session.sessionToken}`)).toBe(true);
  });

  it('is used by keyboard alone: Tab to a section, Enter or Space opens it, and focus moves into it', async () => {
    const { portal } = await openBurglary();
    buttons(portal)[0]!.focus();

    await userEvent.tab();
    expect(deepActiveElement()?.textContent?.trim()).toBe('Timeline');
    await userEvent.keyboard('{Enter}');
    await waitForSection(portal);
    expect(current(portal)).toEqual(['Timeline']);
    expect(deepActiveElement()).toBe(section(portal));
    expect(section(portal).getAttribute('aria-label')).toBe('Timeline');
    await expect.poll(() => shownText(section(portal))).toContain('A suspect was interviewed.');

    buttons(portal)[3]!.focus();
    await userEvent.keyboard(' ');
    await waitForSection(portal);
    expect(current(portal)).toEqual(['Your report']);
    expect(deepActiveElement()).toBe(section(portal));
  });

  it('shows a visible focus on the section buttons', async () => {
    const { portal } = await openBurglary();
    buttons(portal)[0]!.focus();

    await userEvent.tab();

    expect(getComputedStyle(deepActiveElement()!).backgroundColor).toBe('rgb(255, 221, 0)');
  });

  it('keeps the open section when the portal renders again or changes language, and stores nothing of it', async () => {
    const { portal } = await openBurglary();
    // eslint-disable-next-line no-restricted-globals -- proving nothing was written there
    const stored = JSON.stringify({ ...sessionStorage, ...localStorage });
    const address = location.href;

    await openSection(portal, 'Timeline');
    portal.requestUpdate();
    await portal.updateComplete;
    expect(current(portal)).toEqual(['Timeline']);
    portal.setAttribute('lang', 'cy');
    onTestFinished(() => useLocale('en'));
    await expect.poll(() => shownText(portal)).toContain('Llinell amser');

    expect(current(portal)).toEqual(['Llinell amser']);
    // eslint-disable-next-line no-restricted-globals -- proving nothing was written there
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).toBe(stored);
    expect(location.href).toBe(address);
  });

  it('switches to the language the victim saves in Settings', async () => {
    const { portal } = await openBurglary();
    await openSection(portal, 'Settings');
    onTestFinished(() => useLocale('en'));

    // As <vp-preferences> does once the service has saved Cymraeg.
    section(portal).querySelector('vp-preferences')!.dispatchEvent(new VpLanguageChangeEvent('cy'));

    expect(portal.lang).toBe('cy');
    await expect.poll(() => current(portal)).toEqual(['Gosodiadau']);
  });

  it('keeps a message being written while the victim looks at another section', async () => {
    const { portal } = await openBurglary();
    await openSection(portal, 'Messages');
    const messages = portal.shadowRoot!.querySelector<VpMessages>('vp-messages')!;
    await expect.poll(() => messages.thread?.state).toBe('ready');
    messages.thread!.draft = 'Is there any news about the glove?';

    await openSection(portal, 'Timeline');
    expect(portal.shadowRoot!.querySelector('vp-messages')).toBeNull();
    await openSection(portal, 'Messages');

    expect(portal.shadowRoot!.querySelector<VpMessages>('vp-messages')!.thread!.draft).toBe('Is there any news about the glove?');
  });

  it('signs out when the service says the session is over while a section reads', async () => {
    const { portal, api } = await openBurglary();
    api.on(`GET /v1/me/cases/${burglary.id}/timeline`, problem(401, 'unauthenticated'));

    await userEvent.click(control(portal, 'Timeline'));

    await waitForScreen(portal, 'You have been signed out');
    expect(sessionStorage.getItem('vp-session')).toBeNull();
    expect(shownText(portal)).not.toContain(burglary.crimeReference);
  });

  it('starts another case at Status', async () => {
    const { portal } = await openBurglary();
    await openSection(portal, 'Timeline');

    await userEvent.click(control(portal, 'Back to all your reports'));
    await waitForScreen(portal, 'Your crime reports');
    await userEvent.click(control(portal, 'Theft of a pedal cycle Crime reference KN/25/0000042, reported 21 June 2025'));
    await waitForScreen(portal, bikeTheft.crimeType);

    expect(current(portal)).toEqual(['Status']);
  });

  it.each(sectionNames)('keeps the quick exit and sign-out on the %s section', async (name) => {
    const { portal } = await openBurglary();

    await openSection(portal, name);

    expect(control(portal, 'Exit this page')).toBeDefined();
    expect(control(portal, 'Sign out')).toBeDefined();
  });
});

for (const width of [1024, 320]) {
  describe(`<vp-portal> sections at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each(sectionNames)('%s: no WCAG 2.2 A/AA violations, no sideways scrolling', async (name) => {
      const { portal } = await openBurglary();

      await openSection(portal, name);
      // The section's element has what it asked the service for, not just "Getting …".
      await expect.poll(() => shownText(section(portal))).not.toMatch(/^Getting|[^.]…/);

      await expectAccessible(portal);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    });

    it('every section button is on screen, at least 44 px tall, with its name on one line', async () => {
      const { portal } = await openBurglary();

      for (const button of buttons(portal)) {
        const box = button.getBoundingClientRect();
        expect.soft(box.left, button.textContent!).toBeGreaterThanOrEqual(0);
        expect.soft(box.right, button.textContent!).toBeLessThanOrEqual(width);
        expect.soft(box.height, button.textContent!).toBeGreaterThanOrEqual(44);
        expect.soft(box.height, button.textContent!).toBeLessThan(60);
      }
    });
  });
}
