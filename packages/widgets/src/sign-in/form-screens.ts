import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { SignInChallenge } from '@victim-portal/sdk';
import type { Screen } from '../portal/screen.js';
import type { HeadingLevel } from '../shared/heading.js';
import { dateOfBirthField, errorSummary, textField } from './form-parts.js';
import type { FieldError } from './sign-in-view.js';

/** What the victim can do on the sign-in forms. */
export interface FormActions {
  submitAnswer(form: HTMLFormElement): void;
  sendNewCode(): void;
  submitContact(form: HTMLFormElement): void;
  back(): void;
  renderRoot(): ParentNode;
}

/** The state of a form screen. */
export interface FormState {
  error?: FieldError | undefined;
  busy?: boolean | undefined;
}

const submitted = (handler: (form: HTMLFormElement) => void) => (event: SubmitEvent) => {
  event.preventDefault();
  handler(event.target as HTMLFormElement);
};

// While a request runs the button stays focusable (a disabled button would drop focus to the
// page) and says it is busy; the flow ignores a second submit.
const submitButton = (label: string, busy: boolean | undefined) =>
  html`<button part="submit-button" class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${label}</button>`;

/** @returns where the code was sent, as the service told us (masked) */
function sentToSentence(challenge: SignInChallenge): string {
  const to = challenge.sentTo;
  if (to && challenge.sentVia === 'sms') return msg(str`We have sent a code by text message to ${to}.`);
  if (to && challenge.sentVia === 'email') return msg(str`We have sent a code by email to ${to}.`);
  if (to) return msg(str`We have sent a code to ${to}.`);
  return msg('We have sent a code to the mobile phone or email address we hold for you.');
}

/** @returns the screen asking for the second factor the service chose */
export function challengeScreen(
  challenge: SignInChallenge,
  state: FormState & { notice?: 'new-code' | undefined },
  level: HeadingLevel,
  actions: FormActions,
): Screen {
  const { error, busy } = state;
  const summary = errorSummary(error, level, actions.renderRoot);
  if (challenge.method === 'one_time_code') {
    return {
      before: summary,
      heading: msg('Enter the code we sent you'),
      body: html`
        ${state.notice === 'new-code' ? html`<p class="notice" part="notice">${msg('We have sent you a new code. Use the newest one.')}</p>` : nothing}
        <p>${sentToSentence(challenge)} ${msg('The code only works for a short time.')}</p>
        <form novalidate @submit=${submitted(actions.submitAnswer)}>
          ${textField(
            { id: 'code', label: msg('Code'), hint: msg('The code is 6 numbers. You can paste it.'), autocomplete: 'one-time-code', inputmode: 'numeric', widthClass: 'width-10' },
            error,
          )}
          ${submitButton(msg('Continue'), busy)}
        </form>
        <p>${msg('Codes can take a few minutes to arrive. If yours has not come, or it has stopped working:')}</p>
        <p><button part="new-code-button" class="button secondary" type="button" @click=${() => actions.sendNewCode()}>${msg('Send me a new code')}</button></p>
      `,
    };
  }
  const field =
    challenge.method === 'date_of_birth'
      ? dateOfBirthField(error)
      : textField(
          {
            id: 'postcode',
            label: msg('What is your postcode?'),
            hint: msg('The postcode of the address you gave us when you reported the crime.'),
            autocomplete: 'postal-code',
            widthClass: 'width-10',
          },
          error,
        );
  return {
    before: summary,
    heading: msg('Check it is you'),
    body: html`
      <p>${msg('To keep your case private, we need to check one thing we already know about you.')}</p>
      <form novalidate @submit=${submitted(actions.submitAnswer)}>${field} ${submitButton(msg('Continue'), busy)}</form>
    `,
  };
}

/** @returns the "send me a new sign-in link" form */
export function requestLinkScreen(state: FormState, level: HeadingLevel, actions: FormActions): Screen {
  return {
    before: html`${errorSummary(state.error, level, actions.renderRoot)}
      <button class="back" type="button" @click=${() => actions.back()}>${msg('Back')}</button>`,
    heading: msg('Get a new sign-in link'),
    body: html`
      <p>${msg('If we sent you an invite before, we can send a new sign-in link to the email address or mobile number we hold for your report.')}</p>
      <form novalidate @submit=${submitted(actions.submitContact)}>
        ${textField(
          {
            id: 'contact',
            label: msg('Email address or mobile phone number'),
            hint: msg('Use the one you gave us when you reported the crime.'),
            autocomplete: 'email',
            widthClass: 'width-full',
          },
          state.error,
        )}
        ${submitButton(msg('Send me a new sign-in link'), state.busy)}
      </form>
    `,
  };
}
