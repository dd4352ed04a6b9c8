import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { SignInChallenge } from '@victim-portal/sdk';
import { expectAccessible } from '../../test/axe.js';
import { problem, type FakeApi } from '../../test/fake-api.js';
import { codeChallenge, dateOfBirthChallenge, postcodeChallenge } from '../../test/fixtures.js';
import { apiBase, control, field, openInviteLink, waitForScreen, workingApi } from '../../test/portal-harness.js';
import { mount } from '../../test/render.js';
import type { VpSignIn } from './sign-in.js';
import './sign-in.js';

/** Brings `<vp-sign-in>` to a screen, through the same paths a victim takes. */
interface State {
  name: string;
  heading: string;
  api: () => FakeApi;
  invite?: boolean;
  act?: (signIn: VpSignIn) => Promise<void>;
}

const challengeStates = (challenge: SignInChallenge, heading: string, wrongAnswer: (signIn: VpSignIn) => Promise<void>): State[] => [
  { name: `${challenge.method} form`, heading, api: () => workingApi(undefined, challenge), invite: true },
  {
    name: `${challenge.method} form, nothing entered`,
    heading,
    api: () => workingApi(undefined, challenge),
    invite: true,
    act: async (signIn) => {
      await waitForScreen(signIn, heading);
      await userEvent.click(control(signIn, 'Continue'));
    },
  },
  {
    name: `${challenge.method} form, wrong answer`,
    heading,
    api: () => workingApi(undefined, challenge),
    invite: true,
    act: async (signIn) => {
      await waitForScreen(signIn, heading);
      await wrongAnswer(signIn);
      await userEvent.click(control(signIn, 'Continue'));
      await expect.poll(() => signIn.shadowRoot!.querySelector('[part="error-summary"]')?.textContent).toContain('more tries');
    },
  },
];

const failingChallenge = (answer: ReturnType<typeof problem>) => () => workingApi().on('POST /v1/invites/challenge', answer);

const states: State[] = [
  ...challengeStates(codeChallenge, 'Enter the code we sent you', (signIn) => userEvent.fill(field(signIn, 'code'), '111111')),
  ...challengeStates(dateOfBirthChallenge, 'Check it is you', async (signIn) => {
    await userEvent.fill(field(signIn, 'dob-day'), '1');
    await userEvent.fill(field(signIn, 'dob-month'), '1');
    await userEvent.fill(field(signIn, 'dob-year'), '1980');
  }),
  ...challengeStates(postcodeChallenge, 'Check it is you', (signIn) => userEvent.fill(field(signIn, 'postcode'), 'KT1 1AA')),
  {
    name: 'new code sent',
    heading: 'Enter the code we sent you',
    api: () => workingApi(),
    invite: true,
    act: async (signIn) => {
      await waitForScreen(signIn, 'Enter the code we sent you');
      await userEvent.click(control(signIn, 'Send me a new code'));
      await expect.poll(() => signIn.shadowRoot!.querySelector('[part="notice"]')).not.toBeNull();
    },
  },
  { name: 'invite used', heading: 'This link has already been used', api: failingChallenge(problem(409, 'invite-used')), invite: true },
  { name: 'invite expired', heading: 'This link has expired', api: failingChallenge(problem(410, 'invite-expired')), invite: true },
  { name: 'invite locked', heading: 'This link has been locked', api: failingChallenge(problem(423, 'invite-locked')), invite: true },
  { name: 'invite invalid', heading: 'This link does not work', api: failingChallenge(problem(400, 'invite-invalid')), invite: true },
  {
    name: 'wait (429)',
    heading: 'Please wait before trying again',
    api: failingChallenge(problem(429, 'rate-limited', {}, { 'retry-after': '120' })),
    invite: true,
  },
  { name: 'service failed', heading: 'Sorry, something went wrong', api: failingChallenge(problem(500, 'internal')), invite: true },
  {
    name: 'new sign-in link form',
    heading: 'Get a new sign-in link',
    api: () => workingApi(),
    act: (signIn) => userEvent.click(control(signIn, 'Send me a new sign-in link')),
  },
  {
    name: 'new sign-in link form, invalid contact',
    heading: 'Get a new sign-in link',
    api: () => workingApi(),
    act: async (signIn) => {
      await userEvent.click(control(signIn, 'Send me a new sign-in link'));
      await waitForScreen(signIn, 'Get a new sign-in link');
      await userEvent.fill(field(signIn, 'contact'), 'sam');
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => signIn.shadowRoot!.querySelector('[part="error-summary"]')).not.toBeNull();
    },
  },
  {
    name: 'link sent',
    heading: 'Check your email and text messages',
    api: () => workingApi(),
    act: async (signIn) => {
      await userEvent.click(control(signIn, 'Send me a new sign-in link'));
      await waitForScreen(signIn, 'Get a new sign-in link');
      await userEvent.fill(field(signIn, 'contact'), 'sam@example.com');
      await userEvent.keyboard('{Enter}');
    },
  },
];

async function showState(state: State): Promise<VpSignIn> {
  if (state.invite) openInviteLink();
  const signIn = await mount('vp-sign-in', { fetch: state.api().fetch }, { 'api-base': apiBase, force: 'kingsmoor' });
  await state.act?.(signIn);
  await waitForScreen(signIn, state.heading);
  return signIn;
}

for (const width of [1024, 320]) {
  describe(`<vp-sign-in> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each(states)('$name: no WCAG 2.2 A/AA violations, no sideways scrolling, controls at least 24 px', async (state) => {
      const signIn = await showState(state);

      await expectAccessible(signIn);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (const element of signIn.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, input')) {
        const box = element.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), element.id || element.textContent || '').toBeGreaterThanOrEqual(24);
        expect.soft(box.right, element.id || element.textContent || '').toBeLessThanOrEqual(width);
      }
    });
  });
}
