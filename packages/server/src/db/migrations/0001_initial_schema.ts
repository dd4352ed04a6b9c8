import type { Knex } from 'knex';

// Plain SQL, one statement per call: PGlite runs bound queries through the extended protocol,
// which takes a single statement. Everything here is accepted by PostgreSQL 15 and by PGlite
// (PostgreSQL 18). Every table carries force_id, and references between force-owned rows are
// composite (force_id, id) foreign keys, so a row can never point into another force.
const statements = [
  `create table forces (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    slug text not null unique,
    portal_url text not null,
    invite_ttl_days integer not null default 14 check (invite_ttl_days between 1 and 90),
    sender_name text not null,
    created_at timestamptz not null default now()
  )`,
  `create table officers (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    collar_number text not null,
    display_name text not null,
    rank text not null,
    team text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (force_id, collar_number),
    unique (force_id, id)
  )`,
  `create table victims (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    external_ref text,
    given_name text not null,
    family_name text not null,
    email text,
    mobile text,
    preferred_channel text check (preferred_channel in ('email', 'sms')),
    language text not null default 'en' check (language in ('en', 'cy')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- NULLs are distinct, so this only binds victims whose records-system id is known.
    unique (force_id, external_ref),
    unique (force_id, id)
  )`,
  `create table cases (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    crime_reference text not null,
    offence_code text not null,
    offence_label text not null,
    reported_at timestamptz not null,
    reported_via text not null,
    status text not null default 'under_investigation',
    oic_officer_id uuid,
    victim_id uuid not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint cases_crime_reference_unique unique (force_id, crime_reference),
    unique (force_id, id),
    foreign key (force_id, victim_id) references victims (force_id, id),
    foreign key (force_id, oic_officer_id) references officers (force_id, id)
  )`,
  `create index cases_victim_reported on cases (force_id, victim_id, reported_at desc)`,
  `create table case_events (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    case_id uuid not null,
    event_type text not null,
    victim_visible_text text,
    occurred_at timestamptz not null default now(),
    due_by timestamptz,
    told_at timestamptz,
    created_at timestamptz not null default now(),
    foreign key (force_id, case_id) references cases (force_id, id)
  )`,
  `create index case_events_case on case_events (force_id, case_id, occurred_at)`,
  `create table invites (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    victim_id uuid not null,
    case_id uuid,
    token_hash text not null unique,
    channel text not null check (channel in ('email', 'sms')),
    expires_at timestamptz not null,
    redeemed_at timestamptz,
    attempts integer not null default 0,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    foreign key (force_id, victim_id) references victims (force_id, id),
    foreign key (force_id, case_id) references cases (force_id, id)
  )`,
  `create index invites_case on invites (force_id, case_id, created_at desc)`,
  `create table sessions (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    victim_id uuid not null,
    invite_id uuid references invites (id),
    token_hash text not null unique,
    idle_timeout_seconds integer not null check (idle_timeout_seconds > 0),
    idle_expires_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    foreign key (force_id, victim_id) references victims (force_id, id)
  )`,
  `create table api_keys (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    key_hash text not null unique,
    label text not null,
    scopes text[] not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  // No foreign keys here: an audit row must outlive whatever it mentions, and a key on
  // force_id would lock the force's row (FOR KEY SHARE) on every insert, i.e. every read.
  `create table audit_log (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    force_id uuid not null,
    actor_type text not null check (actor_type in ('force_api_key', 'victim', 'system')),
    actor_id text not null,
    action text not null,
    subject_type text not null,
    subject_id text not null,
    reason text not null,
    request_id text
  )`,
  `create index audit_log_force_time on audit_log (force_id, occurred_at)`,
  `create index audit_log_subject on audit_log (force_id, subject_type, subject_id)`,
  `create table outbox (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    kind text not null,
    payload jsonb not null,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    sent_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index outbox_pending on outbox (next_attempt_at) where sent_at is null`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['outbox', 'audit_log', 'api_keys', 'sessions', 'invites', 'case_events', 'cases', 'victims', 'officers', 'forces']) {
    await db.raw(`drop table if exists ${table}`);
  }
}
