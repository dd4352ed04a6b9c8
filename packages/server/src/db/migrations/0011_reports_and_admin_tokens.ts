import type { Knex } from 'knex';

// Issue 7: the force's assumptions for the 101-calls-avoided estimate and its crime-type groups
// (ForceSettings), short-lived admin tokens for force staff reading reports, and their actor
// type in the audit log. Plain SQL, one statement per call (PGlite), as in 0001.
const statements = [
  `alter table forces
     add column calls_avoided jsonb not null default '{"perUpdateRequestAnswered": 1, "perSignInReadingNewUpdate": 1, "updateReadWithinDays": 7}',
     add column crime_type_groups jsonb`,
  `create table admin_tokens (
     id uuid primary key default gen_random_uuid(),
     force_id uuid not null references forces (id),
     api_key_id uuid not null references api_keys (id),
     name text not null check (char_length(name) between 1 and 100),
     token_hash text not null unique,
     expires_at timestamptz not null,
     created_at timestamptz not null default now()
   )`,
  `alter table audit_log drop constraint audit_log_actor_type_check,
     add constraint audit_log_actor_type_check check (actor_type in ('force_api_key', 'victim', 'officer', 'force_staff', 'system'))`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`alter table audit_log drop constraint audit_log_actor_type_check,
     add constraint audit_log_actor_type_check check (actor_type in ('force_api_key', 'victim', 'officer', 'system'))`);
  await db.raw('drop table admin_tokens');
  await db.raw('alter table forces drop column calls_avoided, drop column crime_type_groups');
}
