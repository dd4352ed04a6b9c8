import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { isProblem, type SupportReferral, type VictimSupportService } from '@victim-portal/sdk';
import { checkCaseId } from '../shared/case-id.js';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import type { PortalSession } from '../shared/session.js';
import { ServiceRead } from '../shared/service-read.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { ReferralAsks } from './referral-asks.js';
import { VpReferralRequestedEvent } from './referral-requested-event.js';
import { referralWords, serviceItem, type ServiceActions } from './service-view.js';
import { supportServicesStyles } from './support-services.styles.js';

/**
 * @summary The support services that fit the victim's case: what each does, how to contact it
 * (phone, email, website), when it is open, and "Ask the police to refer me" (Right 4) for those
 * that take referrals, with a step that says what is shared and asks for consent first.
 *
 * @fires {VpReferralRequestedEvent} vp-referral-requested - The service has the victim's request to be referred (ids only).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The headings.
 * @csspart services - The list of services.
 * @csspart service - Each service.
 * @csspart contact - A service's phone, email and website.
 * @csspart referral - Where the victim's referral stands, or that the service takes none.
 * @csspart refer-button - "Ask the police to refer me".
 * @csspart referral-form - The consent step.
 * @csspart send-referral-button - Its "Ask for the referral" button.
 *
 * @cssproperty --vp-color-brand - Links.
 * @cssproperty --vp-color-border - Lines between services.
 * @cssproperty --vp-color-error - The consent step's errors.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpSupportServices extends LitElement {
  static override styles = [themeStyles, controlStyles, supportServicesStyles];

  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  @property({ attribute: 'api-base' }) apiBase = '/';
  /** The victim's case. */
  @property({ attribute: 'case-id' }) caseId = '';
  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;
  /** A fetch to use instead of the global one, on its own only. Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;
  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  @property({ attribute: false }) session: PortalSession | undefined;
  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  @property({ attribute: false }) sessionEnded: (() => void) | undefined;

  /** @internal the read from the service, for tests */
  readonly services = new ServiceRead<VictimSupportService[]>(this, (client, lang) => client!.supportServices(this.caseId, { lang }));
  readonly #asks = new ReferralAsks();
  #announcement = '';

  constructor() {
    super();
    new LanguageController(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId')) this.#asks.clear();
    this.services.sync(checkCaseId(this, this.caseId) ? this.caseId : undefined, true);
    if (this.services.state === 'ready') return;
    this.#asks.clear();
    this.#announcement = '';
  }

  protected override render() {
    const level = headingLevel(this.headingLevel, 3);
    return html`
      <section part="base">
        ${heading(level, msg('Support for you'))} ${this.#body(Math.min(level + 1, 6) as HeadingLevel)}
        <p class="visually-hidden" role="status">${this.#announcement}</p>
      </section>
    `;
  }

  #body(level: HeadingLevel) {
    const { state, value } = this.services;
    if (state === 'signed-out') return html`<p>${msg('Sign in to see the support services for your case.')}</p>`;
    if (state === 'loading') return html`<p>${msg('Getting support services…')}</p>`;
    if (state === 'not-found') return html`<p>${msg('There are no support services to show for this case. If you think this is wrong, call 101.')}</p>`;
    if (state === 'failed' || !value) {
      return html`
        <p>${msg('We could not get support services just now. Check your internet connection and try again.')}</p>
        ${this.services.requestId ? html`<p>${msg(str`If you call us about this, give this reference: ${this.services.requestId}`)}</p>` : nothing}
        <button class="button secondary" type="button" @click=${() => void this.services.reload()}>${msg('Try again')}</button>
      `;
    }
    return html`
      <p>${msg('These services are free and do not depend on whether anyone is caught. You can contact them yourself, or ask the police to refer you.')}</p>
      ${value.length === 0
        ? html`<p>${msg('There are no local services listed for your case. Victim Support can help anyone affected by crime: call 0808 16 89 111.')}</p>`
        : html`<ul part="services" class="services">
            ${value.map((service) => serviceItem(service, level, this.#asks.get(service.key), this.#actions))}
          </ul>`}
    `;
  }

  readonly #actions: ServiceActions = {
    openAsk: (serviceKey) => {
      this.#asks.open(serviceKey);
      this.requestUpdate();
    },
    closeAsk: (serviceKey) => {
      this.#asks.close(serviceKey);
      this.requestUpdate();
      void this.updateComplete.then(() => this.#focus(`#refer-${serviceKey}`));
    },
    consent: (serviceKey, consent) => {
      this.#asks.setConsent(serviceKey, consent);
      this.requestUpdate();
    },
    send: (serviceKey) => void this.#send(serviceKey),
  };

  async #send(serviceKey: string): Promise<void> {
    const caseId = this.caseId;
    const client = this.services.client;
    if (!client) return;
    // Sent only from the consent step, once the victim has ticked that they agree.
    const sending = this.#asks.send(serviceKey, () => client.requestReferral(caseId, serviceKey));
    this.requestUpdate();
    let referral: SupportReferral | undefined;
    try {
      referral = await sending;
    } catch (error) {
      if (isProblem(error) && error.status === 401) return this.services.ended();
      throw error;
    }
    this.requestUpdate();
    if (!referral) {
      const failure = this.#asks.get(serviceKey)?.failure;
      await this.updateComplete;
      if (failure === 'no-consent') this.#focus(`#consent-${serviceKey}`);
      return;
    }
    this.services.value = this.services.value?.map((service) => (service.key === serviceKey ? { ...service, referral } : service));
    this.#announcement = referralWords(referral);
    this.requestUpdate();
    await this.updateComplete;
    this.#focus(`#referral-${serviceKey}`);
    this.dispatchEvent(new VpReferralRequestedEvent(caseId, serviceKey, referral.id));
  }

  #focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

defineElement('vp-support-services', VpSupportServices);

declare global {
  interface HTMLElementTagNameMap {
    'vp-support-services': VpSupportServices;
  }
}
