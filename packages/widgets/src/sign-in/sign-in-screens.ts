import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Screen } from '../portal/screen.js';
import type { InviteProblem, SignedOutReason } from './sign-in-view.js';

export type { InviteProblem, SignedOutReason } from './sign-in-view.js';

/** What the victim can do on the sign-in screens. */
export interface SignInActions {
  /** Whether the page said which force it is, so new sign-in links can be asked for. */
  canRequestLink: boolean;
  showRequestLink(): void;
  retry(): void;
}

/** @returns the "Send me a new sign-in link" button, when the page set `force` */
function newLinkButton(actions: SignInActions): TemplateResult | typeof nothing {
  if (!actions.canRequestLink) return nothing;
  return html`<p>
    <button part="new-link-button" class="button secondary" type="button" @click=${() => actions.showRequestLink()}>
      ${msg('Send me a new sign-in link')}
    </button>
  </p>`;
}

/** @returns the screen for nobody signed in: how to get in, and that the usual ways still work */
export function signedOutScreen(reason: SignedOutReason, actions: SignInActions): Screen {
  switch (reason) {
    case 'not-yet':
      return {
        heading: msg('See how your case is going'),
        body: html`
          <p>${msg('If you reported a crime and we sent you an invite by email or text message, open the link in that invite to see your case here.')}</p>
          <p>${msg('You cannot sign up without an invite. If you did not get one, you can still call 101 or go to a police station for an update.')}</p>
          ${actions.canRequestLink ? html`<p>${msg('Used your link already? We can send a new one to the email address or mobile number we hold for you.')}</p>` : nothing}
          ${newLinkButton(actions)}
        `,
      };
    case 'signed-out':
      return {
        heading: msg('You have signed out'),
        body: html`
          <p>${msg('Nothing about your case is kept on this device.')}</p>
          <p>${msg('Each invite link works only once. To see your case again, ask for a new sign-in link or call 101.')}</p>
          ${newLinkButton(actions)}
        `,
      };
    case 'session-ended':
      return {
        heading: msg('You have been signed out'),
        alert: true,
        body: html`
          <p>${msg('To keep your information safe, we sign you out after a while without activity.')}</p>
          <p>${msg('To see your case again, ask for a new sign-in link or call 101.')}</p>
          ${newLinkButton(actions)}
        `,
      };
    case 'timed-out':
      return {
        heading: msg('You were signed out to protect your information'),
        alert: true,
        body: html`
          <p>${msg('Nothing happened on this page for a while, so we signed you out. Nothing about your case is kept on this device.')}</p>
          <p>${msg('To see your case again, ask for a new sign-in link or call 101.')}</p>
          ${newLinkButton(actions)}
        `,
      };
  }
}

/** @returns the screen for an invite link that cannot be used, saying kindly what to do next */
export function inviteProblemScreen(problem: InviteProblem, actions: SignInActions): Screen {
  switch (problem) {
    case 'invalid':
      return {
        heading: msg('This link does not work'),
        alert: true,
        body: html`
          <p>${msg('The link may have been copied wrongly or cut short. Try opening it again from the email or text message we sent you.')}</p>
          <p>${msg('If it still does not work, call 101 and ask for a new link.')}</p>
          ${newLinkButton(actions)}
        `,
      };
    case 'used':
      return {
        heading: msg('This link has already been used'),
        alert: true,
        body: html`
          <p>${msg('Each invite link works only once.')}</p>
          <p>${msg('If you did not open it yourself, please tell us by calling 101.')}</p>
          <p>${msg('To see your case, ask for a new sign-in link or call 101.')}</p>
          ${newLinkButton(actions)}
        `,
      };
    case 'expired':
      return {
        heading: msg('This link has expired'),
        alert: true,
        body: html`
          <p>${msg('Invite links only work for a limited time, to keep your information safe.')}</p>
          <p>${msg('To see your case, ask for a new sign-in link or call 101.')}</p>
          ${newLinkButton(actions)}
        `,
      };
    case 'locked':
      return {
        heading: msg('This link has been locked'),
        alert: true,
        body: html`
          <p>${msg('The answer was wrong too many times, so we locked this link to keep your information safe.')}</p>
          <p>${msg("We've told the force. They can send you a new link, or you can call 101.")}</p>
        `,
      };
  }
}

/** @returns the screen asking the victim to wait after too many tries */
export function waitScreen(retryAfterSeconds: number | undefined, actions: SignInActions): Screen {
  return {
    heading: msg('Please wait before trying again'),
    alert: true,
    body: html`
      <p>${msg('There have been too many tries in a short time. This protects your information.')}</p>
      <p>${waitFor(retryAfterSeconds)}</p>
      <button class="button" type="button" @click=${() => actions.retry()}>${msg('Try again')}</button>
    `,
  };
}

/** @returns "Wait 2 minutes, then try again." from a Retry-After in seconds */
export function waitFor(seconds: number | undefined): string {
  if (seconds === undefined) return msg('Wait a few minutes, then try again.');
  if (seconds <= 1) return msg('Wait 1 second, then try again.');
  if (seconds < 60) return msg(str`Wait ${seconds} seconds, then try again.`);
  const minutes = Math.ceil(seconds / 60);
  if (minutes === 1) return msg('Wait 1 minute, then try again.');
  if (minutes < 120) return msg(str`Wait ${minutes} minutes, then try again.`);
  return msg(str`Wait ${Math.ceil(minutes / 60)} hours, then try again.`);
}

/** @returns the screen for a request that failed for reasons the victim cannot fix but may retry */
export function signInFailedScreen(requestId: string | undefined, actions: SignInActions): Screen {
  return {
    heading: msg('Sorry, something went wrong'),
    alert: true,
    body: html`
      <p>${msg('We could not check your sign-in just now. Check your internet connection and try again.')}</p>
      ${requestId ? html`<p>${msg(str`If you call us about this, give this reference: ${requestId}`)}</p>` : ''}
      <button class="button" type="button" @click=${() => actions.retry()}>${msg('Try again')}</button>
    `,
  };
}

/** @returns the screen while the invite is checked */
export function checkingScreen(): Screen {
  return {
    heading: msg('Checking your invite'),
    body: html`<p>${msg('This should only take a moment.')}</p>`,
  };
}

/** @returns the screen after a new link was asked for: the same whatever the service holds */
export function linkSentScreen(): Screen {
  return {
    heading: msg('Check your email and text messages'),
    body: html`
      <p>${msg('If we hold that contact for a current report, we have sent a link to it. It can take a few minutes to arrive.')}</p>
      <p>${msg('If nothing arrives, call 101 and ask for a new link.')}</p>
    `,
  };
}
