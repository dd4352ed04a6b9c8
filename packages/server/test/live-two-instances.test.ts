import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { harness, onPostgres } from './support/harness.js';
import { liveCase, officerSays, victimSays } from './support/live-thread.js';
import { openSse, type SseConnection } from './support/sse-client.js';

describe('live streams across servers in one process', () => {
  it('delivers a message posted through one server to a stream open on another on the same database', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const second = await startServer({ port: 0, db: h.db, migrate: false, outboxWorker: false });
    try {
      const stream = await openSse(`${second.url}/v1/me/stream`, c.victimToken);
      const reply = await officerSays(h.url, c, 'Through the first server');
      expect((await stream.waitForEvents(1))[0]?.id).toBe(reply.cursor);
      stream.close();
    } finally {
      await second.close();
    }
  });
});

// Several server instances share one database only on PostgreSQL: PGlite belongs to one
// process. These tests start a second instance with a database connection (and LISTEN
// connection) of its own, as another machine would have.
if (onPostgres) {
  describe('live streams across server instances sharing one PostgreSQL', () => {
    let other: RunningServer;
    beforeAll(async () => {
      other = await startServer({ port: 0, databaseUrl: process.env['DATABASE_URL'], migrate: false, outboxWorker: false });
    });
    afterAll(async () => {
      await other.close();
    });

    it('delivers a message posted through one instance to a stream open on the other', async () => {
      const h = await harness();
      const c = await liveCase(h);
      const victim = await openSse(`${other.url}/v1/me/stream`, c.victimToken);
      const officer = await openSse(`${h.url}/v1/officer/stream`, c.officerToken);
      try {
        const reply = await officerSays(h.url, c, 'Posted through the first instance');
        const [heard] = await victim.waitForEvents(1);
        expect(heard).toMatchObject({ id: reply.cursor, data: { message: { id: reply.id } } });
        const answer = await victimSays(other.url, c, 'Posted through the second');
        const events = await officer.waitForEvents(2);
        expect(events.map((e) => e.id)).toEqual([reply.cursor, answer.cursor]);
      } finally {
        victim.close();
        officer.close();
      }
    });

    it('resumes on the other instance with exactly what was missed', async () => {
      const h = await harness();
      const c = await liveCase(h);
      const first = await openSse(`${h.url}/v1/me/stream`, c.victimToken);
      await officerSays(h.url, c, 'One');
      const [seen] = await first.waitForEvents(1);
      first.close();
      const missed = [await officerSays(other.url, c, 'Two'), await officerSays(h.url, c, 'Three')];
      const resumed = await openSse(`${other.url}/v1/me/stream`, c.victimToken, seen!.id);
      try {
        const events = await resumed.waitForEvents(2);
        expect(events.map((e) => e.id)).toEqual(missed.map((m) => m.cursor));
      } finally {
        resumed.close();
      }
    });

    it('ends its streams when its LISTEN connection drops, and loses nothing for a client that resumes', async () => {
      const h = await harness();
      const c = await liveCase(h);
      const stream = await openSse(`${other.url}/v1/me/stream`, c.victimToken);
      const before = await officerSays(h.url, c, 'Before the drop');
      await stream.waitForEvents(1);
      await h.db.raw(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'victim-portal-live' and datname = current_database()`);
      await stream.ended;
      const during = await officerSays(h.url, c, 'While the instance was not listening');
      // A client resumes from its Last-Event-ID, as often as the instance ends its stream (it
      // does again once it listens again), until a message posted meanwhile reaches it live.
      let lastId = before.cursor;
      const received: string[] = [];
      const markers: string[] = [];
      for (let attempt = 0; attempt < 20 && !received.some((id) => markers.includes(id)); attempt++) {
        const resumed: SseConnection = await openSse(`${other.url}/v1/me/stream`, c.victimToken, lastId);
        const marker = await officerSays(h.url, c, `After the drop ${attempt}`);
        markers.push(marker.cursor);
        await Promise.race([resumed.waitForEvent((e) => e.id === marker.cursor).catch(() => undefined), resumed.ended]);
        resumed.close();
        received.push(...resumed.events.map((e) => e.id!));
        lastId = received.at(-1) ?? lastId;
      }
      // Everything after the last event seen before the drop, once each, in order.
      const posted = await h.db('messages').where({ case_id: c.caseId }).where('seq', '>', before.cursor).where('seq', '<=', lastId).orderBy('seq').pluck('seq');
      expect(received).toEqual(posted.map(String));
      expect(received[0]).toBe(during.cursor);
      expect(received.some((id) => markers.includes(id))).toBe(true);
    });
  });
}
