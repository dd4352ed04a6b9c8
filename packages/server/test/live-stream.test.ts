import { describe, expect, it } from 'vitest';
import { contractValidator } from '../src/app.js';
import { createTestOfficer, createTestOfficerToken } from '../src/testing.js';
import { startServer } from '../src/server.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { liveCase, officerSays, readUpTo, victimAsksForUpdate, victimSays, type LiveCase } from './support/live-thread.js';
import { openSse, type SseConnection, type SseEvent } from './support/sse-client.js';

const victimStream = (h: { url: string }, c: LiveCase, lastEventId?: string) => openSse(`${h.url}/v1/me/stream`, c.victimToken, lastEventId);
const officerStream = (h: { url: string }, token: string, lastEventId?: string) => openSse(`${h.url}/v1/officer/stream`, token, lastEventId);

function expectValidEvents(events: SseEvent[]): void {
  for (const event of events) {
    expect(contractValidator().validateSchema('StreamEvent', event.data)).toEqual([]);
    expect(event.event).toBe(event.data.type);
  }
}

/** Something that must arrive after the events a test says must not: a marker on another case. */
async function afterEverythingBefore(h: Harness, c: LiveCase, stream: SseConnection, already: number): Promise<SseEvent> {
  const marker = await officerSays(h.url, c, 'marker');
  const events = await stream.waitForEvents(already + 1);
  const last = events[already]!;
  expect(last.data.message?.id).toBe(marker.id);
  return last;
}

describe('live event streams', () => {
  it('sends the victim each new message and read receipt of their case, as it commits', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const stream = await victimStream(h, c);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.headers.get('cache-control')).toContain('no-store');
      const reply = await officerSays(h.url, c, 'We have charged someone.');
      const [created] = await stream.waitForEvents(1);
      expect(stream.retry).toBe(3000);
      expect(created).toMatchObject({ id: reply.cursor, event: 'message.created', data: { type: 'message.created', caseId: c.caseId, message: reply } });
      const mine = await victimSays(h.url, c, 'Thank you');
      await readUpTo(h.url, c, 'officer', mine.cursor);
      const events = await stream.waitForEvents(3);
      expect(events.map((e) => e.event)).toEqual(['message.created', 'message.created', 'message.read']);
      expect(events[2]?.data.read).toEqual({ victim: null, officer: mine.cursor });
      expect(events.map((e) => BigInt(e.id!))).toEqual([...events.map((e) => BigInt(e.id!))].sort((a, b) => (a < b ? -1 : 1)));
      expectValidEvents(events);
      const audit = await h.db('audit_log').where({ force_id: c.force.forceId, action: 'stream.opened' }).select('actor_type', 'reason');
      expect(audit).toEqual([{ actor_type: 'victim', reason: 'opened the live event stream' }]);
    } finally {
      stream.close();
    }
  });

  it('never sends a victim another victim’s events', async () => {
    const h = await harness();
    const mine = await liveCase(h);
    const theirs = await liveCase(h, { force: mine.force });
    const stream = await victimStream(h, mine);
    try {
      await officerSays(h.url, theirs, 'For the other victim');
      await victimSays(h.url, theirs, 'Other victim writes');
      await afterEverythingBefore(h, mine, stream, 0);
      expect(stream.events.every((e) => e.data.caseId === mine.caseId)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('sends an officer the events of their own cases only, update requests as message.created', async () => {
    const h = await harness();
    const own = await liveCase(h);
    const colleague = await liveCase(h, { force: own.force });
    const stream = await officerStream(h, own.officerToken);
    try {
      await victimSays(h.url, colleague, 'To the other officer');
      const request = await victimAsksForUpdate(h.url, own);
      const [first] = await stream.waitForEvents(1);
      expect(first).toMatchObject({ id: request.cursor, event: 'message.created', data: { caseId: own.caseId, message: { kind: 'update_request' } } });
      await afterEverythingBefore(h, own, stream, 1);
      expect(stream.events.every((e) => e.data.caseId === own.caseId)).toBe(true);
      const audit = await h.db('audit_log').where({ force_id: own.force.forceId, action: 'stream.opened' }).pluck('actor_type');
      expect(audit).toEqual(['officer']);
    } finally {
      stream.close();
    }
  });

  it('resumes after Last-Event-ID with exactly the events missed, in order, then goes live without repeats', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const first = await victimStream(h, c);
    await officerSays(h.url, c, 'One');
    const [seen] = await first.waitForEvents(1);
    first.close();
    await first.ended;
    // While disconnected.
    const missed = [await officerSays(h.url, c, 'Two'), await victimSays(h.url, c, 'Three')];
    await readUpTo(h.url, c, 'officer', missed[1]!.cursor);
    const missedRead = (await h.db('read_receipts').where({ case_id: c.caseId }).max<{ max: string }[]>('seq as max'))[0]!.max;
    const again = await victimStream(h, c, seen!.id);
    try {
      const replayed = await again.waitForEvents(3);
      expect(replayed.map((e) => e.id)).toEqual([missed[0]!.cursor, missed[1]!.cursor, String(missedRead)]);
      expect(replayed.map((e) => e.data.message?.body ?? 'read')).toEqual(['Two', 'Three', 'read']);
      const live = await officerSays(h.url, c, 'Four');
      const events = await again.waitForEvents(4);
      expect(events[3]?.id).toBe(live.cursor);
      await afterEverythingBefore(h, c, again, 4);
      expect(new Set(again.events.map((e) => e.id)).size).toBe(again.events.length);
      expectValidEvents(again.events);
      const reasons = await h.db('audit_log').where({ force_id: c.force.forceId, action: 'stream.opened' }).orderBy('id').pluck('reason');
      expect(reasons[1]).toBe(`opened the live event stream, resuming after event ${seen!.id}`);
    } finally {
      again.close();
    }
  });

  it('replays only the cases the caller may see now', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const other = await liveCase(h, { force: c.force });
    const start = await officerSays(h.url, c, 'Start');
    await officerSays(h.url, other, 'Someone else’s');
    const mine = await officerSays(h.url, c, 'Mine');
    const resumed = await victimStream(h, c, start.cursor);
    try {
      await afterEverythingBefore(h, c, resumed, 1);
      expect(resumed.events[0]?.id).toBe(mine.cursor);
    } finally {
      resumed.close();
    }
  });

  it('ends when the victim signs out, without sending what came after', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const stream = await victimStream(h, c);
    const out = await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: c.victimToken });
    expect(out.status).toBe(204);
    await officerSays(h.url, c, 'After sign-out');
    await stream.ended;
    expect(stream.events).toEqual([]);
    expect((await victimStream(h, c)).status).toBe(401);
  });

  it('ends an officer’s stream when the key that minted their token is revoked', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const stream = await officerStream(h, c.officerToken);
    await h.db('api_keys').where({ force_id: c.force.forceId }).update({ revoked_at: h.db.fn.now() });
    await victimSays(h.url, c, 'Hello?');
    await stream.ended;
    expect(stream.events).toEqual([]);
  });

  it('stops sending a victim the events of a case hidden from them', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const second = await liveCase(h, { force: c.force });
    // The same victim on a second case: move it to the first case's victim.
    const victimId = (await h.db('cases').where({ id: c.caseId }).first<{ victim_id: string }>('victim_id')).victim_id;
    await h.db('cases').where({ id: second.caseId }).update({ victim_id: victimId });
    const stream = await victimStream(h, c);
    try {
      const hidden = await call(h.url, 'updateCase', `/v1/cases/${c.caseId}`, { method: 'PATCH', token: c.force.apiKey, json: { riskFlags: ['unsafe_to_contact'] } });
      expect(hidden.status).toBe(200);
      await officerSays(h.url, c, 'Not for the victim now');
      await afterEverythingBefore(h, second, stream, 0);
      expect(stream.events.map((e) => e.data.caseId)).toEqual([second.caseId]);
    } finally {
      stream.close();
    }
  });

  it('refuses a missing credential or a Last-Event-ID that is not a cursor', async () => {
    const h = await harness();
    const c = await liveCase(h);
    expect((await call(h.url, 'streamMyEvents', '/v1/me/stream')).status).toBe(401);
    expect((await call(h.url, 'streamOfficerEvents', '/v1/officer/stream', { token: c.victimToken })).status).toBe(401);
    const bad = await call(h.url, 'streamMyEvents', '/v1/me/stream', { token: c.victimToken, headers: { 'Last-Event-ID': 'yesterday' } });
    expect(bad.status).toBe(400);
    const tooBig = await call(h.url, 'streamMyEvents', '/v1/me/stream', { token: c.victimToken, headers: { 'Last-Event-ID': '9999999999999999999' } });
    expect(tooBig.status).toBe(400);
  });

  it('ends every stream when the server closes', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const second = await startServer({ port: 0, db: h.db, migrate: false, outboxWorker: false });
    const token = await createTestOfficerToken(h.url, c.force.apiKey, c.collarNumber);
    const streams = [await victimStream(second, c), await officerStream(second, token)];
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    await second.close();
    await Promise.all(streams.map((s) => s.ended));
  });

  it('sends keep-alive comments on an idle stream', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const quick = await startServer({ port: 0, db: h.db, migrate: false, outboxWorker: false, streamTimings: { heartbeatMs: 20 } });
    try {
      const stream = await victimStream(quick, c);
      await officerSays(quick.url, c, 'Hello');
      await stream.waitForEvents(1);
      await stream.waitForComments(2);
      stream.close();
    } finally {
      await quick.close();
    }
  });

  it('covers a new officer on the case from then on', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const newOfficer = await createTestOfficer(h.db, c.force.forceId);
    const token = await createTestOfficerToken(h.url, c.force.apiKey, newOfficer.collarNumber);
    const stream = await officerStream(h, token);
    try {
      const moved = await call(h.url, 'updateCase', `/v1/cases/${c.caseId}`, { method: 'PATCH', token: c.force.apiKey, json: { officerInCharge: { collarNumber: newOfficer.collarNumber } } });
      expect(moved.status, moved.text).toBe(200);
      const mine = await victimSays(h.url, c, 'Who has my case now?');
      const events = await stream.waitForEvents(2);
      // The reassignment notice, then the victim's message.
      expect(events.map((e) => e.data.message?.kind)).toEqual(['notice', 'text']);
      expect(events[1]?.id).toBe(mine.cursor);
    } finally {
      stream.close();
    }
  });
});
