import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import pg from 'pg';
import { createDatabase, type DatabaseOptions } from '../../src/db/connection.js';
import { servePGlite } from './operations-pglite-server.js';

/**
 * Databases of their own for the operations tests, whose servers run workers and LISTEN on
 * every force: the shared test server's worker must not race them for rows, nor they for its.
 * On PostgreSQL (DATABASE_URL) a new database on the same server, dropped afterwards; on the
 * default run, a new PGlite.
 */
export interface OwnDatabase {
  db: Knex;
  /** Close the knex instance and drop the database. */
  drop(): Promise<void>;
}

const testDatabaseUrl = () => process.env['DATABASE_URL'] || undefined;

/** @returns a new, empty database on the test PostgreSQL, by URL; dropped by the returned function */
async function newPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vp_ops_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A new empty database, opened with knex as the service opens one. */
export async function ownDatabase(options: Pick<DatabaseOptions, 'poolSize'> = {}): Promise<OwnDatabase> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const db = createDatabase({ inMemory: true });
    return { db, drop: () => db.destroy() };
  }
  const created = await newPostgresDatabase(serverUrl);
  const db = createDatabase({ databaseUrl: created.url, ...options });
  return {
    db,
    async drop() {
      await db.destroy();
      await created.drop();
    },
  };
}

/**
 * A new empty database reached over TCP by URL, as production reaches PostgreSQL, so that a
 * proxy can stand in between: on PostgreSQL a new database; else a PGlite served over TCP.
 */
export async function databaseOverTcp(): Promise<{ url: string; close(): Promise<void> }> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl) {
    const created = await newPostgresDatabase(serverUrl);
    return { url: created.url, close: () => created.drop() };
  }
  const pglite = await PGlite.create();
  const served = await servePGlite(pglite);
  return {
    url: served.url,
    async close() {
      await served.close();
      await pglite.close();
    },
  };
}
