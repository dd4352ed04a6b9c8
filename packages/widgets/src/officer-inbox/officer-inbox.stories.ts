import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { OfficerCase } from '@victim-portal/sdk';
import { officerCases } from '../../test/officer-harness-data.js';
import { bikeTheft, burglary, burglaryThread, burglaryWithLongWords, failedScreen, FakeApi, FakeStream, FakeThread, networkFailure, neverAnswers, problem, unbrokenLink } from '../stories/fake-service.js';
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
export const CasesUnavailable: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/officer/cases', networkFailure) }, play: failedScreen };
/** The cases on their way: the service has not answered yet. */
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/officer/cases', neverAnswers) } };
/** The service failed (503): the reference to quote, and "Try again". */
export const CasesFailed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/officer/cases', problem(503, 'unavailable')) }, play: failedScreen };
/** A long crime reference, crime type and victim's name wrap at 320 px, in the list and the opened thread. */
export const LongWords: Story = {
  tags: sidebarOnly,
  parameters: {
    viewport: { value: 'mobile1' },
    cases: officerCases.items.map((item, index) =>
      index === 0
        ? { ...item, crimeReference: burglaryWithLongWords.crimeReference, crimeType: burglaryWithLongWords.crimeType, victimName: 'Maria-Fernanda Oyelaran-Kowalczyk Montgomery-Fitzwilliam' }
        : item,
    ),
    service: (api: FakeApi) =>
      void new FakeThread(burglary.id, [{ ...burglaryThread[0]!, body: `I filled in the form at ${unbrokenLink}` }], burglary.officerInCharge).install(api, 'officer', { stream: false }),
  },
  play: async ({ canvasElement }) => {
    const element = inbox(canvasElement);
    await until(() => element.inbox?.state === 'ready');
    element.inbox!.open(burglary.id);
  },
};
/** One case's thread, opened: the victim's update request shows apart. */
export const Thread: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const element = inbox(canvasElement);
    await until(() => element.inbox?.state === 'ready');
    element.shadowRoot!.querySelector<HTMLButtonElement>(`[data-case-id="${burglary.id}"]`)!.click();
  },
};
/** One case's thread, its messages on their way. */
export const ThreadLoading: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`GET /v1/officer/cases/${burglary.id}/messages`, neverAnswers) },
  play: async ({ canvasElement }) => {
    const element = inbox(canvasElement);
    await until(() => element.inbox?.state === 'ready');
    element.inbox!.open(burglary.id);
  },
};
/** One case's thread that could not be loaded (503), with "Try again". */
export const ThreadFailed: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`GET /v1/officer/cases/${burglary.id}/messages`, problem(503, 'unavailable')) },
  play: async (context) => {
    const element = inbox(context.canvasElement);
    await until(() => element.inbox?.state === 'ready');
    element.inbox!.open(burglary.id);
    await failedScreen(context);
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
