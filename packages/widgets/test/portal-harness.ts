import { expect } from 'vitest';
import type { VpPortal } from '../src/portal/portal.js';
import { FakeApi } from './fake-api.js';
import { burglary, session } from './fixtures.js';
import { mount, shownText } from './render.js';

/** Where the tests' fake service lives. */
export const apiBase = 'https://force.example/api-root/';

/** A fake service where the invite and the session work and the victim has one case. */
export function workingApi(cases = [burglary]): FakeApi {
  return new FakeApi()
    .on('POST /v1/invites/redeem', { status: 201, body: session })
    .on('GET /v1/me/cases', { status: 200, body: { items: cases } })
    .on('DELETE /v1/me/session', { status: 204 });
}

/** A mounted portal, its fake service and what its quick exit tried to navigate to. */
export interface PortalUnderTest {
  portal: VpPortal;
  api: FakeApi;
  navigations: string[];
}

/** Mounts `<vp-portal>` against a fake service, with navigation recorded instead of done. */
export async function mountPortal(api: FakeApi, attributes: Record<string, string> = {}): Promise<PortalUnderTest> {
  const navigations: string[] = [];
  const portal = await mount(
    'vp-portal',
    { fetch: api.fetch, navigate: (url: string) => void navigations.push(url) },
    { 'api-base': apiBase, ...attributes },
  );
  return { portal, api, navigations };
}

/** @returns the current screen's heading text */
export function screenHeading(portal: VpPortal): string | undefined {
  return portal.shadowRoot!.querySelector('[part="heading"]')?.textContent?.trim();
}

/** Waits until the portal shows the screen with this heading. */
export async function waitForScreen(portal: VpPortal, heading: string): Promise<void> {
  await expect.poll(() => screenHeading(portal), { timeout: 3000 }).toBe(heading);
  await portal.updateComplete;
}

/** @returns the text of the role=alert region */
export function alertText(portal: VpPortal): string {
  return shownText(portal.shadowRoot!.querySelector('[role="alert"]')!);
}

/** @returns a control in the portal's shadow root (or in a nested element's) by its text */
export function control(portal: VpPortal, text: string): HTMLElement {
  const candidates = [
    ...portal.shadowRoot!.querySelectorAll<HTMLElement>('button, a'),
    ...[...portal.shadowRoot!.querySelectorAll('vp-quick-exit')].flatMap((exit) => [...exit.shadowRoot!.querySelectorAll<HTMLElement>('a')]),
  ];
  const found = candidates.find((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === text);
  if (!found) throw new Error(`No control "${text}" in the portal`);
  return found;
}

/** @returns the element that has focus, looking inside shadow roots */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
