import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { VictimCrimeReport } from '@victim-portal/sdk';
import { reportedViaWords } from '../shared/case-words.js';
import { formatDay, formatTime } from '../shared/dates.js';
import { checkCaseId } from '../shared/case-id.js';
import { defineElement } from '../shared/define.js';
import { fact } from '../shared/fact.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController, serviceLanguage } from '../shared/localization.js';
import type { PortalSession } from '../shared/session.js';
import { ServiceRead, type ServiceReadState } from '../shared/service-read.js';
import { controlStyles, factListStyles, themeStyles } from '../shared/theme.styles.js';
import { crimeReportStyles } from './crime-report.styles.js';

/**
 * @summary The victim's own account of the crime as the force recorded it, read-only: when and
 * where it happened, the crime reference, and how to ask for a correction (through the
 * officer in charge: the force's records are the record, so nothing is changed here).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The headings.
 * @csspart facts - When and where it happened, and the report's details.
 * @csspart account - The account, as recorded.
 * @csspart correction - How to ask for a correction.
 * @csspart retry-button - "Try again" after the report could not be fetched.
 *
 * @cssprop --vp-color-panel - The account's background.
 * @cssprop --vp-color-brand - The account's edge.
 * @cssprop --vp-color-border - Lines between facts.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpCrimeReport extends LitElement {
  static override styles = [themeStyles, controlStyles, factListStyles, crimeReportStyles];

  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** The case whose crime report to show. */
  @property({ attribute: 'case-id' }) caseId = '';

  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;

  /** A fetch to use instead of the global one, on its own only. Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  @property({ attribute: false }) session: PortalSession | undefined;

  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  @property({ attribute: false }) sessionEnded: (() => void) | undefined;

  // The report is the victim's own words and the force's record, in no one language: read once.
  readonly #report = new ServiceRead<VictimCrimeReport>(this, (client) => client!.crimeReport(this.caseId), false);

  constructor() {
    super();
    new LanguageController(this);
  }

  /** @internal where the read stands, for tests and stories */
  get state(): ServiceReadState {
    return this.#report.state;
  }

  protected override willUpdate(): void {
    this.#report.sync(checkCaseId(this, this.caseId) ? this.caseId : undefined, true);
  }

  protected override render() {
    const level = headingLevel(this.headingLevel, 3);
    const read = this.#report;
    return html`
      <section part="base">
        ${heading(level, msg('What you told us'))} ${read.value ? reportView(read.value, Math.min(level + 1, 6) as HeadingLevel) : this.#notShown()}
      </section>
    `;
  }

  #notShown(): TemplateResult | typeof nothing {
    const read = this.#report;
    switch (read.state) {
      case 'signed-out':
        return html`<p>${msg('Sign in to see your crime report.')}</p>`;
      case 'loading':
        return html`<p>${msg('Getting your crime report…')}</p>`;
      case 'not-found':
        return html`<p>${msg('There is nothing to show for this case. If you think this is wrong, call 101.')}</p>`;
      case 'failed':
        return html`
          <p>${msg('We could not get your crime report just now. Check your internet connection and try again.')}</p>
          <button part="retry-button" class="button secondary" type="button" @click=${() => void read.reload()}>${msg('Try again')}</button>
        `;
      default:
        return nothing;
    }
  }
}

function reportView(report: VictimCrimeReport, level: HeadingLevel): TemplateResult {
  return html`
    <dl part="facts">
      ${fact(msg('When it happened'), report.incidentFrom ? incidentTime(report.incidentFrom, report.incidentUntil) : null)}
      ${fact(msg('Where it happened'), report.location)} ${fact(msg('Crime reference'), report.crimeReference)}
      ${fact(msg('Crime'), report.crimeType, serviceLanguage)}
      ${fact(msg('Date reported'), html`<time datetime=${report.reportedAt}>${formatDay(report.reportedAt)}</time>`)}
      ${fact(msg('How you reported it'), reportedViaWords(report.reportedVia))}
    </dl>
    ${heading(level, msg('Your account, as we recorded it'))}
    ${report.account
      ? html`<blockquote part="account" class="account">${report.account}</blockquote>`
      : html`<p part="account">${msg('Your account cannot be shown here. The officer in charge of your case can tell you what was recorded.')}</p>`}
    <p part="correction" class="correction">
      ${msg('If anything here is wrong or missing, ask the officer in charge of your case to correct it: send them a message, or call 101 and give your crime reference.')}
    </p>
  `;
}

/** @returns when the crime happened: a moment, or the span it happened in */
function incidentTime(from: string, until: string | null): string {
  const at = (timestamp: string) => msg(str`${formatDay(timestamp)} at ${formatTime(timestamp)}`, { desc: 'When a message was sent: a date, then a time' });
  return until ? msg(str`Between ${at(from)} and ${at(until)}`) : at(from);
}

defineElement('vp-crime-report', VpCrimeReport);

declare global {
  interface HTMLElementTagNameMap {
    'vp-crime-report': VpCrimeReport;
  }
}
