import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { UsageReport } from '@victim-portal/sdk';
import { defineElement } from '../shared/define.js';
import { formatDay, formatTime } from '../shared/dates.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { checkApiBase } from './api-base.js';
import { forceDashboardStyles } from './force-dashboard.styles.js';
import { headline } from './headline.js';
import { formatCount, formatRate, rate } from './numbers.js';
import { checkPeriod, presetOf, presetPeriod, ukToday, type Period, type PeriodPreset } from './period.js';
import { periodForm, type PeriodFormState } from './period-form.js';
import { UsageReportRead, type ReportFailure } from './usage-report-read.js';
import { weekChart, weekTable } from './week-chart.js';

/**
 * @summary The force's own figures for force staff: what the Victim Portal did for its victims in
 * a period (sign-ins, messages, reply times, Victims' Code compliance, an estimate of 101 calls
 * avoided), charts by week with their tables, and the figures as CSV.
 *
 * The host page gives `getToken`, which fetches a short-lived admin token (`vpa_…`) from its own
 * back end (minted there with `ForceClient.mintAdminToken` after the member of staff signed in);
 * the element asks for a new one once whenever the service refuses the one held. It shows
 * counts only, never anything about a case or a victim.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - Each heading.
 * @csspart period - The period form (presets, dates, "Show figures").
 * @csspart status - What is happening now (loading, the period shown), announced politely.
 * @csspart alert - A problem, with the reference to quote.
 * @csspart retry-button - "Try again" after a problem.
 * @csspart download-button - "Download the figures (CSV)".
 * @csspart figures - The headline figures.
 * @csspart chart - Each chart (a figure with its title, scale and weeks).
 * @csspart table-disclosure - Each chart's table, behind "Show the table".
 * @csspart table - Each table.
 *
 * @cssprop --vp-color-brand - The charts' bars.
 * @cssprop --vp-color-error - Problems.
 * @cssprop --vp-color-border - Gridlines and table lines.
 * @cssprop --vp-color-secondary-text - Scales and notes.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpForceDashboard extends LitElement {
  static override styles = [themeStyles, controlStyles, forceDashboardStyles];

  /** The API's base URL (http or https, or a path on this site). Read once, when the element starts. */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** The level of this element's main heading, 2–6; its sections' are one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  /** Fetches a fresh admin token from the host page's back end. */
  @property({ attribute: false }) getToken: (() => Promise<string>) | undefined;

  /** A fetch to use instead of the global one (tests, instrumented fetch). Set before `getToken`. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** @internal the report being read, for tests and stories */
  readonly read = new UsageReportRead(this);
  #form: PeriodFormState = { ...presetPeriod('last-4-weeks', ukToday()), preset: 'last-4-weeks', problems: [] };
  #misconfigured = false;
  #focusSummary = false;

  constructor() {
    super();
    new LanguageController(this);
  }

  protected override willUpdate(): void {
    if (this.read.started || this.#misconfigured || !this.getToken) return;
    const baseUrl = checkApiBase(this, this.apiBase);
    if (baseUrl === undefined) {
      this.#misconfigured = true;
      return;
    }
    const getToken = this.getToken;
    this.read.start({ baseUrl, getToken: () => getToken(), fetch: this.fetch });
    void this.read.load({ from: this.#form.from, to: this.#form.to });
  }

  protected override updated(): void {
    if (!this.#focusSummary) return;
    this.#focusSummary = false;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  protected override render() {
    const level = headingLevel(this.headingLevel, 2);
    const sub = Math.min(level + 1, 6) as HeadingLevel;
    const read = this.read;
    return html`<div part="base">
      ${heading(level, msg('Victim Portal: usage and outcomes'))}
      ${this.#misconfigured
        ? html`<p class="problem" role="alert" part="alert">${msg('This page is not set up correctly, so the figures cannot be shown. Tell the team that looks after it.')}</p>`
        : html`${periodForm(this.#form, sub, {
              choosePreset: (preset) => this.#choosePreset(preset),
              submit: (from, to) => this.#submit(from, to),
              focusField: (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
            })}
            <p class="summary-line" role="status" part="status">${this.#status()}</p>
            ${read.state === 'failed' ? this.#failed(read.failure, read.requestId) : nothing}
            ${read.state === 'ready' && read.report ? this.#figures(read.report, sub) : nothing}`}
    </div>`;
  }

  /** @returns what is happening, for the status line (a polite live region) */
  #status(): string {
    const { state, period, report } = this.read;
    if (state === 'loading' && period) return msg(str`Getting the figures from ${formatDay(period.from)} to ${formatDay(period.to)}…`);
    if (state === 'ready' && report) {
      return msg(str`Figures from ${formatDay(report.from)} to ${formatDay(report.to)}, counted at ${formatTime(report.asOf)} on ${formatDay(report.asOf)}.`);
    }
    return '';
  }

  #failed(failure: ReportFailure | undefined, requestId: string | undefined): TemplateResult {
    return html`<div class="problem" role="alert" part="alert">
        <p>${failureWords(failure)}</p>
        ${requestId ? html`<p>${msg(str`Reference to quote: ${requestId}`)}</p>` : nothing}
      </div>
      <button class="button secondary" part="retry-button" type="button" @click=${() => this.#reload()}>${msg('Try again')}</button>`;
  }

  #figures(report: UsageReport, level: HeadingLevel): TemplateResult {
    const weeks = report.byWeek.map((week) => week.weekStarting);
    const count = (value: number) => formatCount(value);
    const share = (value: number) => formatRate(value);
    const compliance = report.byWeek.map((week) => rate(week.victimsCodeMet, week.victimsCodeDue));
    const download = this.read.download;
    return html`
      <p>
        <button class="button secondary" part="download-button" type="button" aria-disabled=${download === 'preparing' ? 'true' : 'false'} @click=${() => void this.read.downloadCsv()}>
          ${msg('Download the figures (CSV)')}
        </button>
      </p>
      <p role="status" class="summary-line">
        ${download === 'preparing' ? msg('Preparing the file…') : download === 'ready' ? msg('The file is ready.') : ''}
      </p>
      ${download === 'failed' ? this.#downloadFailed() : nothing}
      <section>${heading(level, msg('Headline figures'))} ${headline(report)}</section>
      <section>
        ${heading(level, msg('Sign-ins and messages per week'))}
        <div class="charts">
          ${weekChart({ title: msg('Sign-ins'), values: report.byWeek.map((week) => week.signIns) }, weeks, count)}
          ${weekChart({ title: msg('Victims’ messages'), values: report.byWeek.map((week) => week.messagesFromVictims) }, weeks, count)}
          ${weekChart({ title: msg('Officers’ messages'), values: report.byWeek.map((week) => week.messagesFromOfficers) }, weeks, count)}
        </div>
        ${weekTable('activity', msg('Sign-ins and messages per week'), weeks, [
          { heading: msg('Sign-ins'), cells: report.byWeek.map((week) => count(week.signIns)) },
          { heading: msg('Victims who signed in'), cells: report.byWeek.map((week) => count(week.victimsSignedIn)) },
          { heading: msg('Victims’ messages'), cells: report.byWeek.map((week) => count(week.messagesFromVictims)) },
          { heading: msg('Officers’ messages'), cells: report.byWeek.map((week) => count(week.messagesFromOfficers)) },
          { heading: msg('Requests for an update'), cells: report.byWeek.map((week) => count(week.updateRequests)) },
        ])}
      </section>
      <section>
        ${heading(level, msg("Victims' Code compliance per week"))}
        <p>${msg('Key decisions whose deadline for telling the victim fell in the week and has passed, and how many were told on time.')}</p>
        <div class="charts">${weekChart({ title: msg('Told on time'), values: compliance, share: true }, weeks, share)}</div>
        ${weekTable('compliance', msg("Victims' Code compliance per week"), weeks, [
          { heading: msg('Due'), cells: report.byWeek.map((week) => count(week.victimsCodeDue)) },
          { heading: msg('Told on time'), cells: report.byWeek.map((week) => count(week.victimsCodeMet)) },
          { heading: msg('Compliance'), cells: compliance.map((value) => formatRate(value)) },
        ])}
      </section>
    `;
  }

  #downloadFailed(): TemplateResult {
    return html`<div class="problem" role="alert" part="alert">
      <p>${msg('The file could not be downloaded.')} ${failureWords(this.read.downloadFailure)}</p>
      ${this.read.downloadRequestId ? html`<p>${msg(str`Reference to quote: ${this.read.downloadRequestId}`)}</p>` : nothing}
    </div>`;
  }

  #choosePreset(preset: PeriodPreset): void {
    this.#show(presetPeriod(preset, ukToday()));
  }

  #submit(from: string, to: string): void {
    const checked = checkPeriod(from, to);
    if (checked.problems) {
      this.#form = { from, to, preset: undefined, problems: checked.problems };
      this.#focusSummary = true;
      this.requestUpdate();
      return;
    }
    this.#show(checked.period);
  }

  #show(period: Period): void {
    this.#form = { ...period, preset: presetOf(period, ukToday()), problems: [] };
    void this.read.load(period);
  }

  #reload(): void {
    const period = this.read.period;
    if (period) void this.read.load(period);
  }

  /**
   * Saves the CSV: a Blob URL on an `a[download]`, clicked. No inline script or data: URL, so a
   * strict Content-Security-Policy allows it; the URL is let go once the browser has the file.
   * @param csv the service's CSV, as it sent it
   * @param fileName the name to save it under
   */
  saveCsv(csv: string, fileName: string): void {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** @returns what to tell the member of staff about a failure */
function failureWords(failure: ReportFailure | undefined): string {
  switch (failure) {
    case 'signed-out':
      return msg('Your access to the figures has ended or could not be checked. Sign in again, then try again.');
    case 'refused':
      return msg('The service could not give figures for this period. Check the dates and try again.');
    default:
      return msg('The figures could not be loaded. Try again, or contact your service desk if it keeps happening.');
  }
}

defineElement('vp-force-dashboard', VpForceDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'vp-force-dashboard': VpForceDashboard;
  }
}
