import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { OfficerCase } from '@victim-portal/sdk';
import { officerCases } from '../../test/officer-harness-data.js';
import { bikeTheft, burglary, burglaryThread, FakeApi, FakeStream, FakeThread, networkFailure, problem } from '../stories/fake-service.js';
import { fillAndSubmit, until } from '../stories/play.js';
import type { VpOfficerInbox } from './officer-inbox.js';
import './officer-inbox.js';

interface Args {
  headingLevel: number;
}

/** Story parameters: the officer's cases, and changes to the fake service. */
interface InboxParameters {
  cases?: OfficerCase[];
  service?: (api: FakeApi) => void;
}

/**
 * The officer's inbox, as a records system's screen embeds it, against a fake service. Its
 * `getToken` stands in for the host page's call to its own back end.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-officer-inbox',
  component: 'vp-officer-inbox',
  args: { headingLevel: 2 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the headings, 2–6' },
  },
  render: (args, { parameters }) => {
    const { cases = officerCases.items, service } = parameters as InboxParameters;
    const api = new FakeApi()
      .on('GET /v1/officer/cases', { status: 200, body: { ...officerCases, items: cases } })
      .on('GET /v1/officer/stream', new FakeStream().route);
    new FakeThread(burglary.id, burglaryThread, burglary.officerInCharge).install(api, 'officer', { stream: false });
    new FakeThread(bikeTheft.id, [], burglary.officerInCharge).install(api, 'officer', { stream: false });
    service?.(api);
    return html`<vp-officer-inbox
      api-base="/"
      heading-level=${args.headingLevel}
      .fetch=${api.fetch}
      .getToken=${() => Promise.resolve('vpo_StoryOfficerToken_0123456789')}
      @vp-message-sent=${action('vp-message-sent')}
    ></vp-officer-inbox>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const sidebarOnly = ['!autodocs'];
const inbox = (canvas: HTMLElement): VpOfficerInbox => canvas.querySelector('vp-officer-inbox')!;

/** The officer's cases: unread messages and update requests as words and badges. */
export const Cases: Story = {};
export const NoCases: Story = { tags: sidebarOnly, parameters: { cases: [] } };
export const CasesUnavailable: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/officer/cases', networkFailure) } };
/** One case's thread, opened: the victim's update request shows apart. */
export const Thread: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const element = inbox(canvasElement);
    await until(() => element.inbox?.state === 'ready');
    element.shadowRoot!.querySelector<HTMLButtonElement>(`[data-case-id="${burglary.id}"]`)!.click();
  },
};
/** A reply that failed: "Not sent" with "Try again" (same message id); the draft stays. */
export const ReplyNotSent: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`POST /v1/officer/cases/${burglary.id}/messages`, problem(422, 'unprocessable')) },
  play: async ({ canvasElement }) => {
    const element = inbox(canvasElement);
    await until(() => element.inbox?.state === 'ready');
    element.inbox!.open(burglary.id);
    await fillAndSubmit(element, 'message-body', 'I will call you tomorrow.');
  },
};
