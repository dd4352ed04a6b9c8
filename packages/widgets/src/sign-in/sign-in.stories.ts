import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { FakeApi } from '../stories/fake-service.js';
import { codeChallenge, dateOfBirthChallenge, fakeService, inviteToken, networkFailure, neverAnswers, postcodeChallenge, problem } from '../stories/fake-service.js';
import { clickButton, fillAndSubmit, until } from '../stories/play.js';
import type { SignedOutReason } from './sign-in-view.js';
import type { VpSignIn } from './sign-in.js';
import './sign-in.js';

interface Args {
  force: string;
  reason: SignedOutReason;
  headingLevel: number;
  apiBase: string;
}

/** Story parameters: the fake service behind the element's `fetch`, and the invite token from the link. */
interface SignInParameters {
  service?: () => FakeApi;
  invite?: string;
}

/**
 * The way in: the invite link's second factor, new links, and every way it can go wrong. Each
 * story drives the element with a fake service through its `fetch` property and sets the
 * invite token as `<vp-portal>` would; no server is involved.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-sign-in',
  component: 'vp-sign-in',
  args: { force: 'kingsmoor', reason: 'not-yet', headingLevel: 2, apiBase: '/' },
  argTypes: {
    force: { description: 'Attribute: the force’s slug; without it, new sign-in links are not offered' },
    reason: { control: 'select', options: ['not-yet', 'signed-out', 'session-ended', 'timed-out'], description: 'Attribute: why nobody is signed in (first screen without an invite)' },
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the headings, 2–6' },
    apiBase: { name: 'api-base', description: 'Attribute: the API’s base URL (the fake service answers on any)' },
  },
  // Keyed on the args: a change of control starts a new element from its first screen.
  render: (args, { parameters }) => {
    const { service = () => fakeService(), invite } = parameters as SignInParameters;
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-sign-in
        force=${args.force}
        reason=${args.reason}
        heading-level=${args.headingLevel}
        api-base=${args.apiBase}
        .fetch=${service().fetch}
        .inviteToken=${invite}
        @vp-signed-in=${action('vp-signed-in')}
      ></vp-sign-in>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const signIn = (canvas: HTMLElement): VpSignIn => canvas.querySelector('vp-sign-in')!;
const withInvite = (service: () => FakeApi) => ({ invite: inviteToken, service });
const inviteFails = (answer: ReturnType<typeof problem>) => withInvite(() => fakeService().on('POST /v1/invites/challenge', answer));

export const NoInvite: Story = {};
export const NoInviteNoForce: Story = { args: { force: '' } };
export const SignedOut: Story = { args: { reason: 'signed-out' } };
export const SessionEnded: Story = { args: { reason: 'session-ended' } };
export const TimedOut: Story = { args: { reason: 'timed-out' } };
export const CheckingInvite: Story = { parameters: withInvite(() => fakeService().on('POST /v1/invites/challenge', neverAnswers)) };
export const Code: Story = { parameters: withInvite(() => fakeService([], codeChallenge)) };
export const DateOfBirth: Story = { parameters: withInvite(() => fakeService([], dateOfBirthChallenge)) };
export const Postcode: Story = { parameters: withInvite(() => fakeService([], postcodeChallenge)) };
export const WrongAnswer: Story = {
  ...Code,
  play: async ({ canvasElement }) => {
    await fillAndSubmit(signIn(canvasElement), 'code', '000000');
    await until(() => signIn(canvasElement).view.name === 'challenge' && 'error' in signIn(canvasElement).view);
  },
};
export const NewCodeSent: Story = {
  ...Code,
  play: async ({ canvasElement }) => {
    await clickButton(signIn(canvasElement), 'Send me a new code');
    await until(() => signIn(canvasElement).shadowRoot!.querySelector('[part="notice"]') !== null);
  },
};
/** The answer on its way: the service has not answered the redeem yet. */
export const CheckingAnswer: Story = {
  parameters: withInvite(() => fakeService([], codeChallenge).on('POST /v1/invites/redeem', neverAnswers)),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(signIn(canvasElement), 'code', '482913');
  },
};
/** The service failed while checking the answer (503). */
export const AnswerNotChecked: Story = {
  parameters: withInvite(() => fakeService([], codeChallenge).on('POST /v1/invites/redeem', problem(503, 'unavailable'))),
  play: async ({ canvasElement }) => {
    await fillAndSubmit(signIn(canvasElement), 'code', '482913');
  },
};
export const LinkUsed: Story = { parameters: inviteFails(problem(409, 'invite-used')) };
export const LinkExpired: Story = { parameters: inviteFails(problem(410, 'invite-expired')) };
export const LinkLocked: Story = { parameters: inviteFails(problem(423, 'invite-locked')) };
export const LinkInvalid: Story = { parameters: inviteFails(problem(400, 'invite-invalid')) };
export const Wait: Story = { parameters: inviteFails(problem(429, 'rate-limited', {}, { 'retry-after': '120' })) };
export const ServiceUnreachable: Story = { parameters: withInvite(() => fakeService().on('POST /v1/invites/challenge', networkFailure)) };
export const NewLinkForm: Story = {
  play: async ({ canvasElement }) => {
    await clickButton(signIn(canvasElement), 'Send me a new sign-in link');
    await until(() => signIn(canvasElement).view.name === 'request-link');
  },
};
/** The new link could not be asked for: the service was unreachable. */
export const LinkNotSent: Story = {
  parameters: { service: () => fakeService().on('POST /v1/sign-in-links', networkFailure) },
  play: async (context) => {
    await NewLinkForm.play!(context);
    await fillAndSubmit(signIn(context.canvasElement), 'contact', 'sam.patel@example.com');
  },
};
export const LinkSent: Story = {
  play: async (context) => {
    await NewLinkForm.play!(context);
    await fillAndSubmit(signIn(context.canvasElement), 'contact', 'sam.patel@example.com');
    await until(() => signIn(context.canvasElement).view.name === 'link-sent');
  },
};
