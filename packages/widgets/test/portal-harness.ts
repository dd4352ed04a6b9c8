import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SignInChallenge, VictimCase } from '@victim-portal/sdk';
import type { VpPortal } from '../src/portal/portal.js';
import type { VpSignIn } from '../src/sign-in/sign-in.js';
import { FakeApi, problem, type FakeAnswer } from './fake-api.js';
import { FakeStream } from './fake-stream.js';
import { FakeThread } from './fake-thread.js';
import { burglary, codeChallenge, inviteToken, oneTimeCode, session } from './fixtures.js';
import { mount, shownText } from './render.js';

/** Where the tests' fake service lives. */
export const apiBase = 'https://force.example/api-root/';

/** The answer the fake service expects for each second factor. */
export const rightAnswers: Record<SignInChallenge['method'], string> = {
  one_time_code: oneTimeCode,
  date_of_birth: '1990-03-27',
  postcode: 'SW1A 1AA',
};

/**
 * @returns a redeem route that signs in with the right answer for `challenge` and counts down
 * the tries left for wrong ones, as the service does
 */
export function redeemRoute(challenge: SignInChallenge, answer: FakeAnswer = { status: 201, body: session }): (request: { body: unknown }) => FakeAnswer {
  let attemptsLeft = challenge.attemptsLeft;
  return (request) => {
    const body = request.body as { answer?: string };
    if (body.answer === rightAnswers[challenge.method]) return answer;
    attemptsLeft -= 1;
    return attemptsLeft > 0 ? problem(422, 'second-factor-incorrect', { attemptsLeft }) : problem(423, 'invite-locked');
  };
}

/**
 * A fake service where the invite, its second factor and the session work and the victim has one
 * case, each case with an empty thread (its messages, sends and a live stream that stays quiet).
 */
export function workingApi(cases: VictimCase[] = [burglary], challenge: SignInChallenge = codeChallenge): FakeApi {
  const api = new FakeApi();
  for (const victimCase of cases) new FakeThread(victimCase.id, [], victimCase.officerInCharge).install(api, 'victim', { stream: false });
  return api
    .on('GET /v1/me/stream', new FakeStream().route)
    .on('POST /v1/invites/challenge', { status: 200, body: challenge })
    .on('POST /v1/invites/redeem', redeemRoute(challenge))
    .on('POST /v1/sign-in-links', { status: 202, body: { status: 'accepted' } })
    .on('GET /v1/me/cases', { status: 200, body: { items: cases } })
    .on('GET /v1/me/session', { status: 200, body: { expiresAt: session.expiresAt, idleExpiresAt: session.idleExpiresAt, idleTimeoutSeconds: 900 } })
    .on('DELETE /v1/me/session', { status: 204 });
}

/** Puts an invite link's fragment in the address bar, as opening the link from an email does. */
export function openInviteLink(token = inviteToken): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#invite=${token}`);
}

/** A mounted portal, its fake service and what its quick exit tried to navigate to. */
export interface PortalUnderTest {
  portal: VpPortal;
  api: FakeApi;
  navigations: string[];
}

/** Mounts `<vp-portal>` against a fake service, with navigation recorded instead of done. */
export async function mountPortal(api: FakeApi, attributes: Record<string, string> = {}, properties: Partial<VpPortal> = {}): Promise<PortalUnderTest> {
  const navigations: string[] = [];
  const portal = await mount(
    'vp-portal',
    { fetch: api.fetch, navigate: (url: string) => void navigations.push(url), ...properties },
    { 'api-base': apiBase, ...attributes },
  );
  return { portal, api, navigations };
}

/** An element under test: the portal, or `<vp-sign-in>` on its own. */
export type Widget = VpPortal | VpSignIn;

/** @returns the shadow roots a victim sees: the widget's own, and the `<vp-sign-in>` inside a portal */
function roots(widget: Widget): ShadowRoot[] {
  const own = widget.shadowRoot!;
  const signIn = own.querySelector('vp-sign-in')?.shadowRoot;
  return signIn ? [own, signIn] : [own];
}

/** @returns the first element matching `selector` in the widget, looking into its `<vp-sign-in>` too */
export function find<E extends Element = HTMLElement>(widget: Widget, selector: string): E | null {
  for (const root of roots(widget)) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** @returns the current screen's heading text */
export function screenHeading(widget: Widget): string | undefined {
  return find(widget, '[part~="heading"]')?.textContent?.trim();
}

/** Waits until the widget shows the screen with this heading (and, on a case, its open section). */
export async function waitForScreen(widget: Widget, heading: string): Promise<void> {
  await expect.poll(() => screenHeading(widget), { timeout: 3000 }).toBe(heading);
  await waitForSection(widget);
  await widget.updateComplete;
  await widget.shadowRoot!.querySelector<VpSignIn>('vp-sign-in')?.updateComplete;
}

/** Waits until the case's open section has loaded its elements (each section is a chunk of its own). */
export async function waitForSection(widget: Widget): Promise<void> {
  const section = () => widget.shadowRoot!.querySelector('[part="section"]');
  // On a case, the section (and the navigation) come with the case view, a chunk of their own.
  const onCase = () => (widget as Partial<VpPortal>).view?.name === 'case';
  await expect.poll(() => section()?.getAttribute('data-load') ?? (onCase() ? 'loading' : 'none'), { timeout: 5000 }).not.toBe('loading');
  await widget.updateComplete;
  await Promise.all([...(section()?.children ?? [])].map((element) => (element as Partial<VpPortal>).updateComplete));
}

/** Opens one of the case's sections with its button, as a victim does, and waits for it. */
export async function openSection(widget: VpPortal, name: string): Promise<void> {
  await userEvent.click(control(widget, name));
  await expect.poll(() => widget.shadowRoot!.querySelector('[part="section"]')?.getAttribute('aria-label')).toBe(name);
  await waitForSection(widget);
}

/** @returns the text of the role=alert regions */
export function alertText(widget: Widget): string {
  return roots(widget)
    .map((root) => shownText(root.querySelector('[part="alert"]')!))
    .join(' ')
    .trim();
}

/** @returns a control in the widget's shadow root (or in a nested element's) by its text */
export function control(widget: Widget, text: string): HTMLElement {
  const candidates = roots(widget).flatMap((root) => [
    ...root.querySelectorAll<HTMLElement>('button, a'),
    ...[...root.querySelectorAll('vp-quick-exit')].flatMap((exit) => [...exit.shadowRoot!.querySelectorAll<HTMLElement>('a')]),
  ]);
  const found = candidates.find((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === text);
  if (!found) throw new Error(`No control "${text}" in the widget`);
  return found;
}

/** @returns a form field by its id */
export function field(widget: Widget, id: string): HTMLInputElement {
  const found = find<HTMLInputElement>(widget, `#${id}`);
  if (!found) throw new Error(`No field #${id} in the widget`);
  return found;
}

/** Types the one-time code and presses Enter, as a victim does. */
export async function enterCode(widget: Widget, code = oneTimeCode): Promise<void> {
  await waitForScreen(widget, 'Enter the code we sent you');
  await userEvent.fill(field(widget, 'code'), code);
  await userEvent.keyboard('{Enter}');
}

/** Opens the invite link's second-factor screen, enters the right code and waits for the case. */
export async function signInWithInvite(widget: VpPortal, caseHeading = burglary.crimeType): Promise<void> {
  await enterCode(widget);
  await waitForScreen(widget, caseHeading);
}

/** @returns the element that has focus, looking inside shadow roots */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
