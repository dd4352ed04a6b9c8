import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { Message, OfficerInCharge } from '@victim-portal/sdk';
import { burglary, burglaryThread, failedScreen, FakeApi, FakeThread, neverAnswers, officerAwayWithCover, officerWithLongName, problem, unbrokenLink } from '../stories/fake-service.js';
import { clickButton, fillAndSubmit, until } from '../stories/play.js';
import { noSession, resumableSession } from '../stories/portal-session.js';
import type { VpMessages } from './messages.js';
import './messages.js';

interface Args {
  headingLevel: number;
}

/** Story parameters: the thread the fake service holds, and changes to its routes. */
interface MessagesParameters {
  messages?: Message[];
  officer?: OfficerInCharge | null;
  /** Changes the fake service after the thread's routes are in (a failing send, say). */
  service?: (api: FakeApi, thread: FakeThread) => void;
}

/** The thread the last story rendered holds, for play functions that move its live stream. */
let shownThread: FakeThread | undefined;

/**
 * The victim's messages with the officer in charge of one case, on its own (as a force page
 * could place it), signed in through this tab's session, against a fake service.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-messages',
  component: 'vp-messages',
  args: { headingLevel: 3 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args, { parameters }) => {
    const { messages = burglaryThread, officer = burglary.officerInCharge, service } = parameters as MessagesParameters;
    noSession();
    resumableSession(Date.now());
    const api = new FakeApi();
    const thread = new FakeThread(burglary.id, messages, officer);
    shownThread = thread;
    thread.install(api, 'victim');
    service?.(api, thread);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-messages
        api-base="/"
        case-id=${burglary.id}
        heading-level=${args.headingLevel}
        .fetch=${api.fetch}
        @vp-message-sent=${action('vp-message-sent')}
        @vp-update-requested=${action('vp-update-requested')}
      ></vp-messages>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const sidebarOnly = ['!autodocs'];
const messages = (canvas: HTMLElement): VpMessages => canvas.querySelector('vp-messages')!;

/** The victim wrote, the officer answered, the case moved to another officer, the victim asked for an update. */
export const Thread: Story = {};
export const NoMessagesYet: Story = { tags: sidebarOnly, parameters: { messages: [] } };
export const NoOfficerYet: Story = { tags: sidebarOnly, parameters: { messages: [], officer: null } };
/** The thread on its way: the service has not answered yet. */
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(`GET /v1/me/cases/${burglary.id}/messages`, neverAnswers) } };
/** The thread could not be loaded (503): what to do, with "Try again". */
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(`GET /v1/me/cases/${burglary.id}/messages`, problem(503, 'unavailable')) }, play: failedScreen };
/** A pasted link with nowhere to break and an officer with a long name: both wrap at 320 px. */
export const LongWords: Story = {
  tags: sidebarOnly,
  parameters: {
    viewport: { value: 'mobile1' },
    officer: officerWithLongName,
    messages: [
      { ...burglaryThread[0]!, body: `I filled in the form at ${unbrokenLink}\nDid it reach you?` },
      { ...burglaryThread[1]!, author: { type: 'officer', officer: officerWithLongName }, body: `Yes, thank you. The photographs are attached to ${burglary.crimeReference}; you can add more at ${unbrokenLink}` },
    ],
  },
};
export const OfficerAwayWithCover: Story = { tags: sidebarOnly, parameters: { officer: officerAwayWithCover } };
export const OfficerAwayNobodyCovering: Story = {
  tags: sidebarOnly,
  parameters: { officer: { ...officerAwayWithCover, absence: { ...officerAwayWithCover.absence!, coveredBy: null } } },
};
/** A message on its way: the service has not answered yet. */
export const Sending: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`POST /v1/me/cases/${burglary.id}/messages`, () => new Promise(() => undefined)) },
  play: async ({ canvasElement }) => {
    const element = messages(canvasElement);
    await fillAndSubmit(element, 'message-body', 'Is Friday still on?');
  },
};
/** The send failed: "Not sent" with "Try again" (which sends the same message id); the draft stays in the box. */
export const NotSent: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on(`POST /v1/me/cases/${burglary.id}/messages`, problem(422, 'unprocessable')) },
  play: async ({ canvasElement }) => {
    const element = messages(canvasElement);
    await fillAndSubmit(element, 'message-body', 'Please call me after 5pm.');
    await until(() => element.shadowRoot!.querySelector('[part="retry-button"]') !== null);
  },
};
/** An empty message refused, with GOV.UK's error message. */
export const EmptyMessage: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    await clickButton(messages(canvasElement), 'Send');
  },
};
/** The live stream dropped: "Reconnecting…" until it is back (here it stays down). */
export const Reconnecting: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const element = messages(canvasElement);
    const stream = shownThread?.stream;
    if (!stream) throw new Error('No thread rendered');
    await until(() => stream.connected);
    stream.hold();
    stream.drop();
    await until(() => element.thread?.stream === 'reconnecting');
  },
};
