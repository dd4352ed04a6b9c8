import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Right, RightToReview, VictimsCode } from '@victim-portal/sdk';
import { formatDay } from '../shared/dates.js';
import { heading, type HeadingLevel } from '../shared/heading.js';
import { webAddress } from './web-address.js';


/**
 * @returns each right as a disclosure (`<details>`: Enter or Space opens it, and screen readers
 * say whether it is open), with its summary and a link to the full text. The link opens in the
 * same tab, so the quick exit on the page is still one press away.
 */
export function rightsList(code: VictimsCode): TemplateResult {
  return html`
    <ul part="rights" class="rights">
      ${code.rights.map((right) => rightItem(right, code.language))}
    </ul>
    ${webAddress(code.url)
      ? html`<p><a part="code-link" class="link" href=${webAddress(code.url)!}>${msg("Read the whole Victims' Code")}</a></p>`
      : nothing}
  `;
}

/** The service's words are in `lang` (marked for screen readers); the element's own in the page's. */
function rightItem(right: Right, lang: string): TemplateResult {
  const url = webAddress(right.url);
  return html`
    <li>
      <details part="right">
        <summary>${msg(str`Right ${right.number}:`, { desc: 'Before the title of one of the 12 rights, e.g. "Right 4: To be referred to support services"' })} <span lang=${lang}>${right.title}</span></summary>
        <div class="right-body">
          <p lang=${lang}>${right.summary}</p>
          ${url
            ? html`<p>
                <a class="link" href=${url}>${msg(str`Read the full text of Right ${right.number}`)}<span class="visually-hidden" lang=${lang}>: ${right.title}</span></a>
              </p>`
            : nothing}
        </div>
      </details>
    </li>
  `;
}

/** @returns the Right to Review box: what was decided, by when to ask, and where to read how */
export function rightToReviewBox(review: RightToReview, level: HeadingLevel): TemplateResult {
  const url = webAddress(review.url);
  return html`
    <div part="right-to-review" class="review">
      ${heading(level, msg('You can ask for a review of the decision'))}
      <p>${msg(str`On ${formatDay(review.decidedAt)} the police decided to take no further action against the suspect.`)}</p>
      <p>${msg('If you do not agree, you can ask for the decision to be looked at again by someone who was not involved in it.')}</p>
      <p><strong>${msg(str`Ask by ${formatDay(review.askBy)}.`)}</strong></p>
      ${url ? html`<p><a class="link" href=${url}>${msg('How to ask for a review')}</a></p>` : nothing}
    </div>
  `;
}
