import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { problem } from '../../test/fake-api.js';
import { burglary, codeChallenge, inviteToken, oneTimeCode, session } from '../../test/fixtures.js';
import {
  alertText,
  control,
  deepActiveElement,
  field,
  mountPortal,
  openInviteLink,
  signInWithInvite,
  waitForScreen,
  workingApi,
} from '../../test/portal-harness.js';
import { shownText } from '../../test/render.js';
import './portal.js';

const storageKey = 'vp-session';

function storeSession(): void {
  sessionStorage.setItem(storageKey, JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
}

describe('<vp-portal> signing in with the invite link', () => {
  it('takes the token from the URL at once, asks for the code, redeems with it and shows the case', async () => {
    openInviteLink();
    const { portal, api } = await mountPortal(workingApi());

    expect(location.hash).toBe('');
    expect(location.href).not.toContain(inviteToken);
    await waitForScreen(portal, 'Enter the code we sent you');
    expect(shownText(portal)).toContain('We have sent a code by text message to •••• ••• 123.');
    expect(api.requestsTo('POST /v1/invites/challenge').map((request) => request.body)).toEqual([{ token: inviteToken }]);
    // Opening the link uses nothing up: mail scanners open links too.
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);

    await signInWithInvite(portal);

    expect(api.requestsTo('POST /v1/invites/redeem').map((request) => request.body)).toEqual([{ token: inviteToken, answer: oneTimeCode }]);
    expect(api.requestsTo('GET /v1/me/cases')[0]?.authorization).toBe(`Bearer ${session.sessionToken}`);
    const text = shownText(portal);
    expect(text).toContain('KN/24/0012345');
    expect(text).toContain('We are investigating');
    expect(text).toContain('DC Sam Patel');
    expect(text).toContain('Detective Constable');
    expect(text).toContain('4521');
    expect(() => control(portal, 'Sign out')).not.toThrow();
  });

  it('fires vp-signed-in from the portal, carrying nothing about the case', async () => {
    openInviteLink();
    const events: Event[] = [];
    document.addEventListener('vp-signed-in', (event) => events.push(event), { once: true });
    const { portal } = await mountPortal(workingApi());

    await signInWithInvite(portal);

    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!).filter((key) => key !== 'isTrusted')).toEqual([]);
  });

  it('calls the service on the same origin with a relative api-base, as the drop-in markup does', async () => {
    openInviteLink();
    const { portal, api } = await mountPortal(workingApi(), { 'api-base': '/' });

    await signInWithInvite(portal);
    const calls = api.requests.map((request) => `${request.method} ${request.path}`);
    expect(calls.slice(0, 3)).toEqual(['POST /v1/invites/challenge', 'POST /v1/invites/redeem', 'GET /v1/me/cases']);
    // Then the case's messages and the live stream (from <vp-messages>), on the same origin too.
    expect(new Set(api.requests.map((request) => new URL(request.url).origin))).toEqual(new Set([location.origin]));
  });

  it('keeps the session token in sessionStorage only: not localStorage, not a cookie', async () => {
    openInviteLink();
    const { portal } = await mountPortal(workingApi());
    await signInWithInvite(portal);

    expect(JSON.parse(sessionStorage.getItem(storageKey)!)).toMatchObject({ token: session.sessionToken });
    // eslint-disable-next-line no-restricted-globals -- proving nothing was written there
    const local = Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`);
    expect(local.join()).not.toContain(session.sessionToken);
    expect(document.cookie).not.toContain(session.sessionToken);
  });

  it('keeps no case content, invite token or code in storage', async () => {
    openInviteLink();
    const { portal } = await mountPortal(workingApi());
    await waitForScreen(portal, 'Enter the code we sent you');
    expect(sessionStorage.length).toBe(0);
    await signInWithInvite(portal);

    const stored = Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)).join();
    expect(stored).not.toContain(burglary.crimeReference);
    expect(stored).not.toContain(burglary.crimeType);
    expect(stored).not.toContain('Patel');
    expect(stored).not.toContain(inviteToken);
    expect(stored).not.toContain(oneTimeCode);
  });

  it('keeps other fragment parameters of the page', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#invite=${inviteToken}&tab=help`);
    const { portal } = await mountPortal(workingApi());

    expect(location.hash).toBe('#tab=help');
    await signInWithInvite(portal);
  });

  it.each([
    { given: problem(409, 'invite-used'), want: 'This link has already been used', says: 'Each invite link works only once.' },
    { given: problem(410, 'invite-expired'), want: 'This link has expired', says: 'Invite links only work for a limited time' },
    { given: problem(423, 'invite-locked'), want: 'This link has been locked', says: 'wrong too many times' },
    { given: problem(400, 'invite-invalid'), want: 'This link does not work', says: 'copied wrongly or cut short' },
    { given: problem(400, 'invalid-request'), want: 'This link does not work', says: 'copied wrongly or cut short' },
  ])('explains a $given.body.type invite kindly, in the alert region, as soon as the link is opened', async ({ given, want, says }) => {
    openInviteLink();
    const { portal, api } = await mountPortal(workingApi().on('POST /v1/invites/challenge', given));

    await waitForScreen(portal, want);
    expect(alertText(portal)).toContain(says);
    expect(alertText(portal)).toContain('101');
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('treats an invite parameter with no token as a link that does not work, without asking the service', async () => {
    openInviteLink('');
    const { portal, api } = await mountPortal(workingApi());

    await waitForScreen(portal, 'This link does not work');
    expect(api.requests).toEqual([]);
  });

  it('offers to try again when the service cannot be reached, reusing the invite it holds in memory', async () => {
    openInviteLink();
    let attempts = 0;
    const api = workingApi().on('POST /v1/invites/challenge', () => (++attempts === 1 ? problem(503, 'internal') : { status: 200, body: codeChallenge }));
    const { portal } = await mountPortal(api);
    await waitForScreen(portal, 'Sorry, something went wrong');
    expect(alertText(portal)).toContain('req_test_1');

    await userEvent.click(control(portal, 'Try again'));

    await signInWithInvite(portal);
    expect(api.requestsTo('POST /v1/invites/challenge').map((request) => request.body)).toEqual([{ token: inviteToken }, { token: inviteToken }]);
  });

  it("ends a session already in this tab as soon as a new invite link opens: it may be someone else's", async () => {
    storeSession();
    openInviteLink();
    const api = workingApi();
    api.on('POST /v1/invites/redeem', { status: 201, body: { ...session, sessionToken: 'vps_SecondVictim_000000000' } });
    const { portal } = await mountPortal(api);
    await waitForScreen(portal, 'Enter the code we sent you');

    expect(sessionStorage.getItem(storageKey)).toBeNull();
    await expect.poll(() => api.requestsTo('DELETE /v1/me/session').map((request) => request.authorization)).toEqual([`Bearer ${session.sessionToken}`]);
    expect(() => control(portal, 'Sign out')).toThrow();

    await signInWithInvite(portal);
    expect(JSON.parse(sessionStorage.getItem(storageKey)!).token).toBe('vps_SecondVictim_000000000');
  });

  it('moves focus to the heading of each screen that loads', async () => {
    openInviteLink();
    const { portal } = await mountPortal(workingApi());
    await waitForScreen(portal, 'Enter the code we sent you');
    await expect.poll(() => deepActiveElement()?.textContent).toBe('Enter the code we sent you');

    await signInWithInvite(portal);

    await expect.poll(() => deepActiveElement()?.textContent).toBe('Burglary of a home');
  });

  it('passes its force on to the new sign-in link form', async () => {
    const { portal, api } = await mountPortal(workingApi(), { force: 'kingsmoor' });

    await userEvent.click(control(portal, 'Send me a new sign-in link'));
    await waitForScreen(portal, 'Get a new sign-in link');
    await userEvent.fill(field(portal, 'contact'), 'sam@example.com');
    await userEvent.keyboard('{Enter}');

    await waitForScreen(portal, 'Check your email and text messages');
    expect(api.requestsTo('POST /v1/sign-in-links').map((request) => request.body)).toEqual([{ force: 'kingsmoor', contact: 'sam@example.com' }]);
  });
});
