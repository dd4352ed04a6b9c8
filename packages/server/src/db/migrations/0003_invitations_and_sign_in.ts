import type { Knex } from 'knex';

// Invitations with a second factor, eligibility rules and force settings (contract of issue 3).
// Plain SQL, one statement per call, accepted by PostgreSQL 15 and PGlite.
const statements = [
  // Per-force settings. NULL eligibility_rules means "the documented defaults".
  `alter table forces
     add column second_factor text not null default 'one_time_code'
       check (second_factor in ('one_time_code', 'date_of_birth', 'postcode')),
     add column allowed_origins text[] not null default '{}',
     add column alert_email text,
     add column notify_templates jsonb not null default '{}',
     add column eligibility_rules jsonb`,
  `alter table victims add column date_of_birth date, add column postcode text`,
  // Why the case got no invite when it was last evaluated (NULL: it is eligible).
  `alter table cases
     add column risk_flags text[] not null default '{}',
     add column not_invited_flags text[] not null default '{}',
     add column not_invited_reason text
       check (not_invited_reason in ('offence_not_eligible', 'risk_flag', 'victim_under_minimum_age', 'no_contact_channel'))`,
  // purpose: an invite for a case, or a sign-in link a returning victim asked for.
  // The one-time code is stored as a hash, like every other secret.
  `alter table invites
     add column purpose text not null default 'invite' check (purpose in ('invite', 'sign_in_link')),
     add column wrong_answers integer not null default 0,
     add column locked_at timestamptz,
     add column code_hash text,
     add column code_expires_at timestamptz`,
  `create index victims_email on victims (force_id, lower(email)) where email is not null`,
  `create index victims_mobile on victims (force_id, mobile) where mobile is not null`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  for (const statement of [
    'drop index if exists victims_mobile',
    'drop index if exists victims_email',
    'alter table invites drop column purpose, drop column wrong_answers, drop column locked_at, drop column code_hash, drop column code_expires_at',
    'alter table cases drop column risk_flags, drop column not_invited_flags, drop column not_invited_reason',
    'alter table victims drop column date_of_birth, drop column postcode',
    'alter table forces drop column second_factor, drop column allowed_origins, drop column alert_email, drop column notify_templates, drop column eligibility_rules',
  ]) {
    await db.raw(statement);
  }
}
