import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { axeViolations, expectAccessible } from '../../test/axe.js';
import { neverAnswers, problem, type FakeApi } from '../../test/fake-api.js';
import { bikeTheft, burglary, session } from '../../test/fixtures.js';
import { control, deepActiveElement, enterCode, mountPortal, openInviteLink, waitForScreen, workingApi } from '../../test/portal-harness.js';
import type { VpPortal } from './portal.js';
import './portal.js';

function storeSession(): void {
  sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
}

/** Brings a portal to a screen, through the same paths a victim takes. */
interface State {
  name: string;
  heading: string;
  arrange: () => { api: FakeApi; signedIn: 'invite' | 'stored' | 'no' };
  act?: (portal: VpPortal) => Promise<void>;
}

const states: State[] = [
  { name: 'signed out, not yet', heading: 'See how your case is going', arrange: () => ({ api: workingApi(), signedIn: 'no' }) },
  {
    name: 'checking the invite',
    heading: 'Checking your invite',
    arrange: () => ({ api: workingApi().on('POST /v1/invites/challenge', neverAnswers), signedIn: 'invite' }),
  },
  { name: 'asking for the code', heading: 'Enter the code we sent you', arrange: () => ({ api: workingApi(), signedIn: 'invite' }) },
  {
    name: 'invite used',
    heading: 'This link has already been used',
    arrange: () => ({ api: workingApi().on('POST /v1/invites/challenge', problem(409, 'invite-used')), signedIn: 'invite' }),
  },
  {
    name: 'service failed',
    heading: 'Sorry, something went wrong',
    arrange: () => ({ api: workingApi().on('POST /v1/invites/challenge', problem(500, 'internal')), signedIn: 'invite' }),
  },
  {
    name: 'session ended',
    heading: 'You have been signed out',
    arrange: () => ({ api: workingApi().on('GET /v1/me/cases', problem(401, 'unauthenticated')), signedIn: 'stored' }),
  },
  { name: 'case list', heading: 'Your crime reports', arrange: () => ({ api: workingApi([bikeTheft, burglary]), signedIn: 'stored' }) },
  { name: 'no cases', heading: 'We cannot find a crime report for you', arrange: () => ({ api: workingApi([]), signedIn: 'stored' }) },
  {
    name: 'case with an officer, after signing in',
    heading: 'Burglary of a home',
    arrange: () => ({ api: workingApi([burglary]), signedIn: 'invite' }),
    act: (portal) => enterCode(portal),
  },
  {
    name: 'case with no officer yet, from a list',
    heading: 'Theft of a pedal cycle',
    arrange: () => ({ api: workingApi([bikeTheft, burglary]), signedIn: 'stored' }),
    act: async (portal) => {
      await waitForScreen(portal, 'Your crime reports');
      await userEvent.click(control(portal, 'Theft of a pedal cycle Crime reference KN/25/0000042, reported 21 June 2025'));
    },
  },
  {
    name: 'signed out by the victim',
    heading: 'You have signed out',
    arrange: () => ({ api: workingApi([burglary]), signedIn: 'stored' }),
    act: async (portal) => {
      await waitForScreen(portal, 'Burglary of a home');
      await userEvent.click(control(portal, 'Sign out'));
    },
  },
];

async function showState(state: State): Promise<VpPortal> {
  const { api, signedIn } = state.arrange();
  if (signedIn === 'invite') openInviteLink();
  if (signedIn === 'stored') storeSession();
  const { portal } = await mountPortal(api);
  await state.act?.(portal);
  await waitForScreen(portal, state.heading);
  return portal;
}

/** @returns every button and link the victim can reach, through nested shadow roots */
function controls(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].flatMap((element) => [
    ...(element.matches('a[href], button') ? [element] : []),
    ...(element.shadowRoot ? controls(element.shadowRoot) : []),
  ]);
}

for (const width of [1024, 320]) {
  describe(`<vp-portal> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each(states)('$name: no WCAG 2.2 A/AA violations, no sideways scrolling', async (state) => {
      const portal = await showState(state);

      await expectAccessible(portal);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    });

    it.each(states)('$name: every control is at least 24 by 24 px', async (state) => {
      const portal = await showState(state);

      for (const element of controls(portal.shadowRoot!)) {
        const box = element.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), element.textContent ?? '').toBeGreaterThanOrEqual(24);
      }
    });
  });
}

/** Focuses a control of the host page placed before the portal, as a keyboard user arrives. */
function focusPageBefore(portal: VpPortal): void {
  const before = document.createElement('button');
  before.textContent = 'Page link before the portal';
  portal.before(before);
  before.focus();
  onTestFinished(() => before.remove());
}

describe('<vp-portal> keyboard', () => {
  it('reaches the quick exit first and sign-out next, with a visible focus, and signs out with Enter', async () => {
    storeSession();
    const { portal, api } = await mountPortal(workingApi());
    await waitForScreen(portal, 'Burglary of a home');
    focusPageBefore(portal);

    await userEvent.tab();
    const exit = deepActiveElement() as HTMLElement;
    expect(exit.textContent?.trim()).toBe('Exit this page');
    // GOV.UK's focus style: the yellow highlight, not the browser's thin ring.
    expect(getComputedStyle(exit).backgroundColor).toBe('rgb(255, 221, 0)');

    await userEvent.tab();
    const signOut = deepActiveElement() as HTMLElement;
    expect(signOut.textContent?.trim()).toBe('Sign out');
    expect(getComputedStyle(signOut).backgroundColor).toBe('rgb(255, 221, 0)');

    await userEvent.keyboard('{Enter}');
    await waitForScreen(portal, 'You have signed out');
    expect(api.requestsTo('DELETE /v1/me/session')).toHaveLength(1);
    expect(deepActiveElement()?.textContent).toBe('You have signed out');
  });

  it('reaches each case in a list and opens one with Enter', async () => {
    storeSession();
    const { portal } = await mountPortal(workingApi([bikeTheft, burglary]));
    await waitForScreen(portal, 'Your crime reports');
    focusPageBefore(portal);

    await userEvent.tab(); // the quick exit
    await userEvent.tab(); // sign out
    await userEvent.tab();
    expect(deepActiveElement()?.textContent).toContain('Theft of a pedal cycle');
    await userEvent.keyboard('{Enter}');

    await waitForScreen(portal, 'Theft of a pedal cycle');
    expect(deepActiveElement()?.textContent).toBe('Theft of a pedal cycle');
  });
});

describe('<vp-portal> theming', () => {
  it("takes the page's tokens into nested elements too", async () => {
    storeSession();
    const style = document.createElement('style');
    style.textContent = 'vp-portal { --vp-color-brand: rgb(0, 48, 120); }';
    document.head.append(style);
    try {
      const { portal } = await mountPortal(workingApi());
      await waitForScreen(portal, 'Burglary of a home');

      const status = portal.shadowRoot!.querySelector('vp-case-status')!.shadowRoot!.querySelector('[part="status"]')!;
      expect(getComputedStyle(status).borderLeftColor).toBe('rgb(0, 48, 120)');
    } finally {
      style.remove();
    }
  });
});

describe('the axe check itself', () => {
  it('sees violations inside shadow roots', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
    document.body.append(host);
    try {
      expect((await axeViolations(host)).join()).toContain('button-name');
    } finally {
      host.remove();
    }
  });
});
