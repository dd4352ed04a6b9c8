import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { Problem, Readiness } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { createDatabase, migrateToLatest } from '../src/db/connection.js';
import { migrationSource } from '../src/db/migrations/index.js';
import { newestMigration } from '../src/features/health/readiness.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { proxyDatabase, type DatabaseProxy } from './support/operations-db-proxy.js';
import { databaseOverTcp } from './support/operations-databases.js';

interface LogLine {
  msg: string;
  requestId?: string;
  level: number;
}

/** Ask until the answer has this status (the pool notices dropped connections as it uses them). */
async function readinessBecomes(url: string, status: number): Promise<Awaited<ReturnType<typeof call>>> {
  let last: Awaited<ReturnType<typeof call>> | undefined;
  for (let attempt = 0; attempt < 60; attempt++) {
    last = await call(url, 'getReadiness', '/readyz');
    if (last.status === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/readyz stayed at ${last?.status}: ${last?.text}`);
}

describe('/readyz', () => {
  it('is ready when the database answers and has this build’s newest migration', async () => {
    const h = await harness();
    const ready = await call<Readiness>(h.url, 'getReadiness', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', migrations: await newestMigration() });
    const all = await migrationSource.getMigrations([]);
    expect(ready.body.migrations).toBe(migrationSource.getMigrationName(all.at(-1) as (typeof all)[number]));
  });
});

describe('/readyz through a database that is behind, then goes away and comes back', () => {
  const written: string[] = [];
  let database: Awaited<ReturnType<typeof databaseOverTcp>>;
  let proxy: DatabaseProxy;
  let db: Knex;
  let server: RunningServer;
  let force: TestForce;
  const lines = () =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    database = await databaseOverTcp();
    proxy = await proxyDatabase(database.url);
    // The service reaches the database only through the proxy, as through a network. One pooled
    // connection (and the LISTEN one), as PGlite over TCP serves them.
    db = createDatabase({ databaseUrl: proxy.url, poolSize: 1 });
    // Migrated by an older build: every migration but this build's newest.
    const all = await migrationSource.getMigrations([]);
    await db.migrate.latest({ migrationSource: { ...migrationSource, getMigrations: async () => all.slice(0, -1) } });
    server = await startServer({ port: 0, db, migrate: false, outboxPollIntervalMs: 200, logStream: { write: (line: string) => void written.push(line) } });
  });

  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    await proxy?.close();
    await database?.close();
  });

  it('is not ready while the database lacks this build’s newest migration, and ready once it has it', async () => {
    const all = await migrationSource.getMigrations([]);
    const older = migrationSource.getMigrationName(all.at(-2) as (typeof all)[number]);
    const behind = await call<Problem>(server.url, 'getReadiness', '/readyz');
    expect(behind.status).toBe(503);
    expect(behind.body.type).toBe('urn:victim-portal:problem:not-ready');
    expect(behind.body.detail).toBe(`The database's newest migration is ${older}; this build needs ${await newestMigration()}.`);
    expect(Number(behind.headers.get('retry-after'))).toBeGreaterThan(0);

    await migrateToLatest(db);
    const ready = await call<Readiness>(server.url, 'getReadiness', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.migrations).toBe(await newestMigration());
    force = await createTestForce(db);
  });

  it('is not ready while the database is unreachable, stays alive, and is ready again when it returns, without a restart', async () => {
    expect((await call(server.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey })).status).toBe(200);

    // What the process writes during the outage is searched too (knex reports dropped connections).
    const originals = [process.stdout.write, process.stderr.write] as const;
    const tee = (original: typeof process.stdout.write) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (original as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = tee(originals[0]);
    process.stderr.write = tee(originals[1]);
    try {
      await outageAndReturn();
    } finally {
      [process.stdout.write, process.stderr.write] = originals;
    }
  });

  async function outageAndReturn() {
    proxy.cut();
    const down = await readinessBecomes(server.url, 503);
    expect((down.body as Problem).detail).toMatch(/^The database (cannot be reached|did not answer within \d+ ms)\.$/);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    // Alive all the same: the process is fine, so it must not be restarted.
    expect((await call(server.url, 'getHealth', '/healthz')).status).toBe(200);
    // Metrics still answer, and say so.
    const metrics = await call<string>(server.url, 'getMetrics', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^vp_database_up 0$/m);
    // A request that needs the database fails as a 500 problem that carries its request id,
    // and every line logged for it carries the same id.
    // (The contract declares no 5xx: `null` checks it is a problem all the same.)
    const failed = await call<Problem>(server.url, null, '/v1/force/settings', { token: force.apiKey, headers: { 'X-Request-Id': 'outage-request-0001' } });
    expect(failed.status).toBe(500);
    expect(failed.body.requestId).toBe('outage-request-0001');
    const logged = lines().filter((line) => line.requestId === 'outage-request-0001');
    expect(logged.map((line) => line.msg).sort()).toEqual(['fault', 'request']);

    proxy.restore();
    const back = await readinessBecomes(server.url, 200);
    expect((back.body as Readiness).status).toBe('ready');
    // The same server, the same pool: requests work again.
    const settings = await call(server.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey });
    expect(settings.status, settings.text).toBe(200);
    expect((await call<string>(server.url, 'getMetrics', '/metrics')).text).toMatch(/^vp_database_up 1$/m);
  }

  it('logged the outage without credentials, SQL or its values', () => {
    const everything = written.join('');
    expect(everything).toContain('outage-request-0001');
    expect(everything).not.toContain(force.apiKey);
    expect(everything).not.toContain(hashToken(force.apiKey));
    expect(everything).not.toMatch(/\b(select|insert|update) /i);
  });
});
