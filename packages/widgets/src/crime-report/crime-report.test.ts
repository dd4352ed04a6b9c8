import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { FakeApi, networkFailure, problem, type FakeAnswer } from '../../test/fake-api.js';
import { burglary, burglaryCrimeReport } from '../../test/fixtures.js';
import { bearer, signedIn } from '../../test/info-harness.js';
import { apiBase } from '../../test/portal-harness.js';
import { mount, shownText } from '../../test/render.js';
import type { VpCrimeReport } from './crime-report.js';
import './crime-report.js';

const route = `GET /v1/me/cases/${burglary.id}/crime-report`;

async function mountReport(answer: FakeAnswer | (() => Promise<FakeAnswer>) = { status: 200, body: burglaryCrimeReport }, attributes: Record<string, string> = {}) {
  signedIn();
  const api = new FakeApi().on(route, answer);
  const element = await mount('vp-crime-report', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': burglary.id, ...attributes });
  await expect.poll(() => element.state, { timeout: 5000 }).not.toBe('loading');
  await element.updateComplete;
  return { element, api };
}

/** @returns the facts as "term: value" */
function facts(element: VpCrimeReport): string[] {
  return [...element.shadowRoot!.querySelectorAll('.fact')].map((fact) => `${fact.querySelector('dt')!.textContent}: ${shownText(fact.querySelector('dd')!)}`);
}

describe('<vp-crime-report>', () => {
  it('shows when and where it happened and the report, read-only', async () => {
    const { element, api } = await mountReport();

    expect(facts(element)).toEqual([
      'When it happened: Between 2 March 2025 at 22:00 and 3 March 2025 at 07:30',
      'Where it happened: My home, through the back door',
      'Crime reference: KN/24/0012345',
      'Crime: Burglary of a home',
      'Date reported: 3 March 2025',
      'How you reported it: By phone, on 101',
    ]);
    expect(element.shadowRoot!.querySelectorAll('input, textarea, select, [contenteditable]')).toHaveLength(0);
    expect(api.requestsTo(route)[0]!.authorization).toBe(bearer);
  });

  it('shows the account as recorded, line breaks kept, as text', async () => {
    const { element } = await mountReport({ status: 200, body: { ...burglaryCrimeReport, account: 'Line one\n<b>not bold</b>' } });

    const account = element.shadowRoot!.querySelector('[part="account"]')!;
    expect(account.textContent).toBe('Line one\n<b>not bold</b>');
    expect(account.querySelector('b')).toBeNull();
    expect(getComputedStyle(account).whiteSpace).toBe('pre-line');
  });

  it('says how to ask for a correction: through the officer in charge', async () => {
    const { element } = await mountReport();

    const correction = shownText(element.shadowRoot!.querySelector('[part="correction"]')!);
    expect(correction).toContain('If anything here is wrong or missing, ask the officer in charge of your case to correct it');
    expect(correction).toContain('call 101');
  });

  it('gives one time when the crime happened at a known moment, and leaves out what the force did not record', async () => {
    const body = { ...burglaryCrimeReport, incidentUntil: null, location: null, account: null };
    const { element } = await mountReport({ status: 200, body });

    expect(facts(element)[0]).toBe('When it happened: 2 March 2025 at 22:00');
    expect(facts(element).some((fact) => fact.startsWith('Where it happened'))).toBe(false);
    expect(shownText(element)).toContain('Your account cannot be shown here.');
  });

  it('marks the crime type, which the service sends in English, as English on a Welsh page', async () => {
    const { element } = await mountReport(undefined, { lang: 'cy' });

    await expect.poll(() => shownText(element)).toContain('Beth ddywedoch chi wrthym');
    const crimeType = [...element.shadowRoot!.querySelectorAll('dd')].find((value) => value.textContent === 'Burglary of a home');
    expect(crimeType?.lang).toBe('en');
  });

  it('switches its own words to Welsh without asking the service again: the report is in no one language', async () => {
    const { element, api } = await mountReport();

    element.lang = 'cy';

    await expect.poll(() => shownText(element)).toContain('Beth ddywedoch chi wrthym');
    expect(api.requestsTo(route)).toHaveLength(1);
    expect(shownText(element)).toContain('Burglary of a home');
  });

  it('offers to try again when the service cannot be reached', async () => {
    const { element } = await mountReport(networkFailure);

    expect(shownText(element)).toContain('We could not get your crime report just now.');
    expect(element.shadowRoot!.querySelector('[part="retry-button"]')).not.toBeNull();
  });

  it('says there is nothing to show for a case the service does not give this victim', async () => {
    const { element } = await mountReport(problem(404, 'not-found'));

    expect(shownText(element)).toContain('There is nothing to show for this case.');
  });

  it('forgets the report on the quick exit', async () => {
    const { element } = await mountReport();

    window.dispatchEvent(new Event('vp-quick-exit'));
    await element.updateComplete;

    expect(shownText(element)).not.toContain('back door');
  });
});

for (const width of [1024, 320]) {
  describe(`<vp-crime-report> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it('no WCAG 2.2 A/AA violations, no sideways scrolling', async () => {
      const { element } = await mountReport();

      await expectAccessible(element);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    });
  });
}
