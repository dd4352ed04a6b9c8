import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { heldAnswer, networkFailure, problem, type FakeAnswer } from '../../test/fake-api.js';
import { codeChallenge, session } from '../../test/fixtures.js';
import {
  alertText,
  apiBase,
  control,
  deepActiveElement,
  enterCode,
  field,
  find,
  openInviteLink,
  redeemRoute,
  waitForScreen,
  workingApi,
} from '../../test/portal-harness.js';
import { mount, shownText } from '../../test/render.js';
import type { VpSignIn } from './sign-in.js';
import '../quick-exit/quick-exit.js';
import './sign-in.js';

async function mountSignIn(api = workingApi(), attributes: Record<string, string> = {}): Promise<VpSignIn> {
  return mount('vp-sign-in', { fetch: api.fetch }, { 'api-base': apiBase, ...attributes });
}

const inviteProblems = [
  { given: problem(409, 'invite-used'), want: 'This link has already been used', says: 'If you did not open it yourself, please tell us by calling 101.' },
  { given: problem(410, 'invite-expired'), want: 'This link has expired', says: 'Invite links only work for a limited time' },
  { given: problem(423, 'invite-locked'), want: 'This link has been locked', says: 'The answer was wrong too many times' },
  { given: problem(400, 'invite-invalid'), want: 'This link does not work', says: 'copied wrongly or cut short' },
];

describe('<vp-sign-in> when the invite cannot be used', () => {
  it.each(inviteProblems)('opening the link: $given.status says "$want" in the alert region', async ({ given, want, says }) => {
    openInviteLink();
    const api = workingApi().on('POST /v1/invites/challenge', given);
    const signIn = await mountSignIn(api);

    await waitForScreen(signIn, want);
    expect(alertText(signIn)).toContain(says);
    expect(find(signIn, 'input')).toBeNull();
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
  });

  it.each(inviteProblems)('answering: $given.status says "$want" and takes focus', async ({ given, want }) => {
    openInviteLink();
    const signIn = await mountSignIn(workingApi().on('POST /v1/invites/redeem', given));

    await enterCode(signIn);

    await waitForScreen(signIn, want);
    await expect.poll(() => deepActiveElement()?.textContent).toBe(want);
    expect(sessionStorage.length).toBe(0);
  });

  it('offers a new link on those screens only when the page said which force it is', async () => {
    openInviteLink();
    const withForce = await mountSignIn(workingApi().on('POST /v1/invites/challenge', problem(410, 'invite-expired')), { force: 'kingsmoor' });
    await waitForScreen(withForce, 'This link has expired');
    expect(() => control(withForce, 'Send me a new sign-in link')).not.toThrow();
    withForce.remove();

    openInviteLink();
    const withoutForce = await mountSignIn(workingApi().on('POST /v1/invites/challenge', problem(410, 'invite-expired')));
    await waitForScreen(withoutForce, 'This link has expired');
    expect(() => control(withoutForce, 'Send me a new sign-in link')).toThrow();
  });
});

describe('<vp-sign-in> when asked to wait (429)', () => {
  it.each<{ headers: Record<string, string>; want: string }>([
    { headers: { 'retry-after': '120' }, want: 'Wait 2 minutes, then try again.' },
    { headers: { 'retry-after': '30' }, want: 'Wait 30 seconds, then try again.' },
    { headers: { 'retry-after': '1' }, want: 'Wait 1 second, then try again.' },
    { headers: {}, want: 'Wait a few minutes, then try again.' },
  ])('says "$want" from Retry-After, then tries again', async ({ headers, want }) => {
    openInviteLink();
    let calls = 0;
    const api = workingApi().on('POST /v1/invites/challenge', () =>
      ++calls === 1 ? problem(429, 'rate-limited', {}, headers) : { status: 200, body: codeChallenge },
    );
    const signIn = await mountSignIn(api);

    await waitForScreen(signIn, 'Please wait before trying again');
    expect(alertText(signIn)).toContain(want);
    expect(alertText(signIn)).toContain('too many tries in a short time');

    await userEvent.click(control(signIn, 'Try again'));
    await waitForScreen(signIn, 'Enter the code we sent you');
  });

  it('after too many answers, Try again goes back to the form without spending a try', async () => {
    openInviteLink();
    const api = workingApi().on('POST /v1/invites/redeem', problem(429, 'rate-limited', {}, { 'retry-after': '300' }));
    const signIn = await mountSignIn(api);
    await enterCode(signIn);

    await waitForScreen(signIn, 'Please wait before trying again');
    expect(alertText(signIn)).toContain('Wait 5 minutes, then try again.');
    await userEvent.click(control(signIn, 'Try again'));

    await waitForScreen(signIn, 'Enter the code we sent you');
    expect(api.requestsTo('POST /v1/invites/redeem')).toHaveLength(1);
    // A new code was not asked for: the one already sent still works.
    expect(api.requestsTo('POST /v1/invites/challenge')).toHaveLength(1);
  });
});

describe('<vp-sign-in> when the service cannot be reached', () => {
  it('says so with "Try again", which repeats the check of the invite', async () => {
    openInviteLink();
    let calls = 0;
    const api = workingApi().on('POST /v1/invites/challenge', () => (++calls === 1 ? networkFailure() : { status: 200, body: codeChallenge }));
    const signIn = await mountSignIn(api);

    await waitForScreen(signIn, 'Sorry, something went wrong');
    expect(alertText(signIn)).toContain('Check your internet connection and try again.');
    await userEvent.click(control(signIn, 'Try again'));

    await enterCode(signIn);
    await expect.poll(() => signIn.view.name).toBe('signed-in');
  });

  it('keeps the invite for "Try again" when sending the answer failed, and quotes the request id of a fault', async () => {
    openInviteLink();
    let calls = 0;
    const api = workingApi();
    const redeemWell = redeemRoute(codeChallenge);
    api.on('POST /v1/invites/redeem', (request) => (++calls === 1 ? problem(500, 'internal') : redeemWell(request)));
    const signIn = await mountSignIn(api);
    await enterCode(signIn);

    await waitForScreen(signIn, 'Sorry, something went wrong');
    expect(alertText(signIn)).toContain('give this reference: req_test_1');
    await userEvent.click(control(signIn, 'Try again'));

    await enterCode(signIn);
    await expect.poll(() => signIn.view.name).toBe('signed-in');
  });
});

describe('<vp-sign-in> asking for a new sign-in link', () => {
  async function openNewLinkForm(answer: FakeAnswer | (() => Promise<FakeAnswer>) = { status: 202, body: { status: 'accepted' } }) {
    const api = workingApi().on('POST /v1/sign-in-links', answer);
    const signIn = await mountSignIn(api, { force: 'kingsmoor' });
    await waitForScreen(signIn, 'See how your case is going');
    await userEvent.click(control(signIn, 'Send me a new sign-in link'));
    await waitForScreen(signIn, 'Get a new sign-in link');
    return { signIn, api };
  }

  it('is not offered when the page did not say which force it is', async () => {
    const signIn = await mountSignIn();

    await waitForScreen(signIn, 'See how your case is going');
    expect(() => control(signIn, 'Send me a new sign-in link')).toThrow();
    expect(shownText(signIn)).not.toContain('Used your link already?');
  });

  it('sends the contact and says the same neutral thing whatever the service holds', async () => {
    const { signIn, api } = await openNewLinkForm();
    const input = field(signIn, 'contact');
    expect(input.labels?.[0]?.textContent).toBe('Email address or mobile phone number');

    await userEvent.fill(input, ' 07700 900 982 ');
    await userEvent.keyboard('{Enter}');

    await waitForScreen(signIn, 'Check your email and text messages');
    expect(shownText(signIn)).toContain('If we hold that contact for a current report, we have sent a link to it.');
    expect(api.requestsTo('POST /v1/sign-in-links').map((request) => request.body)).toEqual([{ force: 'kingsmoor', contact: '07700900982' }]);
  });

  it.each([400, 422])('says the same neutral thing when the service refuses the contact (%i)', async (status) => {
    const { signIn } = await openNewLinkForm(problem(status, 'invalid-request'));
    await userEvent.fill(field(signIn, 'contact'), 'sam@example.com');

    await userEvent.click(control(signIn, 'Send me a new sign-in link'));

    await waitForScreen(signIn, 'Check your email and text messages');
  });

  it.each([
    { given: '', want: 'Enter your email address or mobile phone number' },
    { given: 'sam', want: 'Enter an email address like name@example.com, or a mobile number like 07700 900 982' },
  ])('says "$want" for "$given" without asking the service', async ({ given, want }) => {
    const { signIn, api } = await openNewLinkForm();
    if (given) await userEvent.fill(field(signIn, 'contact'), given);

    await userEvent.click(control(signIn, 'Send me a new sign-in link'));

    await expect.poll(() => shownText(find(signIn, '[part="error-summary"]') ?? document.createElement('p'))).toBe(`There is a problem ${want}`);
    await expect.poll(() => deepActiveElement()).toBe(find(signIn, '[part="error-summary"]'));
    expect(field(signIn, 'contact').getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST /v1/sign-in-links')).toEqual([]);
  });

  it('shows the wait screen when asked too often', async () => {
    const { signIn } = await openNewLinkForm(problem(429, 'rate-limited', {}, { 'retry-after': '600' }));
    await userEvent.fill(field(signIn, 'contact'), 'sam@example.com');

    await userEvent.keyboard('{Enter}');

    await waitForScreen(signIn, 'Please wait before trying again');
    expect(alertText(signIn)).toContain('Wait 10 minutes, then try again.');
    await userEvent.click(control(signIn, 'Try again'));
    await waitForScreen(signIn, 'Get a new sign-in link');
  });

  it('goes back to where the victim was', async () => {
    const { signIn } = await openNewLinkForm();

    await userEvent.click(control(signIn, 'Back'));

    await waitForScreen(signIn, 'See how your case is going');
  });
});

describe('<vp-sign-in> on its own, when the victim uses a quick exit', () => {
  it('keeps nothing of a sign-in still on its way, and fires no vp-signed-in', async () => {
    openInviteLink();
    const redeem = heldAnswer();
    const api = workingApi().on('POST /v1/invites/redeem', redeem.route);
    const navigations: string[] = [];
    await mount('vp-quick-exit', { navigate: (url: string) => void navigations.push(url) });
    const signIn = await mountSignIn(api);
    const signedIn: Event[] = [];
    signIn.addEventListener('vp-signed-in', (event) => signedIn.push(event));
    await enterCode(signIn);
    await expect.poll(() => api.requestsTo('POST /v1/invites/redeem')).toHaveLength(1);

    await userEvent.keyboard('{Escape}{Escape}');
    redeem.answer({ status: 201, body: session });

    expect(navigations).toHaveLength(1);
    await expect.poll(() => api.requestsTo('DELETE /v1/me/session').map((request) => request.authorization)).toEqual([`Bearer ${session.sessionToken}`]);
    expect(sessionStorage.length).toBe(0);
    expect(signedIn).toEqual([]);
    expect(shownText(signIn)).toBe('');
  });
});
