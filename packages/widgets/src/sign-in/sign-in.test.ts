import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SignInChallenge } from '@victim-portal/sdk';
import { problem } from '../../test/fake-api.js';
import { codeChallenge, dateOfBirthChallenge, inviteToken, oneTimeCode, postcodeChallenge, session } from '../../test/fixtures.js';
import { alertText, apiBase, control, deepActiveElement, enterCode, field, find, openInviteLink, waitForScreen, workingApi } from '../../test/portal-harness.js';
import { mount, shownText } from '../../test/render.js';
import type { VpSignIn } from './sign-in.js';
import './sign-in.js';

/** Mounts `<vp-sign-in>` on its own, as a force page may, with the invite link opened. */
async function openLinkWith(challenge: SignInChallenge, api = workingApi(undefined, challenge)) {
  openInviteLink();
  const signIn = await mount('vp-sign-in', { fetch: api.fetch }, { 'api-base': apiBase });
  return { signIn, api };
}

/** @returns the error summary's text, or undefined when there is none */
function errorSummary(signIn: VpSignIn): string | undefined {
  const summary = find(signIn, '[part="error-summary"]');
  return summary ? shownText(summary) : undefined;
}

async function submit(signIn: VpSignIn): Promise<void> {
  await userEvent.click(control(signIn, 'Continue'));
  await signIn.updateComplete;
}

describe('<vp-sign-in> on its own', () => {
  it('takes the invite from the URL, checks it at its api-base without using it up, and asks for the code', async () => {
    const { signIn, api } = await openLinkWith(codeChallenge);

    expect(location.href).not.toContain(inviteToken);
    await waitForScreen(signIn, 'Enter the code we sent you');
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST ${apiBase}v1/invites/challenge`]);
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
    expect(shownText(signIn)).toContain('We have sent a code by text message to •••• ••• 123. The code only works for a short time.');
  });

  it('signs in with the code: redeems once, keeps the session for this tab and fires vp-signed-in', async () => {
    const { signIn, api } = await openLinkWith(codeChallenge);
    const events: Event[] = [];
    signIn.addEventListener('vp-signed-in', (event) => events.push(event));

    await enterCode(signIn);

    await expect.poll(() => events).toHaveLength(1);
    expect(api.requestsTo('POST /v1/invites/redeem').map((request) => `${request.url} ${JSON.stringify(request.body)}`)).toEqual([
      `${apiBase}v1/invites/redeem ${JSON.stringify({ token: inviteToken, answer: oneTimeCode })}`,
    ]);
    expect(JSON.parse(sessionStorage.getItem('vp-session')!)).toMatchObject({ token: session.sessionToken, expiresAt: session.expiresAt });
    expect(signIn.view.name).toBe('signed-in');
  });

  it('speaks Welsh when the page is in Welsh, error summary included', async () => {
    document.documentElement.lang = 'cy';
    const { signIn } = await openLinkWith(codeChallenge);

    await waitForScreen(signIn, 'Rhowch y cod a anfonwyd atoch');
    expect(shownText(signIn)).toContain('Rydym wedi anfon cod mewn neges destun i •••• ••• 123.');
    expect(field(signIn, 'code').labels?.[0]?.textContent).toBe('Cod');
    await userEvent.click(control(signIn, 'Parhau'));
    await expect.poll(() => errorSummary(signIn)).toBe('Mae problem wedi codi Rhowch y cod a anfonwyd atoch');
  });

  it('shows the welcome screen when there is no invite in the URL, and asks the service nothing', async () => {
    const api = workingApi();
    const signIn = await mount('vp-sign-in', { fetch: api.fetch }, { 'api-base': apiBase });

    await waitForScreen(signIn, 'See how your case is going');
    expect(api.requests).toEqual([]);
  });
});

describe('<vp-sign-in> asking for a one-time code', () => {
  it('has a labelled input for the code that phones can fill from the text message', async () => {
    const { signIn } = await openLinkWith(codeChallenge);
    await waitForScreen(signIn, 'Enter the code we sent you');

    const input = field(signIn, 'code');
    expect(input.autocomplete).toBe('one-time-code');
    expect(input.inputMode).toBe('numeric');
    expect(input.labels?.[0]?.textContent).toBe('Code');
    expect(input.getAttribute('aria-describedby')).toBe('code-hint');
    expect(find(signIn, '#code-hint')?.textContent).toBe('The code is 6 numbers. You can paste it.');
  });

  it('accepts a pasted code with spaces, sending only its digits', async () => {
    const { signIn, api } = await openLinkWith(codeChallenge);
    await waitForScreen(signIn, 'Enter the code we sent you');
    const message = document.createElement('textarea');
    message.value = '482 913';
    document.body.append(message);
    message.select();
    await userEvent.copy();
    message.remove();

    await userEvent.click(field(signIn, 'code'));
    await userEvent.paste();
    expect(field(signIn, 'code').value).toBe('482 913');
    await submit(signIn);

    await expect.poll(() => api.requestsTo('POST /v1/invites/redeem').map((request) => request.body)).toEqual([{ token: inviteToken, answer: '482913' }]);
  });

  it.each([
    { given: '', want: 'Enter the code we sent you' },
    { given: 'abc', want: 'The code must be the numbers we sent you, like 123456' },
    { given: '12', want: 'The code must be the numbers we sent you, like 123456' },
  ])('says "$want" for "$given" without asking the service, in a summary that takes focus and links to the field', async ({ given, want }) => {
    const { signIn, api } = await openLinkWith(codeChallenge);
    await waitForScreen(signIn, 'Enter the code we sent you');
    if (given) await userEvent.fill(field(signIn, 'code'), given);

    await submit(signIn);

    expect(errorSummary(signIn)).toBe(`There is a problem ${want}`);
    await expect.poll(() => deepActiveElement()).toBe(find(signIn, '[part="error-summary"]'));
    expect(find(signIn, '#code-error')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Error: ${want}`);
    expect(field(signIn, 'code').getAttribute('aria-invalid')).toBe('true');
    expect(field(signIn, 'code').getAttribute('aria-describedby')).toBe('code-hint code-error');
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);

    await userEvent.click(find(signIn, '[part="error-summary"] a')!);
    expect(deepActiveElement()).toBe(field(signIn, 'code'));
  });

  it('says how many tries are left after a wrong code, and locks kindly after the last', async () => {
    const { signIn } = await openLinkWith(codeChallenge);

    await enterCode(signIn, '111111');
    await expect.poll(() => errorSummary(signIn)).toContain('You have 4 more tries before this link stops working.');
    expect(errorSummary(signIn)).toBe('There is a problem The code is not right. Check it and try again. You have 4 more tries before this link stops working.');
    await expect.poll(() => deepActiveElement()).toBe(find(signIn, '[part="error-summary"]'));

    for (const left of ['3 more tries', '2 more tries']) {
      await userEvent.fill(field(signIn, 'code'), '111111');
      await submit(signIn);
      await expect.poll(() => errorSummary(signIn)).toContain(`You have ${left} before`);
    }
    await userEvent.fill(field(signIn, 'code'), '111111');
    await submit(signIn);
    await expect.poll(() => errorSummary(signIn)).toContain('You have 1 more try before this link stops working.');

    await userEvent.fill(field(signIn, 'code'), '111111');
    await submit(signIn);
    await waitForScreen(signIn, 'This link has been locked');
    expect(alertText(signIn)).toContain("We've told the force.");
  });

  it('sends a new code on request, and says so', async () => {
    const { signIn, api } = await openLinkWith(codeChallenge);
    await waitForScreen(signIn, 'Enter the code we sent you');

    await userEvent.click(control(signIn, 'Send me a new code'));

    await expect.poll(() => find(signIn, '[part="notice"]')?.textContent).toBe('We have sent you a new code. Use the newest one.');
    expect(api.requestsTo('POST /v1/invites/challenge')).toHaveLength(2);
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
    await enterCode(signIn);
    await expect.poll(() => signIn.view.name).toBe('signed-in');
  });

  it('can be used by keyboard alone: Tab to the code, type it, press Enter', async () => {
    const { signIn, api } = await openLinkWith(codeChallenge);
    await waitForScreen(signIn, 'Enter the code we sent you');
    await expect.poll(() => deepActiveElement()?.textContent).toBe('Enter the code we sent you');

    await userEvent.tab();
    expect(deepActiveElement()).toBe(field(signIn, 'code'));
    await userEvent.keyboard(`${oneTimeCode}{Enter}`);

    await expect.poll(() => api.requestsTo('POST /v1/invites/redeem')).toHaveLength(1);
    await expect.poll(() => signIn.view.name).toBe('signed-in');
  });
});

describe('<vp-sign-in> asking for the date of birth', () => {
  it("uses GOV.UK's date input: day, month and year, each labelled, in a fieldset with its hint", async () => {
    const { signIn } = await openLinkWith(dateOfBirthChallenge);
    await waitForScreen(signIn, 'Check it is you');

    const fieldset = find(signIn, 'fieldset')!;
    expect(fieldset.querySelector('legend')?.textContent).toBe('What is your date of birth?');
    expect(fieldset.getAttribute('aria-describedby')).toBe('dob-hint');
    expect(find(signIn, '#dob-hint')?.textContent).toBe('For example, 27 3 1990');
    const parts = ['dob-day', 'dob-month', 'dob-year'].map((id) => field(signIn, id));
    expect(parts.map((input) => input.labels?.[0]?.textContent)).toEqual(['Day', 'Month', 'Year']);
    expect(parts.map((input) => input.autocomplete)).toEqual(['bday-day', 'bday-month', 'bday-year']);
    expect(parts.map((input) => input.inputMode)).toEqual(['numeric', 'numeric', 'numeric']);
  });

  it('signs in with the date, sent as YYYY-MM-DD, by keyboard alone', async () => {
    const { signIn, api } = await openLinkWith(dateOfBirthChallenge);
    await waitForScreen(signIn, 'Check it is you');

    field(signIn, 'dob-day').focus();
    await userEvent.keyboard('27');
    await userEvent.tab();
    await userEvent.keyboard('3');
    await userEvent.tab();
    await userEvent.keyboard('1990{Enter}');

    await expect.poll(() => api.requestsTo('POST /v1/invites/redeem').map((request) => request.body)).toEqual([{ token: inviteToken, answer: '1990-03-27' }]);
    await expect.poll(() => signIn.view.name).toBe('signed-in');
  });

  it.each([
    { day: '', month: '', year: '', want: 'Enter your date of birth', fieldId: 'dob-day' },
    { day: '', month: '3', year: '1990', want: 'Your date of birth must include a day', fieldId: 'dob-day' },
    { day: '27', month: '', year: '1990', want: 'Your date of birth must include a month', fieldId: 'dob-month' },
    { day: '27', month: '3', year: '', want: 'Your date of birth must include a year', fieldId: 'dob-year' },
    { day: '31', month: '2', year: '1990', want: 'Your date of birth must be a real date, like 27 3 1990', fieldId: 'dob-day' },
    { day: '27', month: '3', year: '90', want: 'Your date of birth must be a real date, like 27 3 1990', fieldId: 'dob-year' },
    { day: '1', month: '1', year: '2999', want: 'Your date of birth must be in the past', fieldId: 'dob-day' },
  ])('says "$want" for $day/$month/$year and links to #$fieldId', async ({ day, month, year, want, fieldId }) => {
    const { signIn, api } = await openLinkWith(dateOfBirthChallenge);
    await waitForScreen(signIn, 'Check it is you');
    for (const [id, value] of [['dob-day', day], ['dob-month', month], ['dob-year', year]] as const) {
      if (value) await userEvent.fill(field(signIn, id), value);
    }

    await submit(signIn);

    expect(errorSummary(signIn)).toBe(`There is a problem ${want}`);
    expect(find(signIn, '#dob-error')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Error: ${want}`);
    expect(find(signIn, 'fieldset')?.getAttribute('aria-describedby')).toBe('dob-hint dob-error');
    await userEvent.click(find(signIn, '[part="error-summary"] a')!);
    expect(deepActiveElement()).toBe(field(signIn, fieldId));
    expect(api.requestsTo('POST /v1/invites/redeem')).toEqual([]);
  });

  it('says the date does not match, with the tries left', async () => {
    const { signIn } = await openLinkWith(dateOfBirthChallenge);
    await waitForScreen(signIn, 'Check it is you');
    await userEvent.fill(field(signIn, 'dob-day'), '1');
    await userEvent.fill(field(signIn, 'dob-month'), '1');
    await userEvent.fill(field(signIn, 'dob-year'), '1980');

    await submit(signIn);

    await expect.poll(() => errorSummary(signIn)).toBe(
      'There is a problem The date of birth does not match what we hold. You have 4 more tries before this link stops working.',
    );
  });
});

describe('<vp-sign-in> asking for the postcode', () => {
  it('has a labelled postcode input and sends it tidied: trimmed, upper case', async () => {
    const { signIn, api } = await openLinkWith(postcodeChallenge);
    await waitForScreen(signIn, 'Check it is you');
    const input = field(signIn, 'postcode');
    expect(input.labels?.[0]?.textContent).toBe('What is your postcode?');
    expect(input.autocomplete).toBe('postal-code');

    await userEvent.fill(input, '  sw1a   1aa ');
    await userEvent.keyboard('{Enter}');

    await expect.poll(() => api.requestsTo('POST /v1/invites/redeem').map((request) => request.body)).toEqual([{ token: inviteToken, answer: 'SW1A 1AA' }]);
    await expect.poll(() => signIn.view.name).toBe('signed-in');
  });

  it.each([
    { given: '', want: 'Enter your postcode' },
    { given: 'hello', want: 'Enter a real postcode, like SW1A 1AA' },
  ])('says "$want" for "$given"', async ({ given, want }) => {
    const { signIn } = await openLinkWith(postcodeChallenge);
    await waitForScreen(signIn, 'Check it is you');
    if (given) await userEvent.fill(field(signIn, 'postcode'), given);

    await submit(signIn);

    expect(errorSummary(signIn)).toBe(`There is a problem ${want}`);
    await expect.poll(() => deepActiveElement()).toBe(find(signIn, '[part="error-summary"]'));
  });

  it('says the postcode does not match, with the last try left', async () => {
    const api = workingApi(undefined, postcodeChallenge).on('POST /v1/invites/redeem', problem(422, 'second-factor-incorrect', { attemptsLeft: 1 }));
    const { signIn } = await openLinkWith(postcodeChallenge, api);
    await waitForScreen(signIn, 'Check it is you');
    await userEvent.fill(field(signIn, 'postcode'), 'KT1 1AA');

    await submit(signIn);

    await expect.poll(() => errorSummary(signIn)).toBe(
      'There is a problem The postcode does not match what we hold. You have 1 more try before this link stops working.',
    );
  });
});
