import type { Knex } from 'knex';

// Rate limits for sign-in (http/rate-limit.ts), in the database so that every instance behind a
// load balancer counts against the same limit. The layout is the one rate-limiter-flexible's
// PostgreSQL store expects (key, points, expire in epoch milliseconds); created here rather
// than by the library at start-up, so instances never race to create it. Keys are SHA-256
// hashes, never an address or contact, and carry no force: a limit protects the service.
export async function up(db: Knex): Promise<void> {
  await db.raw(`create table if not exists rate_limits (
    key varchar(255) primary key,
    points integer not null default 0,
    expire bigint
  )`);
  await db.raw('create index if not exists rate_limits_expire on rate_limits (expire)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop table if exists rate_limits');
}
