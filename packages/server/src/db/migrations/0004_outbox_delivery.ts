import type { Knex } from 'knex';

// The outbox as several workers share it (docs/notifications.md). Plain SQL, one statement per
// call, accepted by PostgreSQL 15 and PGlite. Issue 3's other columns (forces, victims, cases,
// invites) are in 0003_invitations_and_sign_in.
const statements = [
  // lease_id: the claim a worker holds while it sends; next_attempt_at doubles as the lease's
  // end, so a row whose worker died becomes due again by itself. failed_at: given up on.
  `alter table outbox
     add column lease_id uuid,
     add column failed_at timestamptz`,
  `drop index if exists outbox_pending`,
  `create index outbox_due on outbox (next_attempt_at) where sent_at is null and failed_at is null`,
  // Every attempt, kept for the force's support staff: when, which worker, what happened.
  // No payload here: the outbox row holds it, and clears its secrets once sent.
  `create table outbox_attempts (
     id bigint generated always as identity primary key,
     force_id uuid not null references forces (id),
     outbox_id uuid not null references outbox (id) on delete cascade,
     attempt integer not null,
     lease_id uuid not null,
     worker text not null,
     started_at timestamptz not null default now(),
     finished_at timestamptz,
     outcome text check (outcome in ('sent', 'failed', 'gave_up')),
     error text,
     provider_reference text
   )`,
  `create index outbox_attempts_row on outbox_attempts (force_id, outbox_id, attempt)`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  for (const statement of [
    'drop table if exists outbox_attempts',
    'drop index if exists outbox_due',
    'create index outbox_pending on outbox (next_attempt_at) where sent_at is null',
    'alter table outbox drop column lease_id, drop column failed_at',
  ]) {
    await db.raw(statement);
  }
}
