import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import knexModule, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { migrationSource } from './migrations/index.js';

/** Where the data lives. PostgreSQL when `databaseUrl` is set, else PGlite (embedded). */
export interface DatabaseOptions {
  /** `postgres://…`: use PostgreSQL through `pg`. */
  databaseUrl?: string;
  /** A folder for PGlite's files; relative paths resolve from `process.cwd()`. */
  dataDir?: string;
  /** PGlite in memory (the default when neither `databaseUrl` nor `dataDir` is given). */
  inMemory?: boolean;
  /** Connections in the PostgreSQL pool (PGlite always has exactly one). */
  poolSize?: number;
}

export type DatabaseKind = 'postgres' | 'pglite';

const kinds = new WeakMap<Knex, DatabaseKind>();

/**
 * One JSON line on stderr for what knex itself reports: what happened and a system error code
 * (ECONNRESET), never knex's text, which may quote a failed query.
 */
function knexReport(level: 'warn' | 'error'): (message: unknown) => void {
  return (message) => {
    const text = typeof message === 'string' ? message : '';
    const msg = text.startsWith('Connection Error')
      ? 'a database connection dropped; the pool opens another'
      : text.startsWith('Acquire connection error')
        ? 'could not open a database connection'
        : `knex ${level}`;
    const code = /\bE[A-Z]{4,}\b/.exec(text)?.[0];
    process.stderr.write(`${JSON.stringify({ level, service: 'victim-portal', msg, ...(code ? { code } : {}) })}\n`);
  };
}

// By default knex writes a failed query's bound values into the error's message, and prints a
// dropped connection's error (that message) on the console: values are personal data.
const withoutValuesInErrors = {
  compileSqlOnError: false,
  log: { warn: knexReport('warn'), error: knexReport('error'), deprecate: () => undefined, debug: () => undefined },
} satisfies Partial<Knex.Config>;

/**
 * Create a knex instance for PostgreSQL or PGlite. Nothing connects until the first query.
 * @returns the knex instance; call `destroy()` to close it
 */
export function createDatabase(options: DatabaseOptions = {}): Knex {
  let db: Knex;
  if (options.databaseUrl) {
    db = knexModule.knex({
      ...withoutValuesInErrors,
      client: 'pg',
      connection: options.databaseUrl,
      pool: { min: 0, max: options.poolSize ?? 10 },
    });
    kinds.set(db, 'postgres');
  } else {
    const filename = options.inMemory || !options.dataDir ? undefined : resolve(process.cwd(), options.dataDir);
    if (filename) mkdirSync(filename, { recursive: true });
    db = knexModule.knex({
      ...withoutValuesInErrors,
      client: ClientPgLite,
      dialect: 'postgres',
      // An empty connection object means "in memory" to knex-pglite.
      connection: filename ? { filename } : {},
    });
    kinds.set(db, 'pglite');
  }
  return db;
}

/** @returns which engine a knex instance made by createDatabase talks to */
export function databaseKind(db: Knex): DatabaseKind {
  return kinds.get(db) ?? 'postgres';
}

/** Bring the schema up to date. Safe to run on every start, by several instances at once. */
export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}
