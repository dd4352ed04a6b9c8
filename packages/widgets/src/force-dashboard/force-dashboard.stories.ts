import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { UsageReport } from '@victim-portal/sdk';
import { failedScreen, FakeApi, neverAnswers, networkFailure, problem } from '../stories/fake-service.js';
import { fillAndSubmit, until } from '../stories/play.js';
import { quietReport, usageReportCsv, usageReportFor } from '../stories/usage-report.js';
import { ukToday } from './period.js';
import type { VpForceDashboard } from './force-dashboard.js';
import './force-dashboard.js';

interface Args {
  headingLevel: number;
}

/** Story parameters: the report the fake service gives, or a change to the service. */
interface DashboardParameters {
  report?: UsageReport;
  service?: (api: FakeApi) => void;
}

/**
 * The force staff's dashboard, as a force's admin page embeds it, against a fake service. Its
 * `getToken` stands in for the page's call to its own back end; "Download the figures (CSV)"
 * saves a short CSV made from the story's report.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-force-dashboard',
  component: 'vp-force-dashboard',
  args: { headingLevel: 2 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the main heading, 2–6' },
  },
  render: (args, { parameters }) => {
    const { report = usageReportFor(4, ukToday()), service } = parameters as DashboardParameters;
    const api = new FakeApi().on('GET /v1/reports/usage', { status: 200, body: report });
    service?.(api);
    // The fake service answers JSON; the CSV is asked for with Accept: text/csv.
    const fetchWithCsv: typeof fetch = (input, init) => {
      const accept = new Request(input, init).headers.get('accept') ?? '';
      if (!accept.includes('text/csv')) return api.fetch(input, init);
      return Promise.resolve(new Response(usageReportCsv(report), { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    };
    return html`<vp-force-dashboard
      api-base="/"
      heading-level=${args.headingLevel}
      .fetch=${fetchWithCsv}
      .getToken=${() => Promise.resolve('vpa_StoryAdminToken_0123456789abcdef')}
    ></vp-force-dashboard>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const sidebarOnly = ['!autodocs'];
const dashboard = (canvas: HTMLElement): VpForceDashboard => canvas.querySelector('vp-force-dashboard')!;

/** The last 4 weeks at the scale of a force's first months: headline figures, charts and their tables. */
export const Figures: Story = {};
/** Thirteen weeks, as "Last 3 months" gives. */
export const ThreeMonths: Story = { tags: sidebarOnly, parameters: { report: usageReportFor(13, ukToday()) } };
/** A year of weeks: the bars narrow, the tables scroll inside their own region. */
export const AYear: Story = { tags: sidebarOnly, parameters: { report: usageReportFor(52, ukToday()) } };
/** Nothing happened: counts of zero, rates and times with nothing to measure. */
export const NothingYet: Story = { tags: sidebarOnly, parameters: { report: quietReport(ukToday()) } };
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/reports/usage', neverAnswers) } };
/** The token was refused twice: access has ended, with the reference to quote. */
export const AccessEnded: Story = {
  tags: sidebarOnly,
  parameters: { service: (api: FakeApi) => void api.on('GET /v1/reports/usage', problem(401, 'unauthenticated')) },
};
export const Unavailable: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/reports/usage', networkFailure) }, play: failedScreen };
/** The service failed (503): what to do, and the reference to quote. */
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on('GET /v1/reports/usage', problem(503, 'unavailable')) }, play: failedScreen };
/** A period whose last day comes before its first: the error summary, focused, and the field marked. */
export const PeriodRefused: Story = {
  tags: sidebarOnly,
  play: async ({ canvasElement }) => {
    const element = dashboard(canvasElement);
    await until(() => element.read.state === 'ready');
    element.shadowRoot!.querySelector<HTMLInputElement>('#period-from')!.value = '2026-03-10';
    await fillAndSubmit(element, 'period-to', '2026-03-01');
  },
};
/** On a 320 px phone: the figures in one column, the charts full width, nothing scrolls sideways. */
export const OnAPhone: Story = { tags: sidebarOnly, parameters: { viewport: { value: 'mobile1' } } };
