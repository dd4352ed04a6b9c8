import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VictimCrimeReport } from '@victim-portal/sdk';
import { burglary, burglaryCrimeReport } from '../../test/fixtures.js';
import { burglaryWithLongWords, failedScreen, FakeApi, neverAnswers, networkFailure, problem, unbrokenLink } from './fake-service.js';
import { noSession, resumableSession } from './portal-session.js';
import '../crime-report/crime-report.js';

interface Args {
  headingLevel: number;
}

/** Story parameters: the report the fake service gives, or a route of its own. */
interface ReportParameters {
  report?: VictimCrimeReport;
  service?: (api: FakeApi) => void;
}

const route = `GET /v1/me/cases/${burglary.id}/crime-report`;

/**
 * The victim's own account of the crime as the force recorded it, read-only, with when and where
 * it happened and how to ask for a correction. Signed in (a session in this tab).
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-crime-report',
  component: 'vp-crime-report',
  args: { headingLevel: 3 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args, { parameters }) => {
    const { report = burglaryCrimeReport, service } = parameters as ReportParameters;
    noSession();
    resumableSession(Date.now());
    const api = new FakeApi().on(route, { status: 200, body: report });
    service?.(api);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-crime-report api-base="/" case-id=${burglary.id} heading-level=${args.headingLevel} .fetch=${api.fetch}></vp-crime-report>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sidebarOnly = ['!autodocs'];

/** The account, and a span of time the burglary may have happened in. */
export const AsRecorded: Story = {};
/** Known to the minute, no place recorded, and an account the force has not shared. */
export const AccountNotShared: Story = {
  tags: sidebarOnly,
  parameters: { report: { ...burglaryCrimeReport, incidentUntil: null, location: null, account: null } },
};
/** A long account, place, crime type and reference wrap at 320 px rather than scroll sideways. */
export const LongWords: Story = {
  tags: sidebarOnly,
  parameters: {
    viewport: { value: 'mobile1' },
    report: {
      ...burglaryCrimeReport,
      crimeReference: burglaryWithLongWords.crimeReference,
      crimeType: burglaryWithLongWords.crimeType,
      location: 'Flat 12B, Montgomery-Fitzwilliam House, 147–153 Upper St Aldhelm’s Road, Kingsmoor-upon-Avon',
      account: `${burglaryCrimeReport.account}\n\nI had photographs of the watch on ${unbrokenLink}\n${'The neighbours at number 14 and number 16 heard a car stop outside at about two in the morning. '.repeat(6)}`,
    },
  },
};
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(route, neverAnswers) } };
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(route, problem(503, 'unavailable')) }, play: failedScreen };
export const Unreachable: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(route, networkFailure) }, play: failedScreen };
export const SignedOut: Story = {
  tags: sidebarOnly,
  render: () => {
    noSession();
    return html`<vp-crime-report api-base="/" case-id=${burglary.id}></vp-crime-report>`;
  },
};
