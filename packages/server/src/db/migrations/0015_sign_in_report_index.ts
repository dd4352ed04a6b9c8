import type { Knex } from 'knex';
import { createIndexConcurrently } from './concurrent-index.js';

// The period's sign-ins with the facts 0014 notes on each (report_sign_ins), read from the
// index alone once vacuumed. Replaces 0012's sessions_started, which carried the victim for the
// window the report no longer runs. Built CONCURRENTLY, as 0012's are.
export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await createIndexConcurrently(db, 'sessions_signed_in', 'sessions (force_id, created_at) include (previous_sign_in_at, newest_update_at, newest_offence_code)');
  await db.raw('drop index concurrently if exists sessions_started');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('create index concurrently if not exists sessions_started on sessions (force_id, created_at) include (victim_id)');
  await db.raw('drop index concurrently if exists sessions_signed_in');
}
