// <vp-force-dashboard> against the real service: a force with a small history, its report read
// with real admin tokens through the test page's relay, compared with what the force's API key
// reads for the same period.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { shownText } from '../../test/render.js';
import {
  allInDashboard,
  button,
  commands,
  csvWithoutAsOf,
  figure,
  inDashboard,
  mountDashboard,
  nextDownload,
  tableRows,
  untilSettled,
  type SeededForce,
} from '../../test/force-dashboard-harness.js';
import { formatCount, formatEstimate, formatMinutes, formatRate, rate } from './numbers.js';
import { presetPeriod, ukToday } from './period.js';
import './force-dashboard.js';

let force: SeededForce;

beforeAll(async () => {
  force = await commands.seedUsageHistory();
  // The seed did what it says, or every comparison below would be of zeros.
  expect(force.report.signIns).toEqual({ victims: 2, signIns: 2 });
  expect(force.report.invites.sent).toBe(4);
  expect(force.report.messages.fromVictims).toBeGreaterThanOrEqual(2);
  expect(force.report.messages.updateRequests).toBe(2);
}, 120_000);

describe('<vp-force-dashboard> with a real report', () => {
  it("shows the headline figures of the last 4 weeks, as the force's API key reads them, with one token", async () => {
    const { dashboard, tokens } = await mountDashboard(force);
    await untilSettled(dashboard);
    const { report } = force;
    expect(dashboard.read.report?.from).toBe(force.period.from);
    expect(dashboard.read.report?.to).toBe(force.period.to);

    expect(figure(dashboard, 'victims-signed-in')).toBe(formatCount(report.signIns.victims));
    expect(figure(dashboard, 'sign-ins')).toBe(formatCount(report.signIns.signIns));
    expect(figure(dashboard, 'activation-rate')).toBe(formatRate(report.invites.activationRate));
    expect(figure(dashboard, 'messages-from-victims')).toBe(formatCount(report.messages.fromVictims));
    expect(figure(dashboard, 'messages-from-officers')).toBe(formatCount(report.messages.fromOfficers));
    expect(figure(dashboard, 'update-requests')).toBe(formatCount(report.messages.updateRequests));
    expect(figure(dashboard, 'reply-time')).toBe(formatMinutes(report.officerReplyTime.workingMinutes.median));
    expect(figure(dashboard, 'victims-code')).toBe(formatRate(report.victimsCode.rate));
    expect(figure(dashboard, 'calls-avoided')).toBe(formatEstimate(report.callsAvoided.estimate));
    expect(figure(dashboard, 'activation-rate')).toBe('50%');
    const detail = inDashboard(dashboard, '[data-figure="activation-rate"] .detail').textContent;
    expect(detail).toContain(`${report.invites.redeemed} of the ${report.invites.sent} invites`);

    // The method behind the estimate, with the force's own assumptions.
    const method = inDashboard(dashboard, '[data-figure="calls-avoided"] details');
    expect(method.querySelector('summary')!.textContent).toBe('How this is estimated');
    expect(method.textContent).toContain(`within ${report.callsAvoided.assumptions.updateReadWithinDays ?? 7} days`);

    expect(inDashboard(dashboard, '[part="status"]').textContent).toMatch(/^Figures from .+ to .+, counted at \d\d:\d\d on .+\.$/);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/^vpa_/);
    // Counts only: nothing of a case or a victim (the seed's names and references) is shown.
    expect(shownText(dashboard)).not.toMatch(/Morgan|Alex|DASH\//);
  });

  it("each chart's table holds the chart's numbers, a row a week, and the chart says what it shows", async () => {
    const { dashboard } = await mountDashboard(force);
    await untilSettled(dashboard);
    const weeks = force.report.byWeek;
    const [activity, compliance] = allInDashboard<HTMLTableElement>(dashboard, 'table');
    const activityRows = tableRows(activity!);
    const complianceRows = tableRows(compliance!);
    expect(activityRows).toHaveLength(weeks.length);
    expect(complianceRows).toHaveLength(weeks.length);

    const charts = allInDashboard(dashboard, 'figure.chart');
    expect(charts.map((chart) => chart.querySelector('figcaption')!.textContent)).toEqual(['Sign-ins', 'Victims’ messages', 'Officers’ messages', 'Told on time']);
    // Each bar's value, by week (no bar is a zero, or nothing due), against the table's column.
    const barsOf = (chart: HTMLElement) =>
      weeks.map((week) => {
        const bar = chart.querySelector(`rect[data-week="${week.weekStarting}"]`);
        return bar ? Number(bar.getAttribute('data-value')) : null;
      });
    const column = (rows: string[][], index: number) => rows.map((row) => row[index]);
    expect(barsOf(charts[0]!).map((value) => formatCount(value ?? 0))).toEqual(column(activityRows, 1));
    expect(barsOf(charts[1]!).map((value) => formatCount(value ?? 0))).toEqual(column(activityRows, 3));
    expect(barsOf(charts[2]!).map((value) => formatCount(value ?? 0))).toEqual(column(activityRows, 4));
    expect(barsOf(charts[3]!).map((value) => (value === null ? null : formatRate(value)))).toEqual(
      complianceRows.map((row) => (row[3] === formatRate(null) || row[3] === '0%' ? null : row[3])),
    );
    // And both against the service's figures.
    expect(column(activityRows, 1)).toEqual(weeks.map((week) => formatCount(week.signIns)));
    expect(column(activityRows, 2)).toEqual(weeks.map((week) => formatCount(week.victimsSignedIn)));
    expect(column(activityRows, 5)).toEqual(weeks.map((week) => formatCount(week.updateRequests)));
    expect(column(complianceRows, 3)).toEqual(weeks.map((week) => formatRate(rate(week.victimsCodeMet, week.victimsCodeDue))));
    expect(weeks.reduce((sum, week) => sum + week.signIns, 0)).toBe(force.report.signIns.signIns);

    // Each drawing is one image named by what it shows; the tables sit in labelled regions.
    for (const chart of charts) {
      const drawing = chart.querySelector('svg')!;
      expect(drawing.getAttribute('role')).toBe('img');
      expect(drawing.getAttribute('aria-label')).toMatch(/weeks from the week starting|nothing to show/);
    }
    expect(charts[0]!.querySelector('svg')!.getAttribute('aria-label')).toContain(`Highest ${formatCount(Math.max(...weeks.map((week) => week.signIns)))}`);
    const regions = allInDashboard(dashboard, '.table-region');
    expect(regions.map((region) => [region.getAttribute('role'), region.getAttribute('tabindex')])).toEqual([
      ['region', '0'],
      ['region', '0'],
    ]);
    expect(regions.map((region) => dashboard.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Sign-ins and messages per week',
      "Victims' Code compliance per week",
    ]);
  });

  it('reads the figures again for a preset or dates typed in, and refuses a period that ends before it starts or is too long', async () => {
    const { dashboard } = await mountDashboard(force);
    await untilSettled(dashboard);
    const pressed = () => allInDashboard(dashboard, '.presets [aria-pressed="true"]').map((preset) => preset.textContent!.trim());
    expect(pressed()).toEqual(['Last 4 weeks']);

    await userEvent.click(button(dashboard, 'Last 3 months'));
    await untilSettled(dashboard);
    const threeMonths = presetPeriod('last-3-months', ukToday());
    expect({ from: dashboard.read.report!.from, to: dashboard.read.report!.to }).toEqual(threeMonths);
    const expected = await commands.usageReport(force.forceId, threeMonths);
    expect(figure(dashboard, 'sign-ins')).toBe(formatCount(expected.signIns.signIns));
    expect(dashboard.read.report!.byWeek.map((week) => week.weekStarting)).toEqual(expected.byWeek.map((week) => week.weekStarting));
    expect(pressed()).toEqual(['Last 3 months']);
    expect(inDashboard<HTMLInputElement>(dashboard, '#period-from').value).toBe(threeMonths.from);

    // The last day before the first: a message, and the service is not asked.
    const load = vi.spyOn(dashboard.read, 'load');
    await userEvent.fill(inDashboard(dashboard, '#period-from'), '2026-03-10');
    await userEvent.fill(inDashboard(dashboard, '#period-to'), '2026-03-01');
    await userEvent.click(button(dashboard, 'Show figures'));
    await expect.poll(() => dashboard.shadowRoot!.activeElement?.className).toBe('error-summary');
    expect(inDashboard(dashboard, '.error-summary').textContent).toContain('The first day must be the same as or before the last day');
    expect(inDashboard(dashboard, '#period-from').getAttribute('aria-invalid')).toBe('true');
    expect(inDashboard(dashboard, '#period-from').getAttribute('aria-describedby')).toBe('period-from-error');
    expect(load).not.toHaveBeenCalled();
    expect(dashboard.read.state).toBe('ready');

    // Longer than 366 days: the same.
    await userEvent.fill(inDashboard(dashboard, '#period-from'), '2025-01-01');
    await userEvent.fill(inDashboard(dashboard, '#period-to'), '2026-03-01');
    await userEvent.click(button(dashboard, 'Show figures'));
    await expect.poll(() => inDashboard(dashboard, '.error-summary').textContent).toContain('The period can be at most 366 days');
    expect(load).not.toHaveBeenCalled();

    // The error summary's link takes focus to the field.
    await userEvent.click(inDashboard(dashboard, '.error-summary a'));
    expect(dashboard.shadowRoot!.activeElement?.id).toBe('period-from');

    // Good dates: read for them.
    const typed = { from: force.period.from, to: force.period.to };
    await userEvent.fill(inDashboard(dashboard, '#period-from'), typed.from);
    await userEvent.fill(inDashboard(dashboard, '#period-to'), typed.to);
    await userEvent.keyboard('{Enter}');
    await untilSettled(dashboard);
    expect(load).toHaveBeenCalledWith(typed);
    expect(dashboard.shadowRoot!.querySelector('.error-summary')).toBeNull();
    expect(figure(dashboard, 'sign-ins')).toBe(formatCount(force.report.signIns.signIns));
    expect(pressed()).toEqual(['Last 4 weeks']);
  });

  it("downloads the service's own CSV of the period shown", async () => {
    const { dashboard } = await mountDashboard(force);
    await untilSettled(dashboard);
    const download = nextDownload(dashboard);
    await userEvent.click(button(dashboard, 'Download the figures (CSV)'));
    const saved = await download;
    expect(saved.fileName).toBe(`victim-portal-usage-${force.period.from}-to-${force.period.to}.csv`);
    expect(saved.text.split(/\r?\n/)[0]).toBe('section,key,measure,value');
    const byApiKey = await commands.usageReportCsv(force.forceId, force.period);
    expect(csvWithoutAsOf(saved.text)).toEqual(csvWithoutAsOf(byApiKey));
    await expect.poll(() => dashboard.read.download).toBe('ready');
    expect(shownText(dashboard)).toContain('The file is ready.');
  });

  it('when the token has run out, asks the host page for a new one once and shows the figures', async () => {
    const { dashboard, tokens } = await mountDashboard(force);
    await untilSettled(dashboard);
    await commands.expireAdminTokens(force.forceId);
    await userEvent.click(button(dashboard, 'Show figures'));
    await untilSettled(dashboard);
    expect(tokens).toHaveLength(2);
    expect(figure(dashboard, 'sign-ins')).toBe(formatCount(force.report.signIns.signIns));
  });

  it('when the new token is refused too, says access has ended with the reference to quote, and tries again on request', async () => {
    let asked = 0;
    const getToken = () => {
      asked += 1;
      return Promise.resolve(`vpa_${'refused'.repeat(6)}${asked}`);
    };
    const { dashboard } = await mountDashboard(force, { getToken });
    await untilSettled(dashboard, 'failed');
    expect(asked).toBe(2);
    const alert = inDashboard(dashboard, '[role="alert"]');
    expect(alert.textContent).toContain('Your access to the figures has ended or could not be checked.');
    expect(alert.textContent).toMatch(/Reference to quote: \S+/);
    expect(dashboard.shadowRoot!.querySelector('[part="figures"]')).toBeNull();
    await userEvent.click(button(dashboard, 'Try again'));
    await untilSettled(dashboard, 'failed');
    expect(asked).toBe(4);
  });

  it('says it is getting the figures while it waits, and that they could not be loaded when the service is down', async () => {
    const waiting = await mountDashboard(force, { getToken: () => new Promise<string>(() => undefined) });
    expect(inDashboard(waiting.dashboard, '[part="status"]').textContent).toMatch(/^Getting the figures from .+ to .+…$/);

    const { dashboard } = await mountDashboard(force, { apiBase: '/report-service-down/' });
    await untilSettled(dashboard, 'failed');
    expect(inDashboard(dashboard, '[role="alert"]').textContent).toContain('The figures could not be loaded.');
    expect(button(dashboard, 'Try again')).toBeTruthy();
  });

  it('asks nothing with an api-base that is not a web address, and says the page is not set up', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let asked = 0;
    const { dashboard } = await mountDashboard(force, {
      apiBase: 'javascript:alert(1)',
      getToken: () => {
        asked += 1;
        return Promise.resolve('vpa_never');
      },
    });
    expect(inDashboard(dashboard, '[role="alert"]').textContent).toContain('This page is not set up correctly');
    expect(asked).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('api-base "javascript:alert(1)"'));
    warn.mockRestore();
  });

  it('speaks Welsh on a Welsh page', async () => {
    document.documentElement.lang = 'cy';
    const { dashboard } = await mountDashboard(force);
    await untilSettled(dashboard);
    await expect.poll(() => shownText(dashboard)).toContain('Porth Dioddefwyr: defnydd a chanlyniadau');
    expect(shownText(dashboard)).toContain('Prif ffigurau');
  });

  it('speaks Polish on a Polish page, its dates written by Intl in Polish', async () => {
    document.documentElement.lang = 'pl';
    const { dashboard } = await mountDashboard(force);
    await untilSettled(dashboard);
    await expect.poll(() => shownText(dashboard)).toContain('Portal dla ofiar: korzystanie i wyniki');
    expect(shownText(dashboard)).toContain('Najważniejsze dane');
    // "Dane od 3 marca 2025 do 30 marca 2025, policzone o 14:05 dnia 31 marca 2025."
    expect(shownText(dashboard)).toMatch(/Dane od \d{1,2} [a-ząćęłńóśźż]+ \d{4} do \d{1,2} [a-ząćęłńóśźż]+ \d{4}, policzone o \d{2}:\d{2} dnia/);
  });
});
