import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HeadingLevel } from '../shared/heading.js';
import type { TimeoutWarning } from './session-timeout.js';

/** What the victim can do in the warning. */
export interface TimeoutActions {
  staySignedIn(): void;
  signOut(): void;
  /** Closes the warning, near the absolute expiry where staying is not possible. */
  dismiss(): void;
}

/** @returns "2 minutes", "1 minute", "45 seconds" */
export function timeLeft(seconds: number): string {
  if (seconds > 60) return msg(str`${Math.ceil(seconds / 60)} minutes`);
  if (seconds === 60) return msg('1 minute');
  if (seconds === 1) return msg('1 second');
  return msg(str`${seconds} seconds`);
}

/**
 * Screen readers hear the time left when the dialog opens, then again only at these steps: a
 * live region that spoke every second would drown everything else out.
 */
export function spokenSeconds(seconds: number): number {
  if (seconds > 60) return Math.ceil(seconds / 60) * 60;
  return Math.ceil(seconds / 20) * 20;
}

/**
 * The warning before the session ends (WCAG 2.2.1 Timing Adjustable): an alert dialog that
 * takes focus, says how long is left, and offers one action to stay. Tab stays inside it.
 */
export function timeoutWarning(warning: TimeoutWarning, level: HeadingLevel, actions: TimeoutActions): TemplateResult {
  const sentence = (seconds: number) => msg(str`To protect your information, we will sign you out in ${timeLeft(seconds)}.`);
  return html`<div class="overlay">
    <div
      part="timeout-warning"
      class="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-text"
      @keydown=${keepFocusInside}
    >
      <p id="timeout-title" class="dialog-title" role="heading" aria-level=${level}>${msg('You will be signed out soon')}</p>
      <p id="timeout-text">${sentence(warning.secondsLeft)}</p>
      <p class="visually-hidden" aria-live="polite">${sentence(spokenSeconds(warning.secondsLeft))}</p>
      ${warning.canExtend
        ? html`<p>${msg('We sign you out when nothing has happened for a while. Your case will still be here.')}</p>`
        : html`<p>${msg('You have been signed in for as long as we allow. To see your case again after that, ask for a new sign-in link.')}</p>`}
      <div class="dialog-buttons">
        ${warning.canExtend
          ? html`<button part="stay-signed-in-button" class="button" type="button" @click=${() => actions.staySignedIn()}>${msg('Stay signed in')}</button>`
          : html`<button part="continue-button" class="button" type="button" @click=${() => actions.dismiss()}>${msg('Continue')}</button>`}
        <button part="timeout-sign-out-button" class="button secondary" type="button" @click=${() => actions.signOut()}>${msg('Sign out')}</button>
      </div>
    </div>
  </div>`;
}

// A modal dialog keeps keyboard focus inside itself until it closes.
function keepFocusInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLElement;
  const buttons = [...dialog.querySelectorAll<HTMLElement>('button')];
  const first = buttons[0];
  const last = buttons[buttons.length - 1];
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (!first || !last) return;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
