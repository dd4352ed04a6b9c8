import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { OfficerAbsence, OfficerInCharge } from '@victim-portal/sdk';
import { rankWords } from '../shared/case-words.js';
import { formatDay } from '../shared/dates.js';
import { defineElement } from '../shared/define.js';
import { fact } from '../shared/fact.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import { factListStyles, themeStyles } from '../shared/theme.styles.js';
import { oicCardStyles } from './oic-card.styles.js';

/**
 * @summary Who is dealing with the case: the officer in charge's name, rank in words and collar
 * number, or a kind message while no officer has been given the case. While the officer is
 * away it says when they are back and who is covering (name, rank and collar number), or that
 * nobody is.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading.
 * @csspart facts - The officer's name, rank and collar number.
 * @csspart no-officer - The message shown while no officer has the case.
 * @csspart absence - While the officer is away: when they are back and who is covering.
 *
 * @cssproperty --vp-color-text - Text colour.
 * @cssproperty --vp-color-secondary-text - The hint under the officer's details.
 * @cssproperty --vp-color-panel - Background of the no-officer message.
 * @cssproperty --vp-color-border - Lines between facts.
 * @cssproperty --vp-font-family - Typeface.
 * @cssproperty --vp-space-1 - Spacing scale, smallest (also --vp-space-2 … --vp-space-5).
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpOicCard extends LitElement {
  static override styles = [themeStyles, factListStyles, oicCardStyles];

  /** The officer in charge, or null while nobody has been given the case. */
  @property({ attribute: false }) officer: OfficerInCharge | null = null;

  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;

  constructor() {
    super();
    new LanguageController(this);
  }

  protected override render() {
    const officer = this.officer;
    return html`
      <div part="base">
        ${heading(headingLevel(this.headingLevel, 3), msg('Officer in charge of your case'))}
        ${officer
          ? html`
              <dl part="facts">
                ${fact(msg('Name'), officer.displayName)}
                ${fact(msg('Rank'), rankWords(officer.rank))}
                ${fact(msg('Collar number'), officer.collarNumber)}
              </dl>
              ${officer.absence ? absenceNotice(officer.displayName, officer.absence) : nothing}
              <p class="hint">${msg('If you call 101 about your case, give your crime reference and this collar number.')}</p>
            `
          : html`
              <div part="no-officer" class="no-officer">
                <p>${msg('Your case has not been given to an officer yet.')}</p>
                <p>${msg('When it has, you will see their name here. Until then you can call 101 about your case: give your crime reference.')}</p>
              </div>
            `}
      </div>
    `;
  }
}

/** @returns when the officer is back and who covers meanwhile, in the active language */
function absenceNotice(name: string, absence: OfficerAbsence) {
  const cover = absence.coveredBy;
  return html`
    <div part="absence" class="absence">
      <p>${msg(str`${name} is away. They are back on ${formatDay(absence.until)}.`)}</p>
      ${cover
        ? html`
            <p>${msg('While they are away, this officer is covering your case:')}</p>
            <dl>${fact(msg('Name'), cover.displayName)} ${fact(msg('Rank'), rankWords(cover.rank))} ${fact(msg('Collar number'), cover.collarNumber)}</dl>
          `
        : html`<p>${msg('Nobody is covering while they are away. For anything that cannot wait, call 101 and give your crime reference.')}</p>`}
    </div>
  `;
}

defineElement('vp-oic-card', VpOicCard);

declare global {
  interface HTMLElementTagNameMap {
    'vp-oic-card': VpOicCard;
  }
}
