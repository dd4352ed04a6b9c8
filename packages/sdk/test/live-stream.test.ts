// Live subscriptions (Server-Sent Events over fetch) against the real service: delivery,
// reconnection after a dropped connection with Last-Event-ID, each event once, and the end of
// a session or token.
import { describe, expect, it, vi } from 'vitest';
import { OfficerClient, VictimClient, problemTypes, type Message } from '../src/index.js';
import { ThreadRecorder } from './support/recorder.js';
import { StreamTap } from './support/stream-tap.js';
import { expireOfficerTokens, newThread, useServer } from './support/world.js';

const server = useServer();

describe('subscribe', () => {
  it("gives the victim the officer's reply and read receipt live", async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const heard = new ThreadRecorder();
    const subscription = thread.victim().subscribe(heard);
    try {
      await heard.reached('open');
      expect(heard.statuses.map((s) => s.status)).toEqual(['connecting', 'open']);

      const question = await thread.victim().sendMessage(caseId, 'Any news?');
      const reply = await thread.officerClient().sendMessage(caseId, 'Yes: a suspect was charged today.');
      await heard.heardMessage(reply.id);
      expect(heard.messages.map((m) => m.id)).toEqual([question.id, reply.id]);
      expect(heard.messages[1]).toEqual(reply);

      await thread.forceClient.markRead(caseId, question.cursor);
      await heard.until((r) => r.reads.length > 0);
      expect(heard.reads).toEqual([{ caseId, read: { officer: question.cursor, victim: null } }]);
      expect(heard.events.map((e) => e.event.type)).toEqual(['message.created', 'message.created', 'message.read']);
      expect(subscription.lastEventId).toBe(heard.events.at(-1)?.id);
    } finally {
      subscription.close();
    }
    expect(heard.statuses.at(-1)).toEqual({ status: 'closed' });
  });

  it("gives the officer the victim's messages and update requests live", async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const heard = new ThreadRecorder();
    const subscription = thread.officerClient().subscribe(heard);
    try {
      await heard.reached('open');
      const message = await thread.victim().sendMessage(caseId, 'The neighbour saw a van.');
      const update = await thread.victim().requestUpdate(caseId);
      await heard.heardMessage(update.id);
      expect(heard.messages).toEqual([message, update]);
    } finally {
      subscription.close();
    }
  });

  it('after a dropped connection, reconnects with Last-Event-ID and gets what it missed, once each', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const tap = new StreamTap();
    const heard = new ThreadRecorder();
    const subscription = thread.victim({ fetch: tap.fetch }).subscribe(heard);
    try {
      await heard.reached('open');
      const before = await thread.victim().sendMessage(caseId, 'Before the tunnel');
      await heard.heardMessage(before.id);
      const lastHeard = subscription.lastEventId;
      expect(lastHeard).toBe(before.cursor);

      tap.holdNextConnection();
      tap.drop();
      await heard.reached('reconnecting');
      const reconnecting = heard.statuses.at(-1)!;
      expect(reconnecting.retryInMs).toBeGreaterThan(0);
      expect(reconnecting.retryInMs).toBeLessThanOrEqual(30_000);
      expect(reconnecting.problem).toMatchObject({ status: 0 });

      // While the victim is in the tunnel:
      const missed = [
        await thread.officerClient().sendMessage(caseId, 'Sent while you were away'),
        await thread.forceClient.sendMessage(caseId, { body: 'And this too' }),
      ];
      tap.release();
      await heard.heardMessage(missed[1]!.id);
      expect(tap.connections.map((c) => c.lastEventId)).toEqual([null, lastHeard]);

      const after = await thread.victim().sendMessage(caseId, 'Out of the tunnel');
      await heard.heardMessage(after.id);
      expect(heard.messages.map((m) => m.id)).toEqual([before.id, ...missed.map((m) => m.id), after.id]);
      expect(heard.statuses.map((s) => s.status)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    } finally {
      subscription.close();
    }
  });

  it('delivers an event replayed twice only once', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const tap = new StreamTap();
    const heard = new ThreadRecorder();
    const subscription = thread.victim({ fetch: tap.fetch }).subscribe(heard);
    try {
      await heard.reached('open');
      const first = await thread.victim().sendMessage(caseId, 'One');
      const second = await thread.officerClient().sendMessage(caseId, 'Two');
      await heard.heardMessage(second.id);

      // The next connection asks for everything after the first message again, so the
      // service replays the second, which the subscription has already delivered.
      tap.replaceLastEventId = first.cursor;
      tap.holdNextConnection();
      tap.drop();
      await heard.reached('reconnecting');
      const third = await thread.officerClient().sendMessage(caseId, 'Three');
      tap.release();
      await heard.heardMessage(third.id);
      expect(heard.messages.map((m) => m.id)).toEqual([first.id, second.id, third.id]);
      expect(heard.events.map((e) => e.id)).toEqual([first.cursor, second.cursor, third.cursor]);
    } finally {
      subscription.close();
    }
  });

  it('a new subscription resumes after an earlier one’s lastEventId', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const earlier = new ThreadRecorder();
    const first = thread.victim().subscribe(earlier);
    await earlier.reached('open');
    const seen = await thread.victim().sendMessage(caseId, 'Seen before the page reloaded');
    await earlier.heardMessage(seen.id);
    first.close();

    const unseen = await thread.officerClient().sendMessage(caseId, 'Sent while the page reloaded');
    const later = new ThreadRecorder();
    const second = thread.victim().subscribe(later, { lastEventId: first.lastEventId });
    try {
      await later.heardMessage(unseen.id);
      expect(later.messages.map((m) => m.id)).toEqual([unseen.id]);
    } finally {
      second.close();
    }
  });

  it('stops for good when the session ends, and says so once', async () => {
    const thread = await newThread(server());
    const tap = new StreamTap();
    const heard = new ThreadRecorder();
    let ended = 0;
    const victim = thread.victim({ fetch: tap.fetch, onSessionEnded: () => (ended += 1) });
    victim.subscribe(heard);
    await heard.reached('open');

    // Signed out in another tab; then the connection drops (or the service ends it).
    await new VictimClient({ baseUrl: server().url, sessionToken: thread.victimToken }).signOut();
    tap.drop();
    await heard.reached('closed');
    expect(heard.statuses.at(-1)?.problem).toMatchObject({ status: 401, type: problemTypes.unauthenticated });
    expect(ended).toBe(1);
    expect(victim.sessionToken).toBeUndefined();
    expect(tap.connections.at(-1)?.status).toBe(401);
  });

  it("gets the officer a new token when the stream's token expires, and carries on", async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const tap = new StreamTap();
    const heard = new ThreadRecorder();
    const officer = thread.officerClient({ fetch: tap.fetch });
    const subscription = officer.subscribe(heard);
    try {
      await heard.reached('open');
      expect(officer.tokensMinted).toHaveLength(1);

      await expireOfficerTokens(server(), thread.force.forceId);
      tap.drop();
      await tap.connected(3);
      await heard.reached('open');
      expect(tap.connections.map((c) => c.status)).toEqual([200, 401, 200]);
      expect(officer.tokensMinted).toHaveLength(2);
      expect(tap.connections.map((c) => c.authorization)).toEqual([
        `Bearer ${officer.tokensMinted[0]}`,
        `Bearer ${officer.tokensMinted[0]}`,
        `Bearer ${officer.tokensMinted[1]}`,
      ]);

      const message = await thread.victim().sendMessage(caseId, 'Still there?');
      await heard.heardMessage(message.id);
      // The methods use the renewed token too, without asking for another.
      expect((await officer.listCases()).items).toHaveLength(1);
      expect(officer.tokensMinted).toHaveLength(2);
    } finally {
      subscription.close();
    }
  });

  it('stops for good on a refusal that another try would not change', async () => {
    const thread = await newThread(server());
    const heard = new ThreadRecorder();
    thread.victim().subscribe(heard, { lastEventId: 'not-a-cursor' });
    await heard.reached('closed');
    expect(heard.statuses.map((s) => s.status)).toEqual(['connecting', 'closed']);
    expect(heard.statuses.at(-1)?.problem).toMatchObject({ status: 400, type: problemTypes.invalidRequest });
  });

  it("stops the officer's stream when the new token is refused too", async () => {
    const tap = new StreamTap();
    const heard = new ThreadRecorder();
    let asked = 0;
    const officer = new OfficerClient({ baseUrl: server().url, fetch: tap.fetch, getToken: () => Promise.resolve(`vpo_${'refused'.repeat(6)}${(asked += 1)}`) });
    officer.subscribe(heard);
    await heard.reached('closed');
    expect(tap.connections.map((c) => c.status)).toEqual([401, 401]);
    expect(asked).toBe(2);
    expect(heard.statuses.at(-1)?.problem).toMatchObject({ status: 401, type: problemTypes.unauthenticated });
  });

  it('keeps going when a listener throws', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const heard = new ThreadRecorder();
      const clumsy = Object.assign(heard, {
        onMessage(message: Message) {
          ThreadRecorder.prototype.onMessage.call(heard, message);
          throw new Error('a bug in the page');
        },
      });
      const subscription = thread.victim().subscribe(clumsy);
      await heard.reached('open');
      const first = await thread.victim().sendMessage(caseId, 'One');
      const second = await thread.officerClient().sendMessage(caseId, 'Two');
      await heard.heardMessage(second.id);
      expect(heard.messages.map((m) => m.id)).toEqual([first.id, second.id]);
      expect(heard.events).toHaveLength(2);
      expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'a bug in the page' }));
      subscription.close();
    } finally {
      reported.mockRestore();
    }
  });
});
