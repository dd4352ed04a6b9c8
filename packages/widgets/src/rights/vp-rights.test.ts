import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { FakeApi, problem } from '../../test/fake-api.js';
import { burglary, burglaryRightsAfterDecision, victimsCode } from '../../test/fixtures.js';
import { allInside, apiBase, bearer, consoleWarnings, deepActiveElement, inside, signedIn, tabTo, languageSettled } from '../../test/info-harness.js';
import { mount, shownText } from '../../test/render.js';
import type { VpRights } from './vp-rights.js';
import '../quick-exit/quick-exit.js';
import './vp-rights.js';

const caseRights = `GET /v1/me/cases/${burglary.id}/rights`;
const publicCode = 'GET /v1/victims-code';

function serviceWithRights(): FakeApi {
  return new FakeApi().on(caseRights, { status: 200, body: burglaryRightsAfterDecision }).on(publicCode, { status: 200, body: victimsCode });
}

async function mountRights(api = serviceWithRights(), attributes: Record<string, string> = { 'case-id': burglary.id }, properties: Partial<VpRights> = {}): Promise<VpRights> {
  const element = await mount('vp-rights', { fetch: api.fetch, ...properties }, { 'api-base': apiBase, ...attributes });
  await expect.poll(() => element.rights.state).not.toBe('loading');
  await languageSettled();
  await element.updateComplete;
  return element;
}

describe('<vp-rights>', () => {
  it("shows the case's rights as closed disclosures, and the Right to Review with the date to ask by", async () => {
    signedIn();
    const api = serviceWithRights();
    const element = await mountRights(api);

    const [request] = api.requestsTo(caseRights);
    expect(request!.authorization).toBe(bearer);
    expect(new URL(request!.url).searchParams.get('lang')).toBe('en');
    const review = inside(element, '[part="right-to-review"]');
    expect(shownText(review)).toContain('On 6 May 2025 the police decided to take no further action against the suspect.');
    expect(shownText(review)).toContain('Ask by 6 August 2025.');
    expect(review.querySelector('a')!.href).toBe(burglaryRightsAfterDecision.rightToReview!.url);
    const rights = allInside<HTMLDetailsElement>(element, 'details');
    expect(rights).toHaveLength(6);
    expect(rights.every((right) => !right.open)).toBe(true);
    expect(shownText(rights[3]!.querySelector('summary')!)).toBe(`Right 4: ${victimsCode.rights[3]!.title}`);
  });

  it('opens a right by keyboard to show its summary and a link to the full text in the same tab', async () => {
    signedIn();
    const element = await mountRights();
    const summary = allInside(element, 'summary')[0]!;
    await tabTo(summary, deepActiveElement);
    await userEvent.keyboard('{Enter}');
    const details = summary.parentElement as HTMLDetailsElement;
    expect(details.open).toBe(true);
    expect(shownText(details)).toContain('What right 1 means for you.');
    await userEvent.keyboard('{Tab}');
    const link = deepActiveElement() as HTMLAnchorElement;
    expect(link.href).toBe(victimsCode.rights[0]!.url);
    expect(link.target).toBe('');
    expect(shownText(link)).toBe(`Read the full text of Right 1 : ${victimsCode.rights[0]!.title}`);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard(' ');
    expect(details.open).toBe(false);
  });

  it('without a case-id shows the whole public Code, asking without a session', async () => {
    signedIn();
    const api = serviceWithRights();
    const element = await mountRights(api, {});
    expect(api.requestsTo(caseRights)).toEqual([]);
    const [request] = api.requestsTo(publicCode);
    expect(request!.authorization).toBeNull();
    expect(allInside(element, 'details')).toHaveLength(12);
    expect(element.shadowRoot!.querySelector('[part="right-to-review"]')).toBeNull();
    expect(shownText(element)).toContain("The Victims' Code gives every victim of crime in England and Wales 12 rights.");
    expect(inside<HTMLAnchorElement>(element, '[part="code-link"]').href).toBe(victimsCode.url);
  });

  it('asks for the rights in Welsh on a Welsh page, and marks the service words with their language', async () => {
    signedIn();
    document.documentElement.lang = 'cy';
    const api = serviceWithRights().on(publicCode, { status: 200, body: { ...victimsCode, language: 'cy' } });
    const element = await mountRights(api, {});
    expect(new URL(api.requestsTo(publicCode).at(-1)!.url).searchParams.get('lang')).toBe('cy');
    await expect.poll(() => shownText(allInside(element, 'summary')[0]!)).toMatch(/^Hawl 1:/);
    expect(allInside(element, 'summary span')[0]!.getAttribute('lang')).toBe('cy');
  });

  it('asks again in the new language when the page changes language', async () => {
    signedIn();
    const api = serviceWithRights();
    await mountRights(api);
    document.documentElement.lang = 'cy';
    await expect.poll(() => api.requestsTo(caseRights).map((request) => new URL(request.url).searchParams.get('lang'))).toEqual(['en', 'cy']);
  });

  it('asks the signed-out victim to sign in, and asks the service nothing', async () => {
    const api = serviceWithRights();
    const element = await mount('vp-rights', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': burglary.id });
    await languageSettled();
    await element.updateComplete;
    expect(shownText(element)).toContain('Sign in to see the rights that apply to your case.');
    expect(api.requests).toEqual([]);
  });

  it('says the connection failed with the reference to quote, and "Try again" asks again', async () => {
    signedIn();
    const api = serviceWithRights().on(caseRights, problem(500, 'internal'));
    const element = await mountRights(api);
    expect(shownText(element)).toContain('We could not get your rights just now.');
    expect(shownText(element)).toContain('give this reference: req_test_1');
    api.on(caseRights, { status: 200, body: burglaryRightsAfterDecision });
    inside(element, 'button').click();
    await expect.poll(() => allInside(element, 'details')).toHaveLength(6);
  });

  it('says there is nothing to show for a case the service does not give this victim', async () => {
    signedIn();
    const element = await mountRights(serviceWithRights().on(caseRights, problem(404, 'not-found')));
    expect(shownText(element)).toContain('There are no rights to show for this case. If you think this is wrong, call 101.');
  });

  it('forgets the session and tells the page when the service says it is over', async () => {
    signedIn();
    let ended = 0;
    const element = await mountRights(serviceWithRights().on(caseRights, problem(401, 'unauthenticated')), { 'case-id': burglary.id }, { sessionEnded: () => ended++ });
    expect(ended).toBe(1);
    expect(sessionStorage.length).toBe(0);
    expect(shownText(element)).toContain('Sign in to see the rights');
  });

  it('asks nothing for a case-id that is not a case id, and says why in the console', async () => {
    signedIn();
    const api = serviceWithRights();
    const warnings = await consoleWarnings(async () => {
      await mount('vp-rights', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': '../../v1/cases' });
    });
    expect(api.requests).toEqual([]);
    expect(warnings.join('\n')).toContain('case-id "../../v1/cases" is not a case id');
  });

  it('leaves by the quick-exit shortcut from inside an open right, forgetting the rights', async () => {
    signedIn();
    const left: string[] = [];
    await mount('vp-quick-exit', { navigate: (url: string) => void left.push(url) });
    const element = await mountRights();
    const summary = allInside(element, 'summary')[0]!;
    await tabTo(summary, deepActiveElement);
    await userEvent.keyboard('{Enter}{Tab}');
    expect(deepActiveElement()?.localName).toBe('a');
    await userEvent.keyboard('{Escape}{Escape}');
    expect(left).toHaveLength(1);
    await element.updateComplete;
    expect(allInside(element, 'details')).toHaveLength(0);
  });

  it('keeps nothing of the case on the quick exit', async () => {
    signedIn();
    const element = await mountRights();
    window.dispatchEvent(new Event('vp-quick-exit'));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="right-to-review"]')).toBeNull();
    expect(allInside(element, 'details')).toHaveLength(0);
  });

  it('never makes a link of an address that is not a web address', async () => {
    signedIn();
    const hostile = { ...victimsCode, url: 'javascript:alert(1)', rights: [{ ...victimsCode.rights[0]!, url: 'javascript:alert(1)' }] };
    const element = await mountRights(serviceWithRights().on(publicCode, { status: 200, body: hostile }), {});
    expect(allInside(element, 'a')).toHaveLength(0);
  });
});

const states: { name: string; attributes: Record<string, string>; api: () => FakeApi }[] = [
  { name: 'case rights with the Right to Review, one open', attributes: { 'case-id': burglary.id }, api: serviceWithRights },
  { name: 'the whole Code', attributes: {}, api: serviceWithRights },
  { name: 'failed', attributes: { 'case-id': burglary.id }, api: () => serviceWithRights().on(caseRights, problem(503, 'unavailable')) },
];

for (const width of [1024, 320]) {
  describe(`<vp-rights> accessibility at ${width} px wide`, () => {
    beforeAll(() => page.viewport(width, 800));
    afterAll(() => page.viewport(1024, 800));

    it.each(states)('$name: no WCAG 2.2 A/AA violations, no sideways scrolling, 44 px targets', async ({ attributes, api }) => {
      signedIn();
      const element = await mountRights(api(), attributes);
      const first = element.shadowRoot!.querySelector('details');
      if (first) first.open = true;
      await expectAccessible(element);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (const control of allInside(element, 'button, summary')) {
        const box = control.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), control.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(44);
      }
    });
  });
}
