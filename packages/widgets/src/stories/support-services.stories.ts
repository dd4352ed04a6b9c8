import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { SupportReferral } from '@victim-portal/sdk';
import { burglary, burglarySupportServices } from '../../test/fixtures.js';
import { failedScreen, FakeApi, neverAnswers, problem, unbrokenLink } from './fake-service.js';
import { clickButton, until } from './play.js';
import { noSession, resumableSession } from './portal-session.js';
import '../support-services/vp-support-services.js';

interface Args {
  headingLevel: number;
}

interface SupportParameters {
  service?: (api: FakeApi) => void;
}

/** The first service with a long name, description, email address and website, to wrap at 320 px. */
const servicesWithLongWords = [
  {
    ...burglarySupportServices[0]!,
    name: 'Kingsmoor-upon-Avon and Upper St Aldhelm’s Independent Victims’ Advocacy and Restorative Support Partnership',
    description: 'Free, confidential help for anyone affected by crime, whether or not they reported it, for as long as they need it. '.repeat(3),
    contact: { ...burglarySupportServices[0]!.contact, email: 'independent.victims.advocacy.partnership@kingsmoor-upon-avon-victim-support.example', website: unbrokenLink },
  },
  ...burglarySupportServices.slice(1),
];

const listRoute = `GET /v1/me/cases/${burglary.id}/support-services`;
const referRoute = `POST /v1/me/cases/${burglary.id}/support-referrals`;

/** @returns the referral the fake service stores: asked now, due in 2 working days */
function referralFor(serviceKey: string): SupportReferral {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    caseId: burglary.id,
    serviceKey,
    serviceName: burglarySupportServices.find((service) => service.key === serviceKey)?.name ?? serviceKey,
    requestedAt: new Date(now).toISOString(),
    dueBy: new Date(now + 2 * 24 * 3600 * 1000).toISOString(),
    referredAt: null,
  };
}

/**
 * The support services that fit the victim's case, with "Ask the police to refer me" and its
 * consent step, signed in through this tab's session, against a fake service.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-support-services',
  component: 'vp-support-services',
  args: { headingLevel: 3 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args, { parameters }) => {
    noSession();
    resumableSession(Date.now());
    const api = new FakeApi()
      .on(listRoute, { status: 200, body: { items: burglarySupportServices } })
      .on(referRoute, (request) => ({ status: 201, body: referralFor((request.body as { serviceKey: string }).serviceKey) }));
    (parameters as SupportParameters).service?.(api);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-support-services
        api-base="/"
        case-id=${burglary.id}
        heading-level=${args.headingLevel}
        .fetch=${api.fetch}
        @vp-referral-requested=${action('vp-referral-requested')}
      ></vp-support-services>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sidebarOnly = ['!autodocs'];
const element = (canvas: HTMLElement) => canvas.querySelector('vp-support-services')!;

/** Three services: one takes referrals, one the victim was referred to, one takes none. */
export const Services: Story = {};
/** The consent step: what is shared, and the box to agree. */
export const ConsentStep: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    await clickButton(element(canvasElement), 'Ask the police to refer me to Victim Support');
  },
};
/** "Ask for the referral" without ticking the box: the error says why. */
export const ConsentMissing: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    await clickButton(element(canvasElement), 'Ask the police to refer me to Victim Support');
    await clickButton(element(canvasElement), 'Ask for the referral');
  },
};
/** Asked: the date asked and the date the police must pass the details on by. */
export const ReferralRequested: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const services = element(canvasElement);
    await clickButton(services, 'Ask the police to refer me to Victim Support');
    (services.shadowRoot!.querySelector('#consent-victim-support-kent') as HTMLInputElement).click();
    await clickButton(services, 'Ask for the referral');
    await until(() => services.shadowRoot!.querySelector('#referral-victim-support-kent') !== null);
  },
};
/** A long name, description, email address and website wrap at 320 px; nothing scrolls sideways. */
export const LongWords: Story = {
  tags: sidebarOnly,
  parameters: { viewport: { value: 'mobile1' }, service: (api: FakeApi) => void api.on(listRoute, { status: 200, body: { items: servicesWithLongWords } }) },
};
export const NoLocalServices: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(listRoute, { status: 200, body: { items: [] } }) } };
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(listRoute, neverAnswers) } };
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(listRoute, problem(503, 'unavailable')) }, play: failedScreen };
