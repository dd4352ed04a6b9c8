import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { getVictimsCode, type CaseRights, type VictimsCode } from '@victim-portal/sdk';
import { checkCaseId } from '../shared/case-id.js';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import type { PortalSession } from '../shared/session.js';
import { ServiceRead } from '../shared/service-read.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { rightsStyles } from './rights.styles.js';
import { rightsList, rightToReviewBox } from './rights-view.js';

/** What either read gives: the case's rights (with any Right to Review) or the whole Code. */
type Shown = Pick<CaseRights, 'code'> & Partial<Pick<CaseRights, 'rightToReview'>>;

/**
 * @summary The victim's rights under the Victims' Code: with `case-id`, those that apply at the
 * case's stage and the Right to Review box when a no-further-action decision gives one; without
 * it, all 12 rights from the public Code (for any page of a force's website, no sign-in).
 *
 * Each right is a disclosure with its summary and a link to its full text, which opens in the
 * same tab (a new tab would be out of the quick exit's reach).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The headings.
 * @csspart right-to-review - The Right to Review box, with the date to ask by.
 * @csspart rights - The list of rights.
 * @csspart right - Each right's disclosure (`<details>`).
 * @csspart code-link - The link to the whole Code.
 *
 * @cssproperty --vp-color-brand - Disclosure titles, links and the Right to Review border.
 * @cssproperty --vp-color-border - Lines between rights.
 * @cssproperty --vp-focus-colour - Focus highlight.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpRights extends LitElement {
  static override styles = [themeStyles, controlStyles, rightsStyles];

  /** The API's base URL (inside `<vp-portal>` the portal's session is used). */
  @property({ attribute: 'api-base' }) apiBase = '/';
  /** The victim's case; left out, the element shows the whole Code, signed in or not. */
  @property({ attribute: 'case-id' }) caseId = '';
  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;
  /** A fetch to use instead of the global one. Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;
  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  @property({ attribute: false }) session: PortalSession | undefined;
  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  @property({ attribute: false }) sessionEnded: (() => void) | undefined;

  /** @internal the read from the service, for tests */
  readonly rights = new ServiceRead<Shown>(this, async (client, lang) =>
    client ? client.rights(this.caseId, { lang }) : { code: await getVictimsCode({ baseUrl: this.apiBase, lang, ...(this.fetch ? { fetch: this.fetch } : {}) }) },
  );

  constructor() {
    super();
    new LanguageController(this);
  }

  protected override willUpdate(): void {
    // No case id: the public Code. A bad one: nothing (the page's mistake, said in the console).
    const publicCode = this.caseId === '';
    this.rights.sync(publicCode || checkCaseId(this, this.caseId) ? this.caseId : undefined, !publicCode);
  }

  protected override render() {
    const level = headingLevel(this.headingLevel, 3);
    return html`
      <section part="base">
        ${heading(level, this.caseId ? msg('Your rights as a victim of crime') : msg("Your rights under the Victims' Code"))} ${this.#body(level)}
      </section>
    `;
  }

  #body(level: HeadingLevel) {
    const { state, value } = this.rights;
    if (state === 'signed-out') return html`<p>${msg('Sign in to see the rights that apply to your case.')}</p>`;
    if (state === 'loading') return html`<p>${msg('Getting your rights…')}</p>`;
    if (state === 'not-found') return html`<p>${msg('There are no rights to show for this case. If you think this is wrong, call 101.')}</p>`;
    if (state === 'failed' || !value) {
      return html`
        <p>${msg('We could not get your rights just now. Check your internet connection and try again.')}</p>
        ${this.rights.requestId ? html`<p>${msg(str`If you call us about this, give this reference: ${this.rights.requestId}`)}</p>` : nothing}
        <button class="button secondary" type="button" @click=${() => void this.rights.reload()}>${msg('Try again')}</button>
      `;
    }
    const subLevel = Math.min(level + 1, 6) as HeadingLevel;
    return html`
      ${value.rightToReview ? rightToReviewBox(value.rightToReview, subLevel) : nothing}
      <p>${this.caseId ? msg('These rights apply to your case now. Open each one to read what it means for you.') : intro(value.code)}</p>
      ${rightsList(value.code)}
    `;
  }
}

function intro(code: VictimsCode) {
  return code.rights.length === 12
    ? msg("The Victims' Code gives every victim of crime in England and Wales 12 rights. Open each one to read what it means.")
    : msg('Open each right to read what it means.');
}

defineElement('vp-rights', VpRights);

declare global {
  interface HTMLElementTagNameMap {
    'vp-rights': VpRights;
  }
}
