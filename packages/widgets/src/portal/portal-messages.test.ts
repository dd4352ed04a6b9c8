import { describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import { burglary, burglaryThread, session } from '../../test/fixtures.js';
import { problem } from '../../test/fake-api.js';
import { FakeThread } from '../../test/fake-thread.js';
import { control, deepActiveElement, mountPortal, openSection, signInWithInvite, openInviteLink, waitForScreen, workingApi } from '../../test/portal-harness.js';
import { shownText } from '../../test/render.js';
import type { VpMessages } from '../messages/messages.js';
import './portal.js';

describe('<vp-portal> with messages', () => {
  it("shows the case's messages in their section, through the portal's session", async () => {
    const api = workingApi([burglary]);
    new FakeThread(burglary.id, burglaryThread, burglary.officerInCharge).install(api, 'victim');
    openInviteLink();
    const { portal } = await mountPortal(api);
    await signInWithInvite(portal);
    expect(portal.shadowRoot!.querySelector('vp-messages')).toBeNull();

    await openSection(portal, 'Messages');

    const messages = portal.shadowRoot!.querySelector<VpMessages>('vp-messages')!;
    expect(messages.parentElement?.getAttribute('part')).toBe('section');
    expect(messages.getAttribute('case-id')).toBe(burglary.id);
    await expect.poll(() => shownText(messages)).toContain('Hello, is there any news?');
    const [list] = api.requestsTo(`GET /v1/me/cases/${burglary.id}/messages`);
    expect(list!.authorization).toBe(`Bearer ${session.sessionToken}`);
  });

  it('forgets the thread and the draft when the victim signs out', async () => {
    sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
    const { portal } = await mountPortal(workingApi([burglary]));
    await waitForScreen(portal, burglary.crimeType);
    await openSection(portal, 'Messages');
    const messages = portal.shadowRoot!.querySelector<VpMessages>('vp-messages')!;
    await expect.poll(() => messages.thread?.state).toBe('ready');
    messages.thread!.draft = 'Something private';

    await portal.signOut();
    await waitForScreen(portal, 'You have signed out');

    expect(portal.shadowRoot!.querySelector('vp-messages')).toBeNull();
    expect(shownText(portal)).not.toContain('Something private');
    // eslint-disable-next-line no-restricted-globals -- proving nothing was written there
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain('Something private');
  });

  it('signs out when the service says the session is over while the thread loads', async () => {
    sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
    const api = workingApi([burglary]).on(`GET /v1/me/cases/${burglary.id}/messages`, problem(401, 'unauthenticated'));
    const { portal } = await mountPortal(api);
    await waitForScreen(portal, burglary.crimeType);

    await userEvent.click(control(portal, 'Messages'));

    await waitForScreen(portal, 'You have been signed out');
    expect(sessionStorage.getItem('vp-session')).toBeNull();
  });

  it('reaches the message box by keyboard: the Messages section, then Enter, then Tab', async () => {
    sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
    const { portal } = await mountPortal(workingApi([burglary]));
    await waitForScreen(portal, burglary.crimeType);
    const before = document.createElement('button');
    before.textContent = 'Page link before the portal';
    portal.before(before);
    before.focus();
    onTestFinished(() => before.remove());

    await userEvent.tab(); // the quick exit
    await userEvent.tab(); // sign out
    await userEvent.tab(); // Status
    await userEvent.tab(); // Timeline
    await userEvent.tab();
    expect(deepActiveElement()?.textContent?.trim()).toBe('Messages');
    await userEvent.keyboard('{Enter}');
    const messages = () => portal.shadowRoot!.querySelector<VpMessages>('vp-messages');
    await expect.poll(() => messages()?.shadowRoot!.querySelector('textarea')).toBeTruthy();
    expect(deepActiveElement()?.getAttribute('part')).toBe('section');

    await userEvent.tab();
    expect(deepActiveElement()?.id).toBe('message-body');
  });
});
