import type { Knex } from 'knex';
import { migrationSource } from '../../db/migrations/index.js';

/** Whether this instance can take traffic, and if not why and when to ask again. */
export type Readiness =
  | { ready: true; migration: string }
  | { ready: false; detail: string; retryAfterSeconds: number };

let newest: Promise<string> | undefined;
/** @returns the name of the newest migration this build has */
export function newestMigration(): Promise<string> {
  newest ??= migrationSource.getMigrations([]).then((all) => {
    const last = all.at(-1);
    if (!last) throw new Error('this build has no migrations');
    return migrationSource.getMigrationName(last);
  });
  return newest;
}

function within<T>(work: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Ready when one trivial query answers within `timeoutMs` and finds this build's newest
 * migration applied. A database ahead of the build (a newer release migrated it) is ready too:
 * migrations only add, so an older build still works on it while a deploy rolls.
 * @returns ready, or not ready with a detail that names no data
 */
export async function checkReadiness(db: Knex, timeoutMs = 2000): Promise<Readiness> {
  const wanted = await newestMigration();
  let applied: { current: boolean; newest: string | null } | undefined;
  try {
    const answer = await within(
      db.raw<{ rows: { current: boolean; newest: string | null }[] }>(
        `select exists (select 1 from knex_migrations where name = ?) as current,
           (select name from knex_migrations order by id desc limit 1) as newest`,
        [wanted],
      ),
      timeoutMs,
    );
    if (answer === 'timed out') return { ready: false, detail: `The database did not answer within ${timeoutMs} ms.`, retryAfterSeconds: 5 };
    applied = answer.rows[0];
  } catch (error) {
    // 42P01: no knex_migrations table, so a database that was never migrated.
    if ((error as { code?: unknown }).code === '42P01') {
      return { ready: false, detail: `The database has no migrations; this build needs ${wanted}.`, retryAfterSeconds: 30 };
    }
    return { ready: false, detail: 'The database cannot be reached.', retryAfterSeconds: 5 };
  }
  if (!applied?.current) {
    return { ready: false, detail: `The database's newest migration is ${applied?.newest ?? 'none'}; this build needs ${wanted}.`, retryAfterSeconds: 30 };
  }
  return { ready: true, migration: wanted };
}
