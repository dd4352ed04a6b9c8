import type { Knex } from 'knex';

// Expired Idempotency-Keys are deleted per force (http/idempotency.ts, pruneExpiredKeys): this
// index finds them without reading the force's live keys.
export async function up(db: Knex): Promise<void> {
  await db.raw('create index idempotency_keys_age on idempotency_keys (force_id, created_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop index if exists idempotency_keys_age');
}
