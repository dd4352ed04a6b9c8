import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { burglary, burglaryRightsAfterDecision, victimsCode } from '../../test/fixtures.js';
import { failedScreen, FakeApi, neverAnswers, problem } from './fake-service.js';
import { noSession, resumableSession } from './portal-session.js';
import { until } from './play.js';
import '../rights/vp-rights.js';

interface Args {
  headingLevel: number;
  withCase: boolean;
}

/** Story parameters: changes to the fake service's routes. */
interface RightsParameters {
  service?: (api: FakeApi) => void;
}

/**
 * The victim's rights under the Victims' Code. With `case-id` (signed in): the rights at the
 * case's stage, and the Right to Review after a no-further-action decision. Without: the whole
 * public Code, for any page of the force's website.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-rights',
  component: 'vp-rights',
  args: { headingLevel: 3, withCase: true },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
    withCase: { name: 'case-id', control: 'boolean', description: "Attribute: the case (the whole public Code when left out)" },
  },
  render: (args, { parameters }) => {
    noSession();
    resumableSession(Date.now());
    const api = new FakeApi()
      .on(`GET /v1/me/cases/${burglary.id}/rights`, { status: 200, body: burglaryRightsAfterDecision })
      .on('GET /v1/victims-code', { status: 200, body: victimsCode });
    (parameters as RightsParameters).service?.(api);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-rights api-base="/" case-id=${args.withCase ? burglary.id : ''} heading-level=${args.headingLevel} .fetch=${api.fetch}></vp-rights>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sidebarOnly = ['!autodocs'];

/** After a no-further-action decision: the Right to Review with the date to ask by, and the rights at this stage. */
export const CaseRights: Story = {};
/** One right opened, with its summary and the link to its full text. */
export const OneRightOpen: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('vp-rights')!;
    await until(() => element.shadowRoot!.querySelector('details') !== null);
    element.shadowRoot!.querySelector('details')!.open = true;
  },
};
/** Without a case-id: all 12 rights from the public Code, no sign-in needed. */
export const WholeCode: Story = { args: { withCase: false } };
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(`GET /v1/me/cases/${burglary.id}/rights`, neverAnswers) } };
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(`GET /v1/me/cases/${burglary.id}/rights`, problem(503, 'unavailable')) }, play: failedScreen };
/** Without a case-id: the public Code on its way, then failed. */
export const WholeCodeLoading: Story = { tags: sidebarOnly, args: { withCase: false }, parameters: { service: (api: FakeApi) => void api.on('GET /v1/victims-code', neverAnswers) } };
export const WholeCodeFailed: Story = { tags: sidebarOnly, args: { withCase: false }, parameters: { service: (api: FakeApi) => void api.on('GET /v1/victims-code', problem(503, 'unavailable')) }, play: failedScreen };
export const SignedOut: Story = {
  tags: sidebarOnly,
  render: () => {
    noSession();
    return html`<vp-rights api-base="/" case-id=${burglary.id}></vp-rights>`;
  },
};
