import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type { VictimCase } from '@victim-portal/sdk';
import { formatDay } from '../shared/dates.js';
import { serviceLanguage } from '../shared/localization.js';
import type { SectionContext } from './section-view.js';
import type { CaseView } from './sections.js';
import type { Screen } from './screen.js';

/** What the victim can do on the case screens. */
export interface CaseActions {
  chooseCase(caseId: string): void;
  /** The service said the session is over while the case was shown. */
  sessionEnded(): void;
  showAllCases(): void;
  retry(): void;
}

/** @returns the screen listing the victim's cases, newest report first */
export function caseListScreen(cases: VictimCase[], actions: CaseActions): Screen {
  return {
    heading: msg('Your crime reports'),
    body: html`
      <p>${msg('Choose a report to see how it is going.')}</p>
      <ul part="case-list" class="case-list">
        ${cases.map(
          (victimCase) => html`
            <li>
              <button part="case-button" class="case-button" type="button" @click=${() => actions.chooseCase(victimCase.id)}>
                <span class="case-type" lang=${serviceLanguage}>${victimCase.crimeType}</span>
                <span class="case-detail">${msg(str`Crime reference ${victimCase.crimeReference}, reported ${formatDay(victimCase.reportedAt)}`)}</span>
              </button>
            </li>
          `,
        )}
      </ul>
    `,
  };
}

/** @returns the screen for a victim the service has no cases for (yet) */
export function noCasesScreen(): Screen {
  return {
    heading: msg('We cannot find a crime report for you'),
    body: html`<p>${msg('Your report may not be ready to see here yet. You can call 101 for an update.')}</p>`,
  };
}

/**
 * @returns the screen for one case: its sections (status, timeline, messages, …) and the one
 * open, drawn by the case view once it has arrived
 */
export function caseScreen(victimCase: VictimCase, hasOtherCases: boolean, actions: CaseActions, sections: SectionContext, view: CaseView | undefined): Screen {
  return {
    heading: html`<span lang=${serviceLanguage}>${victimCase.crimeType}</span>`,
    ...(hasOtherCases
      ? {
          before: html`<button class="back" type="button" @click=${() => actions.showAllCases()}>${msg('Back to all your reports')}</button>`,
        }
      : {}),
    body: view
      ? view.caseBody(victimCase, sections)
      : sections.load === 'failed'
        ? html`<p>${msg('This part of your case did not load. Check your internet connection and try again.')}</p>
            <button class="button secondary" type="button" @click=${() => sections.retry()}>${msg('Try again')}</button>`
        : html`<p>${msg('Getting this part of your case…')}</p>`,
  };
}

/** @returns the screen for a request that failed for reasons the victim cannot fix but may retry */
export function failedScreen(requestId: string | undefined, actions: CaseActions): Screen {
  return {
    heading: msg('Sorry, something went wrong'),
    alert: true,
    body: html`
      <p>${msg('We could not get your case just now. Check your internet connection and try again.')}</p>
      ${requestId ? html`<p>${msg(str`If you call us about this, give this reference: ${requestId}`)}</p>` : ''}
      <button class="button" type="button" @click=${() => actions.retry()}>${msg('Try again')}</button>
    `,
  };
}

/** @returns the screen while the service is asked something */
export function busyScreen(): Screen {
  return {
    heading: msg('Getting your case'),
    body: html`<p>${msg('This should only take a moment.')}</p>`,
  };
}
