import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { Preferences, PreferencesUpdate } from '@victim-portal/sdk';
import { preferences } from '../../test/fixtures.js';
import { failedScreen, FakeApi, neverAnswers, problem } from './fake-service.js';
import { clickButton, until } from './play.js';
import { noSession, resumableSession } from './portal-session.js';
import '../preferences/vp-preferences.js';

interface Args {
  headingLevel: number;
}

interface PreferencesParameters {
  stored?: Preferences;
  service?: (api: FakeApi) => void;
}

const route = '/v1/me/preferences';

/**
 * How and when the victim wants to hear from the police, signed in through this tab's session,
 * against a fake service that keeps what is saved.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-preferences',
  component: 'vp-preferences',
  args: { headingLevel: 3 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args, { parameters }) => {
    const { stored = preferences, service } = parameters as PreferencesParameters;
    noSession();
    resumableSession(Date.now());
    let current = stored;
    const api = new FakeApi().on(`GET ${route}`, () => ({ status: 200, body: current })).on(`PATCH ${route}`, (request) => {
      current = { ...current, ...(request.body as PreferencesUpdate) };
      return { status: 200, body: current };
    });
    service?.(api);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-preferences
        api-base="/"
        heading-level=${args.headingLevel}
        .fetch=${api.fetch}
        @vp-preferences-changed=${action('vp-preferences-changed')}
        @vp-language-change=${action('vp-language-change')}
      ></vp-preferences>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sidebarOnly = ['!autodocs'];
const element = (canvas: HTMLElement) => canvas.querySelector('vp-preferences')!;

/** Turns notifications off and saves, as a victim does (an unchanged form is not sent). */
async function changeAndSave(form: Element): Promise<void> {
  await until(() => form.shadowRoot!.querySelector('#notifications-off') !== null);
  (form.shadowRoot!.querySelector('#notifications-off') as HTMLInputElement).click();
  await clickButton(form, 'Save your preferences');
}

/** Email or text held, the force's usual frequency, no quiet hours, notifications on. */
export const Form: Story = {};
/** Quiet hours set, text messages, every 2 weeks, notifications off. */
export const QuietHoursAndNoNotifications: Story = {
  tags: sidebarOnly,
  parameters: { stored: { ...preferences, contactChannel: 'sms', updateEveryDays: 14, quietHours: { from: '21:00', until: '07:30' }, notifications: false } },
};
/** The police hold no email address or mobile number. */
export const NoContactDetails: Story = { tags: sidebarOnly, parameters: { stored: { ...preferences, availableChannels: [], contactChannel: null } } };
/** Saved: the message a screen reader announces. */
export const Saved: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const form = element(canvasElement);
    await until(() => form.shadowRoot!.querySelector('#notifications-off') !== null);
    (form.shadowRoot!.querySelector('#notifications-off') as HTMLInputElement).click();
    await clickButton(form, 'Save your preferences');
  },
};
/** Quiet hours chosen with no times: the error summary, linking to each field. */
export const QuietHoursMissing: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const form = element(canvasElement);
    await until(() => form.shadowRoot!.querySelector('#quiet-yes') !== null);
    (form.shadowRoot!.querySelector('#quiet-yes') as HTMLInputElement).click();
    await clickButton(form, 'Save your preferences');
  },
};
/** The service refused the change (422 on the contact channel). */
export const Refused: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`PATCH ${route}`, problem(422, 'unprocessable', { errors: [{ pointer: '/contactChannel', detail: 'No mobile number held' }] })) },
  play: async ({ canvasElement }) => {
    const form = element(canvasElement);
    await until(() => form.shadowRoot!.querySelector('#channel-sms') !== null);
    (form.shadowRoot!.querySelector('#channel-sms') as HTMLInputElement).click();
    await clickButton(form, 'Save your preferences');
  },
};
/** Saving: the service has not answered the change yet. */
export const Saving: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`PATCH ${route}`, neverAnswers) },
  play: async ({ canvasElement }) => changeAndSave(element(canvasElement)),
};
/** The service failed to save (503): nothing was changed, and the reference to quote. */
export const SaveFailed: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`PATCH ${route}`, problem(503, 'unavailable')) },
  play: async ({ canvasElement }) => changeAndSave(element(canvasElement)),
};
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(`GET ${route}`, neverAnswers) } };
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(`GET ${route}`, problem(503, 'unavailable')) }, play: failedScreen };
