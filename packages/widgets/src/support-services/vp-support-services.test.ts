import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SupportReferral } from '@victim-portal/sdk';
import { expectAccessible } from '../../test/axe.js';
import { FakeApi, heldAnswer, problem } from '../../test/fake-api.js';
import { burglary, burglarySupportServices } from '../../test/fixtures.js';
import { allInside, apiBase, bearer, buttonNamed, consoleWarnings, deepActiveElement, inside, signedIn, tabTo, languageSettled } from '../../test/info-harness.js';
import { mount, shownText } from '../../test/render.js';
import { daysWords, openingHoursWords, timeWords } from './opening-hours.js';
import type { VpReferralRequestedEvent } from './referral-requested-event.js';
import type { VpSupportServices } from './vp-support-services.js';
import './vp-support-services.js';

const listRoute = `GET /v1/me/cases/${burglary.id}/support-services`;
const referRoute = `POST /v1/me/cases/${burglary.id}/support-referrals`;

const storedReferral: SupportReferral = {
  id: '9d3c2b1a-0000-4000-8000-000000000301',
  caseId: burglary.id,
  serviceKey: 'victim-support-kent',
  serviceName: 'Victim Support',
  requestedAt: '2025-03-12T10:00:00Z',
  dueBy: '2025-03-14T10:00:00Z',
  referredAt: null,
};

function serviceWithSupport(): FakeApi {
  return new FakeApi().on(listRoute, { status: 200, body: { items: burglarySupportServices } }).on(referRoute, { status: 201, body: storedReferral });
}

async function mountServices(api = serviceWithSupport(), properties: Partial<VpSupportServices> = {}): Promise<VpSupportServices> {
  signedIn();
  const element = await mount('vp-support-services', { fetch: api.fetch, ...properties }, { 'api-base': apiBase, 'case-id': burglary.id });
  await expect.poll(() => element.services.state).not.toBe('loading');
  await languageSettled();
  await element.updateComplete;
  return element;
}

const services = (element: Element) => allInside(element, '[part="service"]');

describe('<vp-support-services>', () => {
  it('shows each service with its description, phone, email and website links, and opening hours in words', async () => {
    const api = serviceWithSupport();
    const element = await mountServices(api);
    const [request] = api.requestsTo(listRoute);
    expect(request!.authorization).toBe(bearer);
    expect(new URL(request!.url).searchParams.get('lang')).toBe('en');
    const [victimSupport, homeSecurity, helpline] = services(element);
    expect(shownText(victimSupport!)).toContain('Free, confidential help for anyone affected by crime.');
    const links = [...victimSupport!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['tel:08081689111', 'mailto:kent@victimsupport.example', 'https://www.victimsupport.org.uk/']);
    expect(victimSupport!.querySelector('a[target]')).toBeNull();
    expect(shownText(victimSupport!)).toContain('Monday to Friday: 8am to 8pm');
    expect(shownText(victimSupport!)).toContain('Saturday and Sunday: 9am to 5:30pm');
    expect(shownText(victimSupport!)).toContain('Closed on bank holidays.');
    expect(shownText(homeSecurity!)).toContain('Monday, Wednesday and Friday: 9am to 12:30pm');
    expect(shownText(homeSecurity!)).toContain('Referred on 6 March 2025.');
    expect(shownText(helpline!)).toContain('Every day: open 24 hours');
    expect(shownText(helpline!)).toContain('The police cannot refer you to this service. You can contact it yourself.');
    expect(helpline!.querySelector('button')).toBeNull();
  });

  it('asks for consent, saying what is shared, before asking the police to refer the victim, by keyboard', async () => {
    const api = serviceWithSupport();
    const element = await mountServices(api);
    const requested: VpReferralRequestedEvent[] = [];
    document.addEventListener('vp-referral-requested', (event) => requested.push(event), { once: true });
    const refer = inside(element, '#refer-victim-support-kent');
    await tabTo(refer, deepActiveElement);
    await userEvent.keyboard('{Enter}');
    expect(refer.getAttribute('aria-expanded')).toBe('true');
    const form = inside(element, '[part="referral-form"]');
    expect(shownText(form)).toContain('The police will give Victim Support your name, your contact details and the type of crime. Nothing else about your case is shared.');

    // Without the box ticked: nothing is sent, the error says why and focus goes to the box.
    await userEvent.click(buttonNamed(element, 'Ask for the referral'));
    expect(api.requestsTo(referRoute)).toEqual([]);
    await expect.poll(() => deepActiveElement()?.id).toBe('consent-victim-support-kent');
    expect(shownText(form)).toContain('Error: Tick the box to agree to your details being shared, or choose Cancel');
    expect(inside(element, '#consent-victim-support-kent').getAttribute('aria-invalid')).toBe('true');

    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => api.requestsTo(referRoute)).toHaveLength(1);
    expect(api.requestsTo(referRoute)[0]!.body).toEqual({ serviceKey: 'victim-support-kent', consent: true });
    const status = 'Referral requested on 12 March 2025. The police will pass your details on by 14 March 2025.';
    await expect.poll(() => shownText(services(element)[0]!)).toContain(status);
    expect(deepActiveElement()?.id).toBe('referral-victim-support-kent');
    expect(shownText(inside(element, '[role="status"]'))).toBe(status);
    expect(requested).toHaveLength(1);
    expect({ ...requested[0] }).toMatchObject({ caseId: burglary.id, serviceKey: 'victim-support-kent', referralId: storedReferral.id });
    expect(element.shadowRoot!.querySelector('#refer-victim-support-kent')).toBeNull();
  });

  it('"Cancel" closes the step without asking, and gives focus back to the button', async () => {
    const api = serviceWithSupport();
    const element = await mountServices(api);
    await userEvent.click(inside(element, '#refer-victim-support-kent'));
    await userEvent.click(buttonNamed(element, 'Cancel'));
    await expect.poll(() => deepActiveElement()?.id).toBe('refer-victim-support-kent');
    expect(inside(element, '#refer-victim-support-kent').getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot!.querySelector('[part="referral-form"]')).toBeNull();
    expect(api.requestsTo(referRoute)).toEqual([]);
  });

  it('sends one request however often the button is pressed while it is on its way', async () => {
    const held = heldAnswer();
    const api = serviceWithSupport().on(referRoute, held.route);
    const element = await mountServices(api);
    await userEvent.click(inside(element, '#refer-victim-support-kent'));
    await userEvent.click(inside(element, '#consent-victim-support-kent'));
    await userEvent.click(buttonNamed(element, 'Ask for the referral'));
    await expect.poll(() => shownText(inside(element, '[part="send-referral-button"]'))).toBe('Asking…');
    inside(element, '[part="send-referral-button"]').click();
    held.answer({ status: 201, body: storedReferral });
    await expect.poll(() => shownText(services(element)[0]!)).toContain('Referral requested on');
    expect(api.requestsTo(referRoute)).toHaveLength(1);
  });

  it.each([
    { answer: problem(422, 'referrals-not-accepted'), says: 'This service does not take referrals from the police. You can contact it yourself.' },
    { answer: problem(422, 'unknown-support-service'), says: 'This service is no longer offered for your case.' },
    { answer: problem(400, 'invalid-request'), says: 'Your request was not sent. Check your internet connection and try again.' },
  ])('says why a referral was refused ($says)', async ({ answer, says }) => {
    const element = await mountServices(serviceWithSupport().on(referRoute, answer));
    await userEvent.click(inside(element, '#refer-victim-support-kent'));
    await userEvent.click(inside(element, '#consent-victim-support-kent'));
    await userEvent.click(buttonNamed(element, 'Ask for the referral'));
    await expect.poll(() => element.shadowRoot!.querySelector('[part="referral-form"] [role="alert"]')?.textContent).toContain(says);
  });

  it('asks in Welsh on a Welsh page', async () => {
    document.documentElement.lang = 'cy';
    const api = serviceWithSupport();
    await mountServices(api);
    expect(new URL(api.requestsTo(listRoute)[0]!.url).searchParams.get('lang')).toBe('cy');
  });

  it('ends the session when the service says it is over', async () => {
    let ended = 0;
    const element = await mountServices(serviceWithSupport().on(listRoute, problem(401, 'unauthenticated')), { sessionEnded: () => ended++ });
    expect(ended).toBe(1);
    expect(shownText(element)).toContain('Sign in to see the support services for your case.');
  });

  it('offers to try again when the list could not be had', async () => {
    const api = serviceWithSupport().on(listRoute, problem(500, 'internal'));
    const element = await mountServices(api);
    expect(shownText(element)).toContain('We could not get support services just now.');
    api.on(listRoute, { status: 200, body: { items: burglarySupportServices } });
    await userEvent.click(buttonNamed(element, 'Try again'));
    await expect.poll(() => services(element)).toHaveLength(3);
  });

  it('asks nothing for a case-id that is not a case id', async () => {
    signedIn();
    const api = serviceWithSupport();
    const warnings = await consoleWarnings(async () => {
      await mount('vp-support-services', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': 'not-a-case' });
    });
    expect(api.requests).toEqual([]);
    expect(warnings.join('\n')).toContain('case-id "not-a-case" is not a case id');
  });

  it('forgets the services and any open step on the quick exit', async () => {
    const element = await mountServices();
    await userEvent.click(inside(element, '#refer-victim-support-kent'));
    window.dispatchEvent(new Event('vp-quick-exit'));
    await element.updateComplete;
    expect(services(element)).toHaveLength(0);
    expect(sessionStorage.length).toBe(0);
  });
});

describe('opening hours in words', () => {
  it.each([
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], want: 'Monday to Friday' },
    { days: ['sat', 'mon', 'sun'], want: 'Monday, Saturday and Sunday' },
    { days: ['mon', 'tue', 'wed', 'fri', 'sat', 'sun'], want: 'Monday to Wednesday and Friday to Sunday' },
    { days: ['thu'], want: 'Thursday' },
    { days: ['sun', 'sat', 'fri', 'thu', 'wed', 'tue', 'mon'], want: 'Every day' },
  ] as const)('$days is "$want"', ({ days, want }) => {
    expect(daysWords([...days])).toBe(want);
  });

  it.each([
    ['00:00', 'midnight'],
    ['08:05', '8:05am'],
    ['12:00', 'midday'],
    ['12:30', '12:30pm'],
    ['17:00', '5pm'],
    ['24:00', 'midnight'],
  ])('%s is "%s"', (time, want) => {
    expect(timeWords(time)).toBe(want);
  });

  it('writes an evening until midnight', () => {
    expect(openingHoursWords({ days: ['fri'], opens: '18:00', closes: '24:00' })).toBe('Friday: 6pm to midnight');
  });
});

for (const width of [1024, 320]) {
  describe(`<vp-support-services> accessibility at ${width} px wide`, () => {
    beforeAll(() => page.viewport(width, 800));
    afterAll(() => page.viewport(1024, 800));

    it.each(['the list', 'the consent step with its error', 'failed'])('%s: no WCAG 2.2 A/AA violations, no sideways scrolling, 44 px targets', async (state) => {
      const api = state === 'failed' ? serviceWithSupport().on(listRoute, problem(503, 'unavailable')) : serviceWithSupport();
      const element = await mountServices(api);
      if (state === 'the consent step with its error') {
        inside(element, '#refer-victim-support-kent').click();
        await element.updateComplete;
        buttonNamed(element, 'Ask for the referral').click();
        await expect.poll(() => element.shadowRoot!.querySelector('[aria-invalid="true"]')).not.toBeNull();
      }
      await expectAccessible(element);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (const control of allInside(element, 'button, input')) {
        const box = control.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), control.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(44);
      }
    });
  });
}
