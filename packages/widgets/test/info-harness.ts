// Helpers for the tests of <vp-rights>, <vp-support-services> and <vp-preferences>.
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import { activeLocale, supportedLocale } from '../src/shared/localization.js';
import { SessionStore } from '../src/shared/session-store.js';
import { session } from './fixtures.js';

export { apiBase, deepActiveElement } from './portal-harness.js';

/** Keeps a session in this tab as `<vp-sign-in>` leaves it, so an element on its own resumes it. */
export function signedIn(): void {
  new SessionStore().write({ token: session.sessionToken, expiresAt: session.expiresAt, idleExpiresAt: session.idleExpiresAt });
}

/** The `Authorization` header a signed-in element sends. */
export const bearer = `Bearer ${session.sessionToken}`;

/** @returns an element in the shadow root, or fails */
export function inside<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** @returns every element in the shadow root that matches */
export function allInside<E extends Element = HTMLElement>(element: Element, selector: string): E[] {
  return [...element.shadowRoot!.querySelectorAll<E>(selector)];
}

/** @returns the button (or summary) in the shadow root whose text is `text` */
export function buttonNamed(element: Element, text: string): HTMLElement {
  const found = allInside(element, 'button, summary').find((button) => button.textContent?.replace(/\s+/g, ' ').trim() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

/**
 * Waits until the widgets speak the page's language. Switching is asynchronous, and a test
 * before may have left the page in Welsh: an element shows in the old language until it is done.
 */
export async function languageSettled(): Promise<void> {
  await expect.poll(() => activeLocale()).toBe(supportedLocale(document.documentElement.lang));
}

/** Presses Tab until focus is on `target` (at most 40 times); fails if it never gets there. */
export async function tabTo(target: Element, deepActive: () => Element | null): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (deepActive() === target) return;
    await userEvent.keyboard('{Tab}');
  }
  if (deepActive() !== target) throw new Error(`Tab never reached ${target.outerHTML.slice(0, 80)}`);
}

/** @returns the warnings an action writes to the console */
export async function consoleWarnings(action: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await action();
  } finally {
    console.warn = warn;
  }
  return warnings;
}
