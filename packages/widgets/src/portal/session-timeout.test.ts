import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { problem } from '../../test/fake-api.js';
import { FakeClock } from '../../test/fake-clock.js';
import { burglary, session, sessionTimes } from '../../test/fixtures.js';
import { control, deepActiveElement, find, mountPortal, openInviteLink, signInWithInvite, waitForScreen, workingApi } from '../../test/portal-harness.js';
import { shownText } from '../../test/render.js';
import type { VpPortal } from './portal.js';
import './portal.js';

const second = 1000;
const minute = 60 * second;

/**
 * Mounts a signed-in portal on a fake clock: the session (from this tab's storage) has
 * `idleMinutes` left before its idle expiry and `absoluteMinutes` before its absolute one.
 */
async function signedInPortal(idleMinutes = 15, absoluteMinutes = 60) {
  const clock = new FakeClock();
  const times = sessionTimes(clock.now(), idleMinutes, absoluteMinutes);
  sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, ...times }));
  // Each request slides the idle expiry on by the idle timeout, but never past the absolute one.
  const extended = () => ({ ...times, idleExpiresAt: new Date(Math.min(clock.now() + 15 * minute, Date.parse(times.expiresAt))).toISOString() });
  const api = workingApi().on('GET /v1/me/session', () => ({ status: 200, body: extended() }));
  const { portal } = await mountPortal(api, {}, { clock });
  await waitForScreen(portal, burglary.crimeType);
  return { portal, api, clock };
}

function dialog(portal: VpPortal): HTMLElement | null {
  return find(portal, '[role="alertdialog"]');
}

/** Moves the fake clock on and lets the portal render what changed. */
async function wait(portal: VpPortal, clock: FakeClock, ms: number): Promise<void> {
  clock.advance(ms);
  await portal.updateComplete;
}

describe('<vp-portal> idle-timeout warning', () => {
  it('opens 2 minutes before the idle expiry, takes focus and keeps Tab inside', async () => {
    const { portal, clock } = await signedInPortal();
    // The cases request slid the idle expiry to 15 minutes from now.
    await wait(portal, clock, 13 * minute - second);
    expect(dialog(portal)).toBeNull();

    await wait(portal, clock, second);

    expect(dialog(portal)).not.toBeNull();
    expect(shownText(dialog(portal)!)).toContain('You will be signed out soon');
    expect(find(portal, '#timeout-text')?.textContent).toBe('To protect your information, we will sign you out in 2 minutes.');
    expect(dialog(portal)!.getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => deepActiveElement()).toBe(control(portal, 'Stay signed in'));

    const [stay, signOut] = [...dialog(portal)!.querySelectorAll('button')];
    await userEvent.tab();
    expect(deepActiveElement()).toBe(signOut);
    await userEvent.tab();
    expect(deepActiveElement()).toBe(stay);
    await userEvent.tab({ shift: true });
    expect(deepActiveElement()).toBe(signOut);
  });

  it('counts down while it shows', async () => {
    const { portal, clock } = await signedInPortal();
    await wait(portal, clock, 13 * minute);

    await wait(portal, clock, 61 * second);
    expect(find(portal, '#timeout-text')?.textContent).toBe('To protect your information, we will sign you out in 59 seconds.');

    await wait(portal, clock, 58 * second);
    expect(find(portal, '#timeout-text')?.textContent).toBe('To protect your information, we will sign you out in 1 second.');
  });

  it('"Stay signed in" asks the service to extend the session, closes, and gives focus back', async () => {
    const { portal, api, clock } = await signedInPortal();
    const signOutButton = control(portal, 'Sign out');
    signOutButton.focus();
    await wait(portal, clock, 13 * minute + 30 * second);
    await expect.poll(() => deepActiveElement()).toBe(control(portal, 'Stay signed in'));

    await userEvent.click(control(portal, 'Stay signed in'));

    await expect.poll(() => dialog(portal)).toBeNull();
    expect(api.requestsTo('GET /v1/me/session').map((request) => request.authorization)).toEqual([`Bearer ${session.sessionToken}`]);
    await expect.poll(() => deepActiveElement()).toBe(signOutButton);
    expect(JSON.parse(sessionStorage.getItem('vp-session')!).idleExpiresAt).toBe(new Date(clock.now() + 15 * minute).toISOString());

    // The new idle expiry is 15 minutes on: no warning until 13 of them have passed.
    await wait(portal, clock, 13 * minute - second);
    expect(dialog(portal)).toBeNull();
    await wait(portal, clock, second);
    expect(dialog(portal)).not.toBeNull();
  });

  it('signs out when time is up: ends the session on the service, says why, and forgets everything', async () => {
    const { portal, api, clock } = await signedInPortal();
    const reasons: string[] = [];
    portal.addEventListener('vp-signed-out', (event) => reasons.push(event.reason));
    await wait(portal, clock, 13 * minute);

    await wait(portal, clock, 2 * minute);

    await waitForScreen(portal, 'You were signed out to protect your information');
    expect(dialog(portal)).toBeNull();
    expect(api.requestsTo('DELETE /v1/me/session').map((request) => request.authorization)).toEqual([`Bearer ${session.sessionToken}`]);
    expect(sessionStorage.length).toBe(0);
    expect(shownText(portal)).not.toContain(burglary.crimeReference);
    expect(reasons).toEqual(['timed-out']);
    await expect.poll(() => deepActiveElement()?.textContent).toBe('You were signed out to protect your information');
    expect(() => control(portal, 'Sign out')).toThrow();
  });

  it('offers "Continue" instead of "Stay signed in" near the absolute expiry, which nothing moves', async () => {
    const { portal, api, clock } = await signedInPortal(15, 10);
    await wait(portal, clock, 8 * minute);

    expect(shownText(dialog(portal)!)).toContain('You have been signed in for as long as we allow.');
    expect(() => control(portal, 'Stay signed in')).toThrow();
    await expect.poll(() => deepActiveElement()).toBe(control(portal, 'Continue'));

    await userEvent.click(control(portal, 'Continue'));
    await expect.poll(() => dialog(portal)).toBeNull();
    expect(api.requestsTo('GET /v1/me/session')).toEqual([]);

    await wait(portal, clock, 2 * minute);
    await waitForScreen(portal, 'You were signed out to protect your information');
  });

  it('signs out from the warning', async () => {
    const { portal, api, clock } = await signedInPortal();
    await wait(portal, clock, 14 * minute);

    await userEvent.click(dialog(portal)!.querySelector<HTMLElement>('[part="timeout-sign-out-button"]')!);

    await waitForScreen(portal, 'You have signed out');
    expect(dialog(portal)).toBeNull();
    expect(api.requestsTo('DELETE /v1/me/session')).toHaveLength(1);
  });

  it('drops to "You have been signed out" when the service already ended the session', async () => {
    const { portal, api, clock } = await signedInPortal();
    api.on('GET /v1/me/session', problem(401, 'unauthenticated'));
    await wait(portal, clock, 14 * minute);

    await userEvent.click(control(portal, 'Stay signed in'));

    await waitForScreen(portal, 'You have been signed out');
    expect(dialog(portal)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it("warns on time on a device whose clock is hours wrong, instead of signing out at once", async () => {
    const service = Date.now();
    const clock = new FakeClock(service + 3 * 60 * minute);
    openInviteLink();
    const api = workingApi().on('POST /v1/invites/redeem', { status: 201, body: { ...session, ...sessionTimes(service) } });
    const { portal } = await mountPortal(api, {}, { clock });

    await signInWithInvite(portal);
    await wait(portal, clock, 13 * minute - 2 * second);
    expect(dialog(portal)).toBeNull();
    expect(api.requestsTo('DELETE /v1/me/session')).toEqual([]);

    await wait(portal, clock, 2 * second);
    expect(dialog(portal)).not.toBeNull();
  });

  it('stops counting after sign-out', async () => {
    const { portal, clock } = await signedInPortal();
    expect(clock.pending).toBe(1);

    await userEvent.click(control(portal, 'Sign out'));
    await waitForScreen(portal, 'You have signed out');

    expect(clock.pending).toBe(0);
  });

  it('stops counting after the quick exit, even with the warning open', async () => {
    const { portal, clock } = await signedInPortal();
    await wait(portal, clock, 14 * minute);

    await userEvent.keyboard('{Escape}{Escape}');
    await portal.updateComplete;

    expect(clock.pending).toBe(0);
    expect(dialog(portal)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});

for (const width of [1024, 320]) {
  describe(`<vp-portal> idle-timeout warning at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each([
      { name: 'can stay signed in', idle: 15, absolute: 60 },
      { name: 'near the absolute expiry', idle: 15, absolute: 10 },
    ])('$name: no WCAG 2.2 A/AA violations, fits the screen', async ({ idle, absolute }) => {
      const { portal, clock } = await signedInPortal(idle, absolute);
      await wait(portal, clock, Math.min(idle, absolute) * minute - 90 * second);
      expect(dialog(portal)).not.toBeNull();

      await expectAccessible(portal);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      const box = dialog(portal)!.getBoundingClientRect();
      expect(box.right).toBeLessThanOrEqual(width);
      for (const button of dialog(portal)!.querySelectorAll('button')) {
        expect(button.getBoundingClientRect().height).toBeGreaterThanOrEqual(24);
      }
    });
  });
}
