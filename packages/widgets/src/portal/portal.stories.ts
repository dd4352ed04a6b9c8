import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { FakeClock } from '../../test/fake-clock.js';
import { bikeTheft, burglary, burglaryWithLongWords, failedScreen, fakeService, inviteToken, networkFailure, neverAnswers, problem, type FakeApi } from '../stories/fake-service.js';
import { clickButton, until } from '../stories/play.js';
import { noSession, resumableSession } from '../stories/portal-session.js';
import { defaultExitUrl } from '../quick-exit/quick-exit.js';
import { systemClock } from '../shared/clock.js';
import type { VpPortal } from './portal.js';
import './portal.js';

interface Args {
  apiBase: string;
  exitUrl: string;
  force: string;
  headingLevel: number;
}

/** Story parameters: the fake service, what is in the tab when the portal starts, and its clock. */
interface PortalParameters {
  service?: () => FakeApi;
  /** A session to resume (minutes until its absolute expiry), an invite link in the URL, or nothing. */
  start?: { session: number } | 'invite' | 'nothing';
  /** A clock the play function moves by hand instead of the system clock. */
  fakeClock?: boolean;
}

/**
 * The whole portal against a fake service. The portal reads the tab's sessionStorage and the
 * URL's `#invite=` on start, which the stories on one docs page would share: so only the
 * signed-in case is on this page, and every other state is in the sidebar.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-portal',
  component: 'vp-portal',
  args: { apiBase: '/', exitUrl: defaultExitUrl, force: 'kingsmoor', headingLevel: 2 },
  argTypes: {
    apiBase: { name: 'api-base', description: 'Attribute: the API’s base URL (the fake service answers on any)' },
    exitUrl: { name: 'exit-url', description: 'Attribute: the neutral page the quick exit goes to' },
    force: { description: 'Attribute: the force’s slug, for new sign-in links' },
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the headings, 2–6' },
  },
  parameters: { layout: 'fullscreen' },
  render: (args, { parameters }) => {
    const { service = () => fakeService(), start = { session: 60 }, fakeClock = false } = parameters as PortalParameters;
    const clock = fakeClock ? new FakeClock() : undefined;
    noSession();
    if (typeof start === 'object') resumableSession(clock?.now() ?? Date.now(), start.session);
    if (start === 'invite') history.replaceState(history.state, '', `${location.pathname}${location.search}#invite=${inviteToken}`);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-portal
        api-base=${args.apiBase}
        exit-url=${args.exitUrl}
        force=${args.force}
        heading-level=${args.headingLevel}
        .fetch=${service().fetch}
        .clock=${clock ?? systemClock}
        .navigate=${action('navigate')}
        @vp-signed-in=${action('vp-signed-in')}
        @vp-signed-out=${action('vp-signed-out')}
      ></vp-portal>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const portal = (canvas: HTMLElement): VpPortal => canvas.querySelector('vp-portal')!;
const sidebarOnly = ['!autodocs'];

export const SignedIn: Story = {};
export const NoOfficerYet: Story = { tags: sidebarOnly, parameters: { service: () => fakeService([bikeTheft]) } };
export const CaseList: Story = { tags: sidebarOnly, parameters: { service: () => fakeService([bikeTheft, burglary]) } };
export const NoCases: Story = { tags: sidebarOnly, parameters: { service: () => fakeService([]) } };
export const CasesUnavailable: Story = { tags: sidebarOnly, parameters: { service: () => fakeService().on('GET /v1/me/cases', networkFailure) }, play: failedScreen };
/** Signed in, the cases on their way: the service has not answered yet. */
export const GettingCases: Story = { tags: sidebarOnly, parameters: { service: () => fakeService().on('GET /v1/me/cases', neverAnswers) } };
/** The service failed (503): what to do, and the reference to quote. */
export const CasesFailed: Story = { tags: sidebarOnly, parameters: { service: () => fakeService().on('GET /v1/me/cases', problem(503, 'unavailable')) }, play: failedScreen };
/** The case's long crime reference, crime type and officer's names wrap at 320 px; nothing scrolls sideways. */
export const LongWords: Story = {
  tags: sidebarOnly,
  parameters: {
    viewport: { value: 'mobile1' },
    service: () => fakeService([burglaryWithLongWords]),
  },
};
export const NotSignedIn: Story = { tags: sidebarOnly, parameters: { start: 'nothing' } };
/** Opened from the invite link: the portal takes `#invite=…` from the URL and asks for the code (it is 482913). */
export const InviteLink: Story = { tags: sidebarOnly, parameters: { start: 'invite' } };
/** Two minutes before the idle timeout, on a fake clock moved on by 13½ minutes: it counts down only as the clock moves. */
export const TimeoutWarning: Story = {
  tags: sidebarOnly,
  parameters: { fakeClock: true },
  play: async ({ canvasElement }) => {
    const element = portal(canvasElement);
    await until(() => element.view.name === 'case');
    (element.clock as FakeClock).advance(13.5 * 60 * 1000);
    await until(() => element.shadowRoot!.querySelector('[part="timeout-warning"]') !== null);
  },
};
/** Near the session's absolute expiry, which staying active cannot move: "Continue" instead of "Stay signed in". */
export const TimeoutWarningAtAbsoluteExpiry: Story = { tags: sidebarOnly, parameters: { fakeClock: true, start: { session: 1.5 } } };

/** @returns a play function that opens one of the case's sections with its button, as a victim does */
const openSection =
  (name: string): Story['play'] =>
  async ({ canvasElement }) => {
    const element = portal(canvasElement);
    await until(() => element.view.name === 'case');
    await clickButton(element, name);
  };

/** The case's timeline section: what has happened and what it means. */
export const TimelineSection: Story = { tags: sidebarOnly, play: openSection('Timeline') };
export const MessagesSection: Story = { tags: sidebarOnly, play: openSection('Messages') };
export const CrimeReportSection: Story = { tags: sidebarOnly, play: openSection('Your report') };
export const RightsSection: Story = { tags: sidebarOnly, play: openSection('Your rights') };
export const SupportSection: Story = { tags: sidebarOnly, play: openSection('Support') };
export const SettingsSection: Story = { tags: sidebarOnly, play: openSection('Settings') };
/** On a 320 px phone: the section buttons wrap onto several lines; nothing scrolls sideways. */
export const OnAPhone: Story = { tags: sidebarOnly, parameters: { viewport: { value: 'mobile1' } } };
