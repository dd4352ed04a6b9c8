import { describe, expect, it } from 'vitest';
import { burglary } from '../../test/fixtures.js';
import { announced, mountMessages, part, shownMessages } from '../../test/messages-harness.js';
import './messages.js';

const officer = { type: 'officer' as const, officer: burglary.officerInCharge! };
const messagesRoute = `GET /v1/me/cases/${burglary.id}/messages`;

describe('<vp-messages> live', () => {
  it('shows a message from the officer as it arrives, announces only that one, and marks it read', async () => {
    const { element, api, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);
    await expect.poll(() => api.requestsTo(`POST /v1/me/cases/${burglary.id}/messages/read`)).toHaveLength(1);

    const arrived = thread.add({ id: crypto.randomUUID(), kind: 'text', author: officer, body: 'I will be there at 10.' });

    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/^DC Sam Patel .* I will be there at 10\.$/);
    expect(announced(element)).toBe('New message from DC Sam Patel');
    // The log does not read itself out: only the live region speaks.
    expect(part(element, '[role="log"]').getAttribute('aria-live')).toBe('off');
    expect(part(element, '[data-live]').getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => api.requestsTo(`POST /v1/me/cases/${burglary.id}/messages/read`).at(-1)?.body).toEqual({ upTo: arrived.cursor });
  });

  it('announces a second message from the officer too, as a new line in the live region', async () => {
    const { element, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);
    thread.add({ id: crypto.randomUUID(), kind: 'text', author: officer, body: 'One' });
    await expect.poll(() => shownMessages(element).at(-1)).toContain('One');
    const first = part(element, '[data-live] span');

    thread.add({ id: crypto.randomUUID(), kind: 'text', author: officer, body: 'Two' });

    await expect.poll(() => shownMessages(element).at(-1)).toContain('Two');
    const second = part(element, '[data-live] span');
    expect(second.textContent).toBe('New message from DC Sam Patel');
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
  });

  it('ignores a message on another of the victim\'s cases', async () => {
    const { element, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);

    const other = { id: crypto.randomUUID(), cursor: '900', caseId: crypto.randomUUID(), kind: 'text' as const, author: officer, body: 'Other case', sentAt: new Date().toISOString(), readAt: null };
    thread.stream.send({ type: 'message.created', caseId: other.caseId, message: other }, other.cursor);
    const marker = thread.add({ id: crypto.randomUUID(), kind: 'text', author: officer, body: 'This case' });

    await expect.poll(() => shownMessages(element).at(-1)).toContain(marker.body!);
    expect(shownMessages(element).join(' ')).not.toContain('Other case');
  });

  it('shows "Read" on the victim\'s message when the officer reads it', async () => {
    const { element, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);
    expect(shownMessages(element)[3]).toMatch(/Sent$/);

    thread.stream.send({ type: 'message.read', caseId: burglary.id, read: { victim: '102', officer: '104' } }, '105');

    await expect.poll(() => shownMessages(element)[3]).toMatch(/Read$/);
  });

  it('says "Reconnecting…" quietly when the stream drops, then fetches what it missed after the last message shown', async () => {
    const { element, api, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);
    const first = thread.add({ id: crypto.randomUUID(), kind: 'text', author: officer, body: 'First' });
    await expect.poll(() => shownMessages(element).at(-1)).toContain('First');

    thread.stream.hold();
    thread.stream.drop();
    await expect.poll(() => part(element, '[part="connection"]').textContent?.trim()).toBe('Reconnecting…');
    expect(part(element, '[part="connection"]').getAttribute('role')).toBe('status');
    // Written while the stream was down: the service would replay it, and the thread also asks.
    thread.add({ id: crypto.randomUUID(), kind: 'text', author: officer, body: 'Missed while away' }, false);
    const listsBefore = api.requestsTo(messagesRoute).length;
    thread.stream.release();

    await expect.poll(() => shownMessages(element).at(-1)).toContain('Missed while away');
    expect(part(element, '[part="connection"]').textContent?.trim()).toBe('');
    expect(thread.stream.connections.at(-1)?.lastEventId).toBe(first.cursor);
    const resync = api.requestsTo(messagesRoute).slice(listsBefore);
    expect(resync.map((request) => new URL(request.url).searchParams.get('after'))).toContain(first.cursor);
    expect(shownMessages(element).filter((text) => text.includes('First'))).toHaveLength(1);
  });

  it('keeps the draft through a dropped connection', async () => {
    const { element, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);
    const box = part<HTMLTextAreaElement>(element, 'textarea');
    box.value = 'Half-written';
    box.dispatchEvent(new Event('input'));

    thread.stream.drop();
    await expect.poll(() => thread.stream.connections.length).toBe(2);

    expect(part<HTMLTextAreaElement>(element, 'textarea').value).toBe('Half-written');
    // eslint-disable-next-line no-restricted-globals -- proving nothing was written there
    expect(localStorage.length).toBe(0);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('Half-written');
  });

  it('closes the stream when removed from the page', async () => {
    const { element, thread } = await mountMessages();
    await expect.poll(() => thread.stream.connected).toBe(true);

    element.remove();

    await expect.poll(() => thread.stream.connected).toBe(false);
    expect(thread.stream.connections).toHaveLength(1);
  });
});
