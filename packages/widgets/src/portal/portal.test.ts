import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { heldAnswer, problem } from '../../test/fake-api.js';
import { bikeTheft, burglary, session } from '../../test/fixtures.js';
import {
  alertText,
  control,
  deepActiveElement,
  enterCode,
  mountPortal,
  openInviteLink,
  screenHeading,
  signInWithInvite,
  waitForScreen,
  workingApi,
} from '../../test/portal-harness.js';
import { shownText } from '../../test/render.js';
import type { VpSignedOutEvent } from '../events/signed-out-event.js';
import './portal.js';

const storageKey = 'vp-session';

function storeSession(extra: Record<string, string> = {}): void {
  sessionStorage.setItem(storageKey, JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt, ...extra }));
}

describe('<vp-portal> without an invite', () => {
  it('explains how to get in, and that 101, the station and 999 still work, without taking focus', async () => {
    const { portal, api } = await mountPortal(workingApi());

    await waitForScreen(portal, 'See how your case is going');
    const text = shownText(portal);
    expect(text).toContain('open the link in that invite');
    expect(text).toContain('call 101 or go to a police station');
    expect(text).toContain('In an emergency, call 999.');
    expect(api.requests).toEqual([]);
    expect(deepActiveElement()).toBe(document.body);
    expect(() => control(portal, 'Sign out')).toThrow();
    // Without a force attribute the service could not route a request for a new link.
    expect(() => control(portal, 'Send me a new sign-in link')).toThrow();
  });

  it('speaks Welsh when its lang is cy', async () => {
    const { portal } = await mountPortal(workingApi(), { lang: 'cy' });

    await expect.poll(() => screenHeading(portal)).toBe('Gweld sut mae eich achos yn mynd');
    expect(shownText(portal)).toContain('Mewn argyfwng, ffoniwch 999.');
    expect(shownText(portal)).toContain('Gadael y dudalen hon');
  });
});

describe('<vp-portal> resuming in the same tab', () => {
  it('picks the session up from sessionStorage after a reload', async () => {
    storeSession();
    const { portal, api } = await mountPortal(workingApi());

    await waitForScreen(portal, 'Burglary of a home');
    expect(api.requestsTo('GET /v1/me/cases')[0]?.authorization).toBe(`Bearer ${session.sessionToken}`);
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
  });

  it('drops to signed-out, kindly, when the service says the session is over', async () => {
    storeSession();
    const events: string[] = [];
    window.addEventListener('vp-signed-out', (event) => events.push(event.reason), { once: true });
    const { portal } = await mountPortal(workingApi().on('GET /v1/me/cases', problem(401, 'unauthenticated')));

    await waitForScreen(portal, 'You have been signed out');
    expect(alertText(portal)).toContain('To keep your information safe');
    expect(sessionStorage.getItem(storageKey)).toBeNull();
    expect(events).toEqual(['session-ended']);
    expect(() => control(portal, 'Sign out')).toThrow();
  });

  it('does not use a stored session past its expiry', async () => {
    sessionStorage.setItem(storageKey, JSON.stringify({ token: session.sessionToken, expiresAt: '2020-01-01T00:00:00Z' }));
    const { portal, api } = await mountPortal(workingApi());

    await waitForScreen(portal, 'You have been signed out');
    expect(api.requests).toEqual([]);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('ignores storage it cannot read', async () => {
    sessionStorage.setItem(storageKey, '{not json');
    const { portal } = await mountPortal(workingApi());

    await waitForScreen(portal, 'See how your case is going');
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });
});

describe('<vp-portal> with several cases', () => {
  it('lists them, opens one, goes back, and reopens it after a reload', async () => {
    storeSession();
    const api = workingApi([bikeTheft, burglary]);
    const first = await mountPortal(api);
    await waitForScreen(first.portal, 'Your crime reports');
    expect(shownText(first.portal)).toContain('Crime reference KN/25/0000042, reported 21 June 2025');

    await userEvent.click(control(first.portal, 'Theft of a pedal cycle Crime reference KN/25/0000042, reported 21 June 2025'));
    await waitForScreen(first.portal, 'Theft of a pedal cycle');
    expect(shownText(first.portal)).toContain('Your case has not been given to an officer yet.');
    expect(shownText(first.portal)).toContain('We have received your report');

    first.portal.remove();
    const second = await mountPortal(api);
    await waitForScreen(second.portal, 'Theft of a pedal cycle');

    await userEvent.click(control(second.portal, 'Back to all your reports'));
    await waitForScreen(second.portal, 'Your crime reports');
  });

  it('says so when the service has no case for the victim', async () => {
    storeSession();
    const { portal } = await mountPortal(workingApi([]));

    await waitForScreen(portal, 'We cannot find a crime report for you');
  });
});

describe('<vp-portal> leaving', () => {
  it('signs out: ends the session on the service and keeps nothing of the case', async () => {
    openInviteLink();
    const { portal, api } = await mountPortal(workingApi());
    await signInWithInvite(portal);
    const events: VpSignedOutEvent[] = [];
    portal.addEventListener('vp-signed-out', (event) => events.push(event));

    await userEvent.click(control(portal, 'Sign out'));

    await waitForScreen(portal, 'You have signed out');
    expect(api.requestsTo('DELETE /v1/me/session').map((request) => request.authorization)).toEqual([`Bearer ${session.sessionToken}`]);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(shownText(portal)).not.toContain(burglary.crimeReference);
    expect(shownText(portal)).not.toContain('Patel');
    expect(events.map((event) => event.reason)).toEqual(['signed-out']);
    expect(() => control(portal, 'Sign out')).toThrow();
  });

  it('signs out locally even when the service cannot be reached', async () => {
    storeSession();
    const { portal } = await mountPortal(workingApi().on('DELETE /v1/me/session', problem(503, 'internal')));
    await waitForScreen(portal, 'Burglary of a home');

    await userEvent.click(control(portal, 'Sign out'));

    await waitForScreen(portal, 'You have signed out');
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('quick exit: forgets everything, tells the service in the background, and leaves for the exit-url', async () => {
    storeSession();
    const { portal, api, navigations } = await mountPortal(workingApi(), { 'exit-url': 'https://www.example.org/weather' });
    await waitForScreen(portal, 'Burglary of a home');

    await userEvent.click(control(portal, 'Exit this page'));

    expect(navigations).toEqual(['https://www.example.org/weather']);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
    await portal.updateComplete;
    expect(shownText(portal)).not.toContain(burglary.crimeReference);
    await expect.poll(() => api.requestsTo('DELETE /v1/me/session')).toHaveLength(1);
    const [revoke] = api.requestsTo('DELETE /v1/me/session');
    expect(revoke).toMatchObject({ authorization: `Bearer ${session.sessionToken}`, keepalive: true });
  });

  it('quick exit by pressing Shift 3 times', async () => {
    storeSession();
    const { portal, navigations } = await mountPortal(workingApi());
    await waitForScreen(portal, 'Burglary of a home');

    await userEvent.keyboard('{Shift}{Shift}{Shift}');

    expect(navigations).toEqual(['https://www.bbc.co.uk/weather']);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('quick exit while the code is being checked keeps nothing that arrives afterwards', async () => {
    openInviteLink();
    const redeem = heldAnswer();
    const api = workingApi().on('POST /v1/invites/redeem', redeem.route);
    const { portal, navigations } = await mountPortal(api);
    await enterCode(portal);
    await expect.poll(() => api.requestsTo('POST /v1/invites/redeem')).toHaveLength(1);

    await userEvent.keyboard('{Escape}{Escape}');
    redeem.answer({ status: 201, body: session });

    expect(navigations).toHaveLength(1);
    await expect.poll(() => api.requestsTo('DELETE /v1/me/session')).toHaveLength(1);
    expect(api.requestsTo('DELETE /v1/me/session')[0]?.authorization).toBe(`Bearer ${session.sessionToken}`);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
    expect(api.requestsTo('GET /v1/me/cases')).toEqual([]);
    expect(shownText(portal)).not.toContain('Enter the code');
  });

  it('quick exit from the second-factor screen forgets the invite', async () => {
    openInviteLink();
    const { portal, api, navigations } = await mountPortal(workingApi());
    await waitForScreen(portal, 'Enter the code we sent you');

    await userEvent.click(control(portal, 'Exit this page'));

    expect(navigations).toHaveLength(1);
    await portal.updateComplete;
    expect(portal.shadowRoot!.querySelector('vp-sign-in')).toBeNull();
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
  });
});
