import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SupportContact, SupportReferral, VictimSupportService } from '@victim-portal/sdk';
import { formatDay } from '../shared/dates.js';
import { heading, type HeadingLevel } from '../shared/heading.js';
import { webAddress } from '../rights/web-address.js';
import { openingHoursWords } from './opening-hours.js';
import type { ReferralAsk, ReferralFailure } from './referral-asks.js';

/** What the victim can do on a service. */
export interface ServiceActions {
  openAsk(serviceKey: string): void;
  closeAsk(serviceKey: string): void;
  consent(serviceKey: string, consent: boolean): void;
  send(serviceKey: string): void;
}

/** @returns one support service: what it does, how to reach it, when it is open, and referral */
export function serviceItem(service: VictimSupportService, level: HeadingLevel, ask: ReferralAsk | undefined, actions: ServiceActions): TemplateResult {
  return html`
    <li part="service" class="service">
      ${heading(level, service.name)}
      <p>${service.description}</p>
      ${contactList(service.contact, service.name)} ${openingHours(service)} ${referralPart(service, ask, actions)}
    </li>
  `;
}

function contactList(contact: SupportContact, name: string): TemplateResult {
  const website = webAddress(contact.website);
  return html`
    <ul part="contact" class="contact">
      ${contact.phone ? html`<li>${msg('Phone:')} <a class="link" href="tel:${contact.phone.replace(/[^0-9+]/g, '')}">${contact.phone}</a></li>` : nothing}
      ${contact.email ? html`<li>${msg('Email:')} <a class="link" href="mailto:${contact.email}">${contact.email}</a></li>` : nothing}
      ${website ? html`<li><a class="link" href=${website}>${msg(str`${name} website`, { desc: 'A link to a support service\'s website: "Victim Support website"' })}</a></li>` : nothing}
    </ul>
  `;
}

function openingHours(service: VictimSupportService): TemplateResult | typeof nothing {
  if (service.openingHours.length === 0 && !service.openingNotes) return nothing;
  return html`
    <p class="label">${msg('Opening hours')}</p>
    ${service.openingHours.length > 0 ? html`<ul class="hours">${service.openingHours.map((hours) => html`<li>${openingHoursWords(hours)}</li>`)}</ul>` : nothing}
    ${service.openingNotes ? html`<p>${service.openingNotes}</p>` : nothing}
  `;
}

/** @returns where the victim's referral stands, in words */
export function referralWords(referral: SupportReferral): string {
  return referral.referredAt
    ? msg(str`Referred on ${formatDay(referral.referredAt)}.`)
    : msg(str`Referral requested on ${formatDay(referral.requestedAt)}. The police will pass your details on by ${formatDay(referral.dueBy)}.`);
}

function referralPart(service: VictimSupportService, ask: ReferralAsk | undefined, actions: ServiceActions): TemplateResult {
  if (service.referral) {
    return html`<p part="referral" class="referral" id="referral-${service.key}" tabindex="-1">${referralWords(service.referral)}</p>`;
  }
  if (!service.acceptsReferrals) {
    return html`<p part="referral">${msg('The police cannot refer you to this service. You can contact it yourself.')}</p>`;
  }
  const panel = `ask-${service.key}`;
  return html`
    <button
      part="refer-button"
      class="button secondary"
      type="button"
      id="refer-${service.key}"
      aria-expanded=${ask ? 'true' : 'false'}
      aria-controls=${panel}
      @click=${() => (ask ? actions.closeAsk(service.key) : actions.openAsk(service.key))}
    >
      ${msg('Ask the police to refer me')}<span class="visually-hidden"> ${msg(str`to ${service.name}`, { desc: 'Read after "Ask the police to refer me"' })}</span>
    </button>
    <div id=${panel}>${ask ? consentForm(service, ask, actions) : nothing}</div>
  `;
}

function consentForm(service: VictimSupportService, ask: ReferralAsk, actions: ServiceActions): TemplateResult {
  const box = `consent-${service.key}`;
  const failure = ask.failure;
  return html`
    <form part="referral-form" class="ask" novalidate @submit=${(event: Event) => (event.preventDefault(), actions.send(service.key))}>
      <p>${msg(str`The police will give ${service.name} your name, your contact details and the type of crime. Nothing else about your case is shared.`)}</p>
      <p>${msg(str`${service.name} will then contact you. The police must pass your details on within 2 working days.`)}</p>
      ${failure && failure !== 'no-consent' ? html`<p class="error" role="alert">${failureWords(failure)}</p>` : nothing}
      <div class="check ${failure === 'no-consent' ? 'invalid' : ''}">
        ${failure === 'no-consent' ? html`<p class="error" id="${box}-error"><span class="visually-hidden">${msg('Error:')}</span> ${failureWords(failure)}</p>` : nothing}
        <input
          type="checkbox"
          id=${box}
          .checked=${ask.consent}
          aria-invalid=${failure === 'no-consent' ? 'true' : 'false'}
          aria-describedby=${failure === 'no-consent' ? `${box}-error` : nothing}
          @change=${(event: Event) => actions.consent(service.key, (event.target as HTMLInputElement).checked)}
        />
        <label for=${box}>${msg(str`I agree to the police sharing these details with ${service.name}`)}</label>
      </div>
      <div class="actions">
        <button part="send-referral-button" class="button" type="submit" aria-disabled=${ask.sending ? 'true' : 'false'}>
          ${ask.sending ? msg('Asking…') : msg('Ask for the referral')}
        </button>
        <button class="button secondary" type="button" @click=${() => actions.closeAsk(service.key)}>${msg('Cancel')}</button>
      </div>
    </form>
  `;
}

function failureWords(failure: ReferralFailure): string {
  switch (failure) {
    case 'no-consent':
      return msg('Tick the box to agree to your details being shared, or choose Cancel');
    case 'not-accepted':
      return msg('This service does not take referrals from the police. You can contact it yourself.');
    case 'not-offered':
      return msg('This service is no longer offered for your case. Call 101 if you need help finding support.');
    case 'not-sent':
      return msg('Your request was not sent. Check your internet connection and try again.');
  }
}
