import { expect } from 'vitest';
import type { VpMessages } from '../src/messages/messages.js';
import { SessionStore } from '../src/shared/session-store.js';
import { FakeApi } from './fake-api.js';
import type { FakeThread } from './fake-thread.js';
import { burglary, burglaryThread, session } from './fixtures.js';
import { apiBase } from './portal-harness.js';
import { mount, shownText } from './render.js';
import { FakeThread as Thread } from './fake-thread.js';

/** A mounted `<vp-messages>`, its fake service and the thread held there. */
export interface MessagesUnderTest {
  element: VpMessages;
  api: FakeApi;
  thread: FakeThread;
}

/** @returns the burglary's thread as the fake service holds it, with its officer in charge */
export function burglaryFakeThread(messages = burglaryThread, officer = burglary.officerInCharge): FakeThread {
  return new Thread(burglary.id, messages, officer);
}

/**
 * Mounts `<vp-messages>` on its own, signed in as `<vp-sign-in>` leaves a victim (the session in
 * this tab's sessionStorage), against a fake service holding `thread`; waits for the thread.
 */
export async function mountMessages(thread = burglaryFakeThread(), api = new FakeApi()): Promise<MessagesUnderTest> {
  new SessionStore().write({ token: session.sessionToken, expiresAt: session.expiresAt, idleExpiresAt: session.idleExpiresAt });
  thread.install(api, 'victim');
  const element = await mount('vp-messages', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': thread.caseId });
  await expect.poll(() => element.thread?.state).toBe('ready');
  await element.updateComplete;
  return { element, api, thread };
}

/** @returns the thread's items as shown, each one's text */
export function shownMessages(element: Element): string[] {
  return [...element.shadowRoot!.querySelectorAll('[role="log"] li')].map((item) => shownText(item));
}

/** @returns the polite live region's text */
export function announced(element: Element): string {
  return element.shadowRoot!.querySelector('[data-live]')?.textContent?.trim() ?? '';
}

/** @returns an element in the shadow root, or fails */
export function part<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}
