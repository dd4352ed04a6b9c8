import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { VictimCase } from '@victim-portal/sdk';
import { statusWords, reportedViaWords } from '../shared/case-words.js';
import { formatDay } from '../shared/dates.js';
import { defineElement } from '../shared/define.js';
import { fact } from '../shared/fact.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController, serviceLanguage } from '../shared/localization.js';
import { factListStyles, themeStyles } from '../shared/theme.styles.js';
import { caseStatusStyles } from './case-status.styles.js';

/**
 * @summary A victim's case at a glance: where the investigation stands in plain words, when
 * their next update is due, the crime reference, the crime type, and when and how it was reported.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading.
 * @csspart status - The panel saying where the investigation stands.
 * @csspart update-due - The line saying by when the victim should next hear (while the case is open).
 * @csspart facts - The list of facts about the report.
 *
 * @cssproperty --vp-color-text - Text colour.
 * @cssproperty --vp-color-secondary-text - Captions.
 * @cssproperty --vp-color-brand - The status panel's edge.
 * @cssproperty --vp-color-panel - The status panel's background.
 * @cssproperty --vp-color-border - Lines between facts.
 * @cssproperty --vp-font-family - Typeface.
 * @cssproperty --vp-space-1 - Spacing scale, smallest (also --vp-space-2 … --vp-space-5).
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpCaseStatus extends LitElement {
  static override styles = [themeStyles, factListStyles, caseStatusStyles];

  /** The case to show, as the service returns it; nothing renders without one. */
  @property({ attribute: false }) case: VictimCase | undefined;

  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;

  constructor() {
    super();
    new LanguageController(this);
  }

  protected override render() {
    const victimCase = this.case;
    if (!victimCase) return nothing;
    const status = statusWords(victimCase.status);
    return html`
      <div part="base">
        ${heading(headingLevel(this.headingLevel, 3), msg('About your case'))}
        <div part="status" class="status">
          <p class="status-caption">${msg('Where your case is now')}</p>
          <p class="status-title">${status.title}</p>
          <p>${status.explanation}</p>
          ${victimCase.nextUpdateDue
            ? html`<p part="update-due" class="update-due">${msg(str`Your next update is due by ${formatDay(victimCase.nextUpdateDue)}.`)}</p>`
            : nothing}
        </div>
        <dl part="facts">
          ${fact(msg('Crime reference'), victimCase.crimeReference)}
          ${fact(msg('Crime'), victimCase.crimeType, serviceLanguage)}
          ${fact(msg('Date reported'), html`<time datetime=${victimCase.reportedAt}>${formatDay(victimCase.reportedAt)}</time>`)}
          ${fact(msg('How you reported it'), reportedViaWords(victimCase.reportedVia))}
        </dl>
      </div>
    `;
  }
}

defineElement('vp-case-status', VpCaseStatus);

declare global {
  interface HTMLElementTagNameMap {
    'vp-case-status': VpCaseStatus;
  }
}
