import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FakeApi, problem } from '../../test/fake-api.js';
import { apiBase } from '../../test/portal-harness.js';
import { mount } from '../../test/render.js';
import { SessionStore } from '../shared/session-store.js';
import { burglary, burglaryThread, officerAwayWithCover, session } from '../../test/fixtures.js';
import { announced, burglaryFakeThread, mountMessages, part, shownMessages } from '../../test/messages-harness.js';
import { shownText } from '../../test/render.js';
import type { VpMessageSentEvent } from '../events/message-sent-event.js';
import type { VpUpdateRequestedEvent } from '../events/update-requested-event.js';
import './messages.js';

const route = (path: string) => `/v1/me/cases/${burglary.id}${path}`;

describe('<vp-messages>', () => {
  it('shows the thread oldest first: own messages, the officer, notices and update requests, each looking different', async () => {
    const { element } = await mountMessages();

    const shown = shownMessages(element);
    expect(shown).toHaveLength(4);
    expect(shown[0]).toMatch(/^You 4 March 2025 at 09:30 Hello, is there any news\? I found a glove in the garden\. Read$/);
    expect(shown[1]).toMatch(/^DC Sam Patel 4 March 2025 at 10:05 Thank you\./);
    expect(shown[2]).toContain('Your case is now with DS Jo Rees.');
    expect(shown[3]).toContain('You asked for an update');
    expect(shown[3]).toMatch(/Sent$/);
    const parts = [...element.shadowRoot!.querySelectorAll('[role="log"] li')].map((item) => item.getAttribute('part'));
    expect(parts).toEqual(['message own', 'message theirs', 'message notice', 'message own']);
    expect(part(element, 'time').getAttribute('datetime')).toBe(burglaryThread[0]!.sentAt);
  });

  it('speaks Welsh on a Welsh page: the words, the notice from its code, and the dates', async () => {
    document.documentElement.lang = 'cy';
    const { element } = await mountMessages();

    await expect.poll(() => shownText(element)).toContain('Negeseuon am eich achos');
    const text = shownText(element);
    expect(text).toContain('Peidiwch â defnyddio negeseuon mewn argyfwng. Ffoniwch 999.');
    expect(text).toContain('Mae eich achos gyda DS Jo Rees nawr.');
    expect(shownMessages(element)[0]).toMatch(/^Chi 4 Mawrth 2025 am 09:30 /);
  });

  it('keeps line breaks in a message as written, as text', async () => {
    const { element } = await mountMessages();

    const body = part(element, '.body');
    expect(body.textContent).toBe('Hello, is there any news?\nI found a glove in the garden.');
    expect(getComputedStyle(body).whiteSpace).toBe('pre-wrap');
  });

  it('always says the thread is not for emergencies, and who the messages go to', async () => {
    const { element } = await mountMessages();

    const text = shownText(element);
    expect(text).toContain('Do not use messages in an emergency. Call 999.');
    expect(text).toContain('call 101');
    expect(text).toContain('Your messages go to DC Sam Patel');
    // Above the composer.
    const emergency = part(element, '[part="emergency"]');
    expect(emergency.compareDocumentPosition(part(element, 'form')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // A block of its own, not run into the composer's label.
    expect(part(element, 'form').getBoundingClientRect().top - emergency.getBoundingClientRect().bottom).toBeGreaterThanOrEqual(16);
  });

  it('says when the officer is back and who is covering, or that nobody is', async () => {
    const covered = await mountMessages(burglaryFakeThread(burglaryThread, officerAwayWithCover));
    expect(shownText(covered.element)).toContain('DS Jo Rees is away until 24 March 2025.');
    expect(shownText(covered.element)).toContain('DC Amir Khan is covering and will read your messages.');
    covered.element.remove();

    const alone = await mountMessages(burglaryFakeThread(burglaryThread, { ...officerAwayWithCover, absence: { ...officerAwayWithCover.absence!, coveredBy: null } }));
    expect(shownText(alone.element)).toContain('Nobody is covering while they are away. They will read your messages when they are back.');
  });

  it("names the case's officer from the page when the thread does not say who the messages go to", async () => {
    new SessionStore().write({ token: session.sessionToken, expiresAt: session.expiresAt });
    const api = new FakeApi().on(`GET ${route('/messages')}`, { status: 200, body: { items: [], nextCursor: null, read: { victim: null, officer: null } } });
    const element = await mount('vp-messages', { fetch: api.fetch, officer: burglary.officerInCharge }, { 'api-base': apiBase, 'case-id': burglary.id });

    await expect.poll(() => shownText(element)).toContain('Your messages go to DC Sam Patel');
  });

  it('asks the service nothing for a case-id that is not a case id, and tells the page why in the console', async () => {
    new SessionStore().write({ token: session.sessionToken, expiresAt: session.expiresAt });
    const api = new FakeApi();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const element = await mount('vp-messages', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': '../../v1/cases' });
      await element.updateComplete;
      expect(api.requests).toEqual([]);
      expect(warnings.join('\n')).toContain('case-id "../../v1/cases" is not a case id');
      expect(shownText(element)).not.toContain('Check your internet connection');
    } finally {
      console.warn = warn;
    }
  });

  it('says there is nothing to show, not that the connection failed, for a case the service does not give this victim', async () => {
    new SessionStore().write({ token: session.sessionToken, expiresAt: session.expiresAt });
    const api = new FakeApi().on(`GET ${route('/messages')}`, problem(404, 'not-found'));
    const element = await mount('vp-messages', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': burglary.id });

    await expect.poll(() => shownText(element)).toContain('There are no messages to show for this case. If you think this is wrong, call 101.');
    expect(shownText(element)).not.toContain('Check your internet connection');
    expect(shownText(element)).toContain('999');
  });

  it('shows a message at once as "Sending…", then "Sent", and lets go of the draft only then', async () => {
    const { element, api, thread } = await mountMessages();
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const install = api.requestsTo.bind(api);
    api.on(`POST ${route('/messages')}`, async (request) => {
      await held;
      const body = request.body as { id: string; body: string };
      const stored = thread.add({ id: body.id, kind: 'text', author: { type: 'victim' }, body: body.body }, false);
      return { status: 201, body: stored };
    });
    const sent: VpMessageSentEvent[] = [];
    document.addEventListener('vp-message-sent', (event) => sent.push(event), { once: true });

    await userEvent.fill(part(element, 'textarea'), 'Is Friday still on?');
    await userEvent.click(part(element, '[part="send-button"]'));

    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/Is Friday still on\? Sending…$/);
    expect(part<HTMLTextAreaElement>(element, 'textarea').value).toBe('Is Friday still on?');
    answer();
    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/Is Friday still on\? Sent$/);
    expect(part<HTMLTextAreaElement>(element, 'textarea').value).toBe('');
    expect(announced(element)).toBe('Your message was sent');
    const [request] = install(`POST ${route('/messages')}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ caseId: burglary.id, messageId: (request!.body as { id: string }).id });
    expect(Object.values(sent[0]!)).not.toContain('Is Friday still on?');
  });

  it('marks a failed send "Not sent", keeps the draft, and "Try again" sends the same id once', async () => {
    const { element, api, thread } = await mountMessages();
    let fail = true;
    api.on(`POST ${route('/messages')}`, (request) => {
      if (fail) return problem(500, 'internal');
      const body = request.body as { id: string; body: string };
      return { status: 201, body: thread.add({ id: body.id, kind: 'text', author: { type: 'victim' }, body: body.body }, false) };
    });

    await userEvent.fill(part(element, 'textarea'), 'Please call me after 5pm.');
    await userEvent.click(part(element, '[part="send-button"]'));

    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/Not sent\. Check your internet connection\. Try again$/);
    expect(announced(element)).toBe('Your message was not sent');
    expect(part<HTMLTextAreaElement>(element, 'textarea').value).toBe('Please call me after 5pm.');

    fail = false;
    await userEvent.click(part(element, '[part="retry-button"]'));
    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/Please call me after 5pm\. Sent$/);

    // The SDK itself retries a 500 a couple of times before the send is "Not sent": every try,
    // and the victim's "Try again", carry the one id.
    const ids = api.requestsTo(`POST ${route('/messages')}`).map((request) => (request.body as { id: string }).id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(1);
    expect(shownMessages(element).filter((text) => text.includes('Please call me after 5pm.'))).toHaveLength(1);
    expect(part<HTMLTextAreaElement>(element, 'textarea').value).toBe('');
  });

  it('sends a draft that failed again with its first id when Send is pressed again', async () => {
    const { element, api } = await mountMessages();
    api.on(`POST ${route('/messages')}`, problem(500, 'internal'));

    await userEvent.fill(part(element, 'textarea'), 'Hello again');
    await userEvent.click(part(element, '[part="send-button"]'));
    await expect.poll(() => shownMessages(element).at(-1)).toContain('Not sent');
    const triesBefore = api.requestsTo(`POST ${route('/messages')}`).length;
    await userEvent.click(part(element, '[part="send-button"]'));
    await expect.poll(() => shownMessages(element).at(-1)).toContain('Sending…');
    await expect.poll(() => shownMessages(element).at(-1)).toContain('Not sent');

    const bodies = api.requestsTo(`POST ${route('/messages')}`).map((request) => JSON.stringify(request.body));
    expect(bodies.length).toBeGreaterThan(triesBefore);
    expect(new Set(bodies).size).toBe(1);
    expect(shownMessages(element).filter((text) => text.includes('Hello again'))).toHaveLength(1);
  });

  it('refuses an empty message and one over 2000 characters, saying why', async () => {
    const { element, api } = await mountMessages();

    await userEvent.click(part(element, '[part="send-button"]'));
    expect(shownText(part(element, 'form'))).toContain('Error: Enter a message');
    expect(part(element, 'textarea').getAttribute('aria-invalid')).toBe('true');

    await userEvent.fill(part(element, 'textarea'), 'x'.repeat(2003));
    expect(shownText(part(element, 'form'))).toContain('You have 3 characters too many');
    await userEvent.click(part(element, '[part="send-button"]'));
    expect(shownText(part(element, 'form'))).toContain('Your message must be 2000 characters or fewer');
    expect(api.requestsTo(`POST ${route('/messages')}`)).toEqual([]);
  });

  it('asks for an update as its own request, with the optional note', async () => {
    const { element, api } = await mountMessages();
    const requested: VpUpdateRequestedEvent[] = [];
    document.addEventListener('vp-update-requested', (event) => requested.push(event), { once: true });

    await userEvent.fill(part(element, '#update-note'), 'Has anyone been arrested?');
    await userEvent.click(part(element, '[part="update-button"]'));

    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/You asked for an update Has anyone been arrested\? Sent$/);
    const [request] = api.requestsTo(`POST ${route('/update-requests')}`);
    expect(request!.body).toEqual({ id: expect.any(String), note: 'Has anyone been arrested?' });
    // The stored request can come back on the live stream before the POST's own answer, and
    // the event is for the answer: wait for it rather than for the words on screen.
    await expect.poll(() => requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({ caseId: burglary.id, messageId: (request!.body as { id: string }).id });
    expect(announced(element)).toBe('You asked for an update');
    expect(part<HTMLInputElement>(element, '#update-note').value).toBe('');
  });

  it('asks for an update without a note', async () => {
    const { element, api } = await mountMessages();

    await userEvent.click(part(element, '[part="update-button"]'));

    await expect.poll(() => api.requestsTo(`POST ${route('/update-requests')}`)).toHaveLength(1);
    expect(api.requestsTo(`POST ${route('/update-requests')}`)[0]!.body).toEqual({ id: expect.any(String) });
  });

  it('sends with the session token from this tab', async () => {
    const { api } = await mountMessages();

    expect(api.requestsTo(`GET ${route('/messages')}`)[0]!.authorization).toBe(`Bearer ${session.sessionToken}`);
  });

  it('marks the officer\'s messages read when the thread is shown', async () => {
    const { api } = await mountMessages();

    await expect.poll(() => api.requestsTo(`POST ${route('/messages/read')}`).map((request) => request.body)).toEqual([{ upTo: '102' }]);
  });
});
