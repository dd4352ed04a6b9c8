import type { Knex } from 'knex';
import { startServer, type RunningServer } from '../../src/server.js';

/** The one server of this test run: PostgreSQL when DATABASE_URL is set, else PGlite in memory. */
export interface Harness {
  server: RunningServer;
  url: string;
  db: Knex;
}

let started: Promise<Harness> | undefined;

/** @returns the shared server, started on first use */
export function harness(): Promise<Harness> {
  started ??= (async () => {
    const databaseUrl = process.env['DATABASE_URL'] || undefined;
    const server = await startServer({
      port: 0,
      databaseUrl,
      inMemory: !databaseUrl,
      devMailbox: true,
      // Notifications go out when a case is created (the nudge) or a test delivers them;
      // never on a timer, so a test that looks at a queued row is not raced by a poll.
      outboxPollIntervalMs: 0,
      // Every test request comes from 127.0.0.1; rate limits get a test of their own.
      rateLimits: { signInByAddress: { points: 100_000, seconds: 60 } },
    });
    return { server, url: server.url, db: server.db };
  })();
  return started;
}

/** True when the suite runs on PostgreSQL rather than PGlite. */
export const onPostgres = Boolean(process.env['DATABASE_URL']);
