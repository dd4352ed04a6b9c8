import type { Knex } from 'knex';
import { createIndexConcurrently } from './concurrent-index.js';

// Issue 7: indexes for the usage report (features/reports/figures), chosen by EXPLAIN ANALYZE on
// bench/usage-report.js's year of a large force (150,000 cases, 381,000 sign-ins, a million
// notifications) and a neighbour sharing the tables. Each report query reads one force's rows
// by when they were written; without these, every one scans the whole table, every force's
// rows, whatever the period. A year of the largest force still reads most of its rows (the
// planner rightly scans), but a month reads a twelfth, and a small force its own only:
// bench/README.md has the figures before and after. Sessions and updates carry the columns the
// report reads, so that their scans need not visit the table (index-only, once vacuumed).
//
// Built CONCURRENTLY, outside a transaction, so that a deployment with a year of rows keeps
// taking sign-ins, messages and notifications while they build. A build cut off part-way leaves
// an invalid index of its name, which is dropped and built again on the next start.
export const config = { transaction: false };

const indexes: ReadonlyArray<readonly [name: string, definition: string]> = [
  // Invites sent in the period (report_invites).
  ['invites_sent', `invites (force_id, created_at) where purpose = 'invite'`],
  // Cases that reached the portal in the period (report_eligibility).
  ['cases_created', 'cases (force_id, created_at)'],
  // Sign-ins in the period, and each victim's (report_sign_ins, report_sign_ins_reading_new_update).
  ['sessions_started', 'sessions (force_id, created_at) include (victim_id)'],
  // Messages written in the period (report_messages, report_reply_times, officers' replies as updates).
  ['messages_written', 'messages (force_id, created_at)'],
  // Notifications queued in the period (report_notifications); webhooks are the rest of the outbox.
  ['outbox_notifications_queued', `outbox (force_id, created_at) where kind = 'notification'`],
  // Updates that reached victims' timelines in the period (report_sign_ins_reading_new_update).
  ['case_events_updates', `case_events (force_id, created_at) include (case_id) where victim_visible and event_type <> 'report_received'`],
  // Duties by deadline with their telling (report_victims_code, the compliance report, the
  // duties list): replaces case_events_due (0009), which had to visit the table for told_at.
  ['case_events_due_told', 'case_events (force_id, due_by) include (told_at) where due_by is not null'],
];

export async function up(db: Knex): Promise<void> {
  for (const [name, definition] of indexes) {
    await createIndexConcurrently(db, name, definition);
  }
  await db.raw('drop index concurrently if exists case_events_due');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('create index concurrently if not exists case_events_due on case_events (force_id, due_by) where due_by is not null');
  for (const [name] of [...indexes].reverse()) await db.raw(`drop index concurrently if exists ${name}`);
}
