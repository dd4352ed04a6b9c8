import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Preferences, PreferencesUpdate } from '@victim-portal/sdk';
import { expectAccessible } from '../../test/axe.js';
import { FakeApi, networkFailure, problem } from '../../test/fake-api.js';
import { preferences } from '../../test/fixtures.js';
import { allInside, apiBase, bearer, buttonNamed, deepActiveElement, inside, signedIn, tabTo, languageSettled } from '../../test/info-harness.js';
import { mount, shownText } from '../../test/render.js';
import type { VpLanguageChangeEvent, VpPreferencesChangedEvent } from './preferences-events.js';
import type { VpPreferences } from './vp-preferences.js';
import './vp-preferences.js';

const route = '/v1/me/preferences';

/** @returns a fake service holding `stored`, which PATCH changes as the service would */
function serviceWithPreferences(stored: Preferences = preferences): FakeApi {
  let current = stored;
  return new FakeApi().on(`GET ${route}`, () => ({ status: 200, body: current })).on(`PATCH ${route}`, (request) => {
    current = { ...current, ...(request.body as PreferencesUpdate) };
    return { status: 200, body: current };
  });
}

async function mountPreferences(api = serviceWithPreferences(), properties: Partial<VpPreferences> = {}): Promise<VpPreferences> {
  signedIn();
  const element = await mount('vp-preferences', { fetch: api.fetch, ...properties }, { 'api-base': apiBase });
  await expect.poll(() => element.preferences.state).not.toBe('loading');
  await languageSettled();
  await element.updateComplete;
  return element;
}

const checked = (element: Element) => allInside<HTMLInputElement>(element, 'input[type="radio"]:checked').map((input) => input.id);
const patches = (api: FakeApi) => api.requestsTo(`PATCH ${route}`).map((request) => request.body);
const saveButton = (element: Element) => inside(element, '[part="save-button"]');

describe('<vp-preferences>', () => {
  it('shows the stored preferences as labelled choices in fieldsets, only the channels the police hold', async () => {
    const api = serviceWithPreferences({ ...preferences, availableChannels: ['sms'], contactChannel: 'sms' });
    const element = await mountPreferences(api);
    expect(api.requestsTo(`GET ${route}`)[0]!.authorization).toBe(bearer);
    expect(allInside(element, 'legend').map((legend) => legend.textContent?.trim())).toEqual([
      'How should the police contact you?',
      'Which language do you want to use?',
      'How often do you want an update on your case?',
      'Are there times when you do not want texts or emails?',
      'Do you want a text or email when there is news?',
    ]);
    expect(checked(element)).toEqual(['channel-sms', 'language-en', 'frequency-usual', 'quiet-no', 'notifications-on']);
    expect(element.shadowRoot!.querySelector('#channel-email')).toBeNull();
    expect(shownText(inside(element, 'label[for="frequency-usual"]'))).toBe('As often as the police usually do (every 4 weeks)');
    expect(inside(element, 'label[for="language-cy"]').getAttribute('lang')).toBe('cy');
    for (const input of allInside<HTMLInputElement>(element, 'input')) expect(element.shadowRoot!.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(shownText(element)).toContain('If you choose no, the police will not text or email you when there is an update or a new message');
  });

  it('sends only what changed, says it is saved in a live region, and fires vp-preferences-changed', async () => {
    const api = serviceWithPreferences();
    const element = await mountPreferences(api);
    const changed: VpPreferencesChangedEvent[] = [];
    document.addEventListener('vp-preferences-changed', (event) => changed.push(event), { once: true });
    await userEvent.click(inside(element, '#channel-sms'));
    await userEvent.click(inside(element, '#frequency-14'));
    await userEvent.click(inside(element, '#notifications-off'));
    await userEvent.click(saveButton(element));
    await expect.poll(() => shownText(inside(element, '[part="saved"]'))).toBe('Your preferences have been saved.');
    expect(inside(element, '[part="saved"]').getAttribute('role')).toBe('status');
    expect(patches(api)).toEqual([{ contactChannel: 'sms', updateEveryDays: 14, notifications: false }]);
    expect(changed.map((event) => event.changed)).toEqual([['contactChannel', 'updateEveryDays', 'notifications']]);
    expect(checked(element)).toEqual(['channel-sms', 'language-en', 'frequency-14', 'quiet-no', 'notifications-off']);
  });

  it('sets quiet hours by keyboard alone', async () => {
    const api = serviceWithPreferences();
    const element = await mountPreferences(api);
    await tabTo(inside(element, '#quiet-no'), deepActiveElement);
    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(() => element.shadowRoot!.querySelector('#quiet-from')).not.toBeNull();
    await userEvent.keyboard('{Tab}');
    expect(deepActiveElement()?.id).toBe('quiet-from');
    await userEvent.fill(inside(element, '#quiet-from'), '21:30');
    await userEvent.fill(inside(element, '#quiet-until'), '07:00');
    await tabTo(saveButton(element), deepActiveElement);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => patches(api)).toEqual([{ quietHours: { from: '21:30', until: '07:00' } }]);
  });

  it('shows an error summary linking to each field when quiet hours are incomplete, and sends nothing', async () => {
    const api = serviceWithPreferences();
    const element = await mountPreferences(api);
    await userEvent.click(inside(element, '#quiet-yes'));
    await userEvent.click(saveButton(element));
    const summary = inside(element, '[part="error-summary"]');
    await expect.poll(() => deepActiveElement()).toBe(summary);
    expect(shownText(summary)).toBe('There is a problem Enter the time your quiet hours start, for example 21:00 Enter the time your quiet hours end, for example 07:00');
    expect(inside(element, '#quiet-from').getAttribute('aria-invalid')).toBe('true');
    expect(inside(element, '#quiet-from').getAttribute('aria-describedby')).toContain('quiet-from-error');
    await userEvent.click(summary.querySelectorAll('a')[1]!);
    expect(deepActiveElement()?.id).toBe('quiet-until');
    expect(patches(api)).toEqual([]);
  });

  it('refuses quiet hours that start and end at the same time', async () => {
    const element = await mountPreferences();
    await userEvent.click(inside(element, '#quiet-yes'));
    await userEvent.fill(inside(element, '#quiet-from'), '22:00');
    await userEvent.fill(inside(element, '#quiet-until'), '22:00');
    await userEvent.click(saveButton(element));
    await expect.poll(() => shownText(inside(element, '[part="error-summary"]'))).toContain('Quiet hours must start and end at different times');
  });

  it("shows the service's refusal (4xx) as an error summary on the field it names", async () => {
    const api = serviceWithPreferences().on(`PATCH ${route}`, problem(422, 'unprocessable', { errors: [{ pointer: '/contactChannel', detail: 'No mobile number held' }] }));
    const element = await mountPreferences(api);
    await userEvent.click(inside(element, '#channel-sms'));
    await userEvent.click(saveButton(element));
    await expect.poll(() => element.shadowRoot!.querySelector('[part="error-summary"]')).not.toBeNull();
    expect(shownText(inside(element, '[part="error-summary"]'))).toContain('The police cannot contact you that way.');
    expect(deepActiveElement()).toBe(inside(element, '[part="error-summary"]'));
    expect(shownText(inside(element, '[part="saved"]'))).toBe('');
    // The answer stays as the victim left it.
    expect(checked(element)[0]).toBe('channel-sms');
  });

  it('says the save failed, keeping the answers, when the service cannot be reached', async () => {
    const element = await mountPreferences(serviceWithPreferences().on(`PATCH ${route}`, networkFailure));
    await userEvent.click(inside(element, '#notifications-off'));
    await userEvent.click(saveButton(element));
    await expect.poll(() => element.shadowRoot!.querySelector('[part="error-summary"]')?.textContent).toContain('Check your internet connection');
    expect(checked(element)).toContain('notifications-off');
  });

  it('says nothing changed rather than sending an empty change', async () => {
    const api = serviceWithPreferences();
    const element = await mountPreferences(api);
    await userEvent.click(saveButton(element));
    await expect.poll(() => shownText(inside(element, '[part="saved"]'))).toBe('You have not changed anything.');
    expect(patches(api)).toEqual([]);
  });

  it('asks the page to switch language with vp-language-change when the victim saves Cymraeg', async () => {
    const api = serviceWithPreferences();
    const element = await mountPreferences(api);
    const asked: VpLanguageChangeEvent[] = [];
    document.addEventListener('vp-language-change', (event) => asked.push(event), { once: true });
    await userEvent.click(inside(element, '#language-cy'));
    await userEvent.click(saveButton(element));
    await expect.poll(() => asked.map((event) => event.language)).toEqual(['cy']);
    expect(patches(api)).toEqual([{ language: 'cy' }]);
  });

  it('keeps a frequency the force set that is not one of the usual choices', async () => {
    const element = await mountPreferences(serviceWithPreferences({ ...preferences, updateEveryDays: 10 }));
    expect(checked(element)).toContain('frequency-10');
    expect(shownText(inside(element, 'label[for="frequency-10"]'))).toBe('Every 10 days');
  });

  it('explains what to do when the police hold no email address or mobile number', async () => {
    const element = await mountPreferences(serviceWithPreferences({ ...preferences, availableChannels: [], contactChannel: null }));
    expect(element.shadowRoot!.querySelector('input[name="channel"]')).toBeNull();
    expect(shownText(element)).toContain('Call 101 to give them one.');
  });

  it('ends the session when the service says it is over', async () => {
    let ended = 0;
    const api = serviceWithPreferences().on(`PATCH ${route}`, problem(401, 'unauthenticated'));
    const element = await mountPreferences(api, { sessionEnded: () => ended++ });
    await userEvent.click(inside(element, '#notifications-off'));
    await userEvent.click(saveButton(element));
    await expect.poll(() => ended).toBe(1);
    expect(shownText(element)).toContain('Sign in to change how the police contact you.');
  });

  it('forgets the preferences and any half-made change on the quick exit', async () => {
    const element = await mountPreferences();
    await userEvent.click(inside(element, '#quiet-yes'));
    window.dispatchEvent(new Event('vp-quick-exit'));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('offers to try again when the preferences could not be had', async () => {
    const api = serviceWithPreferences().on(`GET ${route}`, problem(503, 'unavailable'));
    const element = await mountPreferences(api);
    expect(shownText(element)).toContain('We could not get your preferences just now.');
    api.on(`GET ${route}`, { status: 200, body: preferences });
    await userEvent.click(buttonNamed(element, 'Try again'));
    await expect.poll(() => element.shadowRoot!.querySelector('form')).not.toBeNull();
  });
});

for (const width of [1024, 320]) {
  describe(`<vp-preferences> accessibility at ${width} px wide`, () => {
    beforeAll(() => page.viewport(width, 800));
    afterAll(() => page.viewport(1024, 800));

    it.each(['the form', 'quiet hours with errors', 'saved'])('%s: no WCAG 2.2 A/AA violations, no sideways scrolling, 44 px targets', async (state) => {
      const element = await mountPreferences();
      if (state !== 'the form') {
        inside(element, '#quiet-yes').click();
        await element.updateComplete;
        if (state === 'saved') {
          inside<HTMLInputElement>(element, '#quiet-from').value = '21:00';
          inside(element, '#quiet-from').dispatchEvent(new Event('input'));
          inside<HTMLInputElement>(element, '#quiet-until').value = '07:00';
          inside(element, '#quiet-until').dispatchEvent(new Event('input'));
        }
        saveButton(element).click();
        await expect.poll(() => element.shadowRoot!.querySelector(state === 'saved' ? '.saved' : '[part="error-summary"]')).not.toBeNull();
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
