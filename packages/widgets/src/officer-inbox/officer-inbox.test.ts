import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { problem } from '../../test/fake-api.js';
import { bikeTheft, burglary } from '../../test/fixtures.js';
import { announced, part, shownMessages } from '../../test/messages-harness.js';
import { caseButtons, mountInbox } from '../../test/officer-harness.js';
import { deepActiveElement } from '../../test/portal-harness.js';
import { shownText } from '../../test/render.js';
import './officer-inbox.js';

const victim = { type: 'victim' as const };
const text = (element: Element) => shownText(element);

describe('<vp-officer-inbox>', () => {
  it("lists the officer's cases with unread messages and update requests in words, as buttons", async () => {
    const { inbox } = await mountInbox();

    const [first, second] = caseButtons(inbox).map(text);
    expect(first).toBe('KN/24/0012345 · Alex Morgan Burglary of a home · Officer in charge 2 unread 1 update request Last message 12 March 2025 at 18:45');
    expect(second).toBe('KN/25/0000042 · Chris Lee Theft of a pedal cycle · Covering No messages yet');
    expect(inbox.shadowRoot!.querySelectorAll('[part="badge"]')).toHaveLength(2);
  });

  it('opens a thread: the victim by name, the update request apart, marked read, then no unread', async () => {
    const { inbox, api } = await mountInbox();

    await userEvent.click(caseButtons(inbox)[0]!);
    await expect.poll(() => shownMessages(inbox)).toHaveLength(4);

    expect(part(inbox, '[part="heading"]').textContent).toBe('KN/24/0012345 · Alex Morgan');
    expect(deepActiveElement()).toBe(part(inbox, '[part="heading"]'));
    const shown = shownMessages(inbox);
    expect(shown[0]).toMatch(/^Alex Morgan .* Hello, is there any news\?/);
    expect(shown[1]).toMatch(/^You .* Thank you\./);
    expect(shown[2]).toContain('The case is now with DS Jo Rees.');
    expect(shown[3]).toMatch(/^Alex Morgan .* Asked for an update$/);
    await expect.poll(() => api.requestsTo(`POST /v1/officer/cases/${burglary.id}/messages/read`).map((request) => request.body)).toEqual([{ upTo: '104' }]);

    await userEvent.click(part(inbox, '[part="back-button"]'));
    await expect.poll(() => text(caseButtons(inbox)[0]!)).not.toContain('unread');
  });

  it('replies at once as "Sending…", then "Sent", with the token from getToken', async () => {
    const { inbox, api, tokensGiven } = await mountInbox();
    await userEvent.click(caseButtons(inbox)[0]!);
    await expect.poll(() => inbox.shadowRoot!.querySelector('textarea')).not.toBeNull();

    expect(text(part(inbox, 'label[for="message-body"]'))).toBe('Reply to Alex Morgan');
    await userEvent.fill(part(inbox, 'textarea'), 'I will call you tomorrow.');
    await userEvent.click(part(inbox, '[part="send-button"]'));

    await expect.poll(() => shownMessages(inbox).at(-1)).toMatch(/^You .* I will call you tomorrow\. Sent$/);
    const [reply] = api.requestsTo(`POST /v1/officer/cases/${burglary.id}/messages`);
    expect(reply!.authorization).toBe(`Bearer ${tokensGiven.at(-1)}`);
    expect(part<HTMLTextAreaElement>(inbox, 'textarea').value).toBe('');
  });

  it('marks a failed reply "Not sent" and "Try again" sends the same id', async () => {
    const { inbox, api } = await mountInbox();
    const route = `POST /v1/officer/cases/${burglary.id}/messages`;
    api.on(route, problem(422, 'unprocessable'));
    await userEvent.click(caseButtons(inbox)[0]!);
    await expect.poll(() => inbox.shadowRoot!.querySelector('textarea')).not.toBeNull();
    await userEvent.fill(part(inbox, 'textarea'), 'Reply');
    await userEvent.click(part(inbox, '[part="send-button"]'));
    await expect.poll(() => shownMessages(inbox).at(-1)).toContain('Not sent');

    await userEvent.click(part(inbox, '[part="retry-button"]'));
    await expect.poll(() => api.requestsTo(route)).toHaveLength(2);

    const [first, second] = api.requestsTo(route).map((request) => request.body);
    expect(second).toEqual(first);
  });

  it('counts a new message on another case live, and shows one on the open case with an announcement', async () => {
    const { inbox, threads, stream } = await mountInbox();
    await expect.poll(() => stream.connected).toBe(true);
    await userEvent.click(caseButtons(inbox)[0]!);
    await expect.poll(() => shownMessages(inbox)).toHaveLength(4);

    // The inbox has one stream for every case.
    const elsewhere = threads.bikeTheft.add({ id: crypto.randomUUID(), kind: 'update_request', author: victim, body: null }, false);
    stream.send({ type: 'message.created', caseId: bikeTheft.id, message: elsewhere }, elsewhere.cursor);
    const here = threads.burglary.add({ id: crypto.randomUUID(), kind: 'text', author: victim, body: 'Are you there?' }, false);
    stream.send({ type: 'message.created', caseId: burglary.id, message: here }, here.cursor);

    await expect.poll(() => shownMessages(inbox).at(-1)).toMatch(/^Alex Morgan .* Are you there\?$/);
    expect(announced(inbox)).toBe('New message from Alex Morgan');
    expect(inbox.inbox!.caseOf(bikeTheft.id)).toMatchObject({ unreadCount: 1, pendingUpdateRequests: 1 });
  });

  it('marks nothing read on a case the officer has gone back from', async () => {
    const { inbox, api, threads, stream } = await mountInbox();
    await expect.poll(() => stream.connected).toBe(true);
    await userEvent.click(caseButtons(inbox)[0]!);
    await expect.poll(() => api.requestsTo(`POST /v1/officer/cases/${burglary.id}/messages/read`)).toHaveLength(1);
    await userEvent.click(part(inbox, '[part="back-button"]'));
    await expect.poll(() => caseButtons(inbox)).toHaveLength(2);

    const later = threads.burglary.add({ id: crypto.randomUUID(), kind: 'text', author: victim, body: 'Hello?' }, false);
    stream.send({ type: 'message.created', caseId: burglary.id, message: later }, later.cursor);

    await expect.poll(() => inbox.inbox!.caseOf(burglary.id)?.unreadCount).toBe(1);
    expect(api.requestsTo(`POST /v1/officer/cases/${burglary.id}/messages/read`)).toHaveLength(1);
  });

  it('calls getToken again when the service refuses the token it holds', async () => {
    const { inbox, tokensGiven, api, expireTokens } = await mountInbox();
    expect(tokensGiven).toEqual(['vpo_token_1']);
    await userEvent.click(caseButtons(inbox)[0]!);
    await expect.poll(() => shownMessages(inbox)).toHaveLength(4);
    expireTokens();

    // Back to the list, which the inbox reloads: refused with the old token, then asked again with a new one.
    await userEvent.click(part(inbox, '[part="back-button"]'));

    await expect.poll(() => tokensGiven).toEqual(['vpo_token_1', 'vpo_token_2']);
    const auths = api.requestsTo('GET /v1/officer/cases').map((request) => request.authorization);
    expect(auths.slice(-2)).toEqual(['Bearer vpo_token_1', 'Bearer vpo_token_2']);
    await expect.poll(() => caseButtons(inbox)).toHaveLength(2);
  });

  it('goes back to the list with Escape, with focus on the case it left', async () => {
    const { inbox } = await mountInbox();
    caseButtons(inbox)[1]!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => inbox.shadowRoot!.querySelector('[part="back-button"]')).not.toBeNull();

    await userEvent.keyboard('{Escape}');

    await expect.poll(() => caseButtons(inbox)).toHaveLength(2);
    await expect.poll(() => deepActiveElement()?.getAttribute('data-case-id')).toBe(bikeTheft.id);
  });
});
