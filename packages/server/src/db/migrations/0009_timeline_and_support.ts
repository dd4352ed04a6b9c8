import type { Knex } from 'knex';

// Issue 5: the case timeline and Victims' Code duties, the crime report, support services and
// referrals, and victims' preferences. One statement per call (PGlite), as in 0001.
const eventTypes = [
  'report_received', 'officer_assigned', 'officer_changed', 'crime_allocated', 'suspect_identified',
  'suspect_arrested', 'suspect_interviewed', 'released_on_bail', 'released_under_investigation',
  'charged', 'passed_to_cps', 'no_further_action', 'investigation_reopened', 'case_closed',
  'property_returned', 'update_given',
];
const tellingMethods = ['notification', 'portal', 'in_person', 'phone', 'letter', 'email', 'other'];
const quoted = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

const statements = [
  // case_events existed since 0001 unused; its free text becomes the officer's own words, and the
  // victim-facing wording comes from the event type (force-editable, per language) at read time.
  `alter table case_events rename column victim_visible_text to officer_text`,
  `alter table case_events add column victim_visible boolean not null default true`,
  `alter table case_events add column key_decision boolean not null default false`,
  `alter table case_events add column outcome_code smallint check (outcome_code between 1 and 22)`,
  `alter table case_events add column told_by text check (told_by in (${quoted(tellingMethods)}))`,
  `alter table case_events add constraint case_events_type check (event_type in (${quoted(eventTypes)}))`,
  `alter table case_events add constraint case_events_outcome check ((event_type = 'case_closed') = (outcome_code is not null))`,
  `alter table case_events add constraint case_events_told check ((told_at is null) = (told_by is null))`,
  `alter table case_events add constraint case_events_unique unique (force_id, id)`,
  // The open duties of a force, soonest first (GET /v1/duties), and deadlines by date (compliance).
  `create index case_events_open_duties on case_events (force_id, due_by) where due_by is not null and told_at is null`,
  `create index case_events_due on case_events (force_id, due_by) where due_by is not null`,
  // An event is a record: it is never deleted, and the only change is the first telling.
  `create function case_events_told_only() returns trigger language plpgsql as $$
  begin
    if tg_op = 'DELETE' then
      raise exception 'case_events rows are never deleted';
    end if;
    if old.told_at is not null
      or (to_jsonb(new) - 'told_at' - 'told_by') <> (to_jsonb(old) - 'told_at' - 'told_by') then
      raise exception 'a case event changes only when the victim is first told of it';
    end if;
    return new;
  end $$`,
  `create trigger case_events_told_only before update or delete on case_events
    for each row execute function case_events_told_only()`,

  `alter table cases add column enhanced_rights boolean not null default false`,
  `alter table cases add column crime_report jsonb`,
  `alter table cases add column outcome_code smallint check (outcome_code between 1 and 22)`,
  `alter table cases alter column status set default 'report_received'`,
  // Every case starts its timeline with the report, and cases that have an officer with their
  // assignment; the status is then what those events give.
  `insert into case_events (force_id, case_id, event_type, occurred_at, created_at)
    select force_id, id, 'report_received', reported_at, created_at from cases`,
  `insert into case_events (force_id, case_id, event_type, occurred_at, created_at)
    select force_id, id, 'officer_assigned', created_at, created_at from cases where oic_officer_id is not null`,
  `update cases set status = case when oic_officer_id is null then 'report_received' else 'under_investigation' end`,

  `alter table victims add column update_every_days integer check (update_every_days between 7 and 90)`,
  `alter table victims add column quiet_from time`,
  `alter table victims add column quiet_until time`,
  `alter table victims add column notifications_opted_out boolean not null default false`,
  `alter table victims add constraint victims_quiet_hours check ((quiet_from is null) = (quiet_until is null))`,

  `alter table forces add column default_update_every_days integer not null default 28 check (default_update_every_days between 7 and 90)`,
  `alter table forces add column deadline_warning_hours integer not null default 4 check (deadline_warning_hours between 1 and 48)`,

  `create table event_wording (
    force_id uuid not null references forces (id),
    event_type text not null check (event_type in (${quoted(eventTypes)})),
    language text not null check (language in ('en', 'cy')),
    wording text not null,
    updated_at timestamptz not null default now(),
    primary key (force_id, event_type, language)
  )`,

  `create table support_services (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    key text not null,
    name text not null,
    description jsonb not null,
    helps jsonb not null default '{}',
    contact jsonb not null,
    opening_hours jsonb not null default '[]',
    opening_notes jsonb,
    accepts_referrals boolean not null default true,
    withdrawn_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (force_id, key),
    unique (force_id, id)
  )`,
  `create table support_referrals (
    id uuid primary key default gen_random_uuid(),
    force_id uuid not null references forces (id),
    case_id uuid not null,
    service_id uuid not null,
    requested_at timestamptz not null default now(),
    due_by timestamptz not null,
    referred_at timestamptz,
    created_at timestamptz not null default now(),
    unique (force_id, case_id, service_id),
    unique (force_id, id),
    foreign key (force_id, case_id) references cases (force_id, id),
    foreign key (force_id, service_id) references support_services (force_id, id)
  )`,
  `create index support_referrals_open on support_referrals (force_id, due_by) where referred_at is null`,
  `create index support_referrals_due on support_referrals (force_id, due_by)`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  for (const statement of [
    'drop table if exists support_referrals',
    'drop table if exists support_services',
    'drop table if exists event_wording',
    'alter table forces drop column deadline_warning_hours',
    'alter table forces drop column default_update_every_days',
    'alter table victims drop constraint victims_quiet_hours',
    'alter table victims drop column notifications_opted_out',
    'alter table victims drop column quiet_until',
    'alter table victims drop column quiet_from',
    'alter table victims drop column update_every_days',
    "alter table cases alter column status set default 'under_investigation'",
    'alter table cases drop column outcome_code',
    'alter table cases drop column crime_report',
    'alter table cases drop column enhanced_rights',
    'drop trigger if exists case_events_told_only on case_events',
    'drop function if exists case_events_told_only()',
    'delete from case_events',
    'drop index if exists case_events_due',
    'drop index if exists case_events_open_duties',
    'alter table case_events drop constraint case_events_unique',
    'alter table case_events drop constraint case_events_told',
    'alter table case_events drop constraint case_events_outcome',
    'alter table case_events drop constraint case_events_type',
    'alter table case_events drop column told_by',
    'alter table case_events drop column outcome_code',
    'alter table case_events drop column key_decision',
    'alter table case_events drop column victim_visible',
    'alter table case_events rename column officer_text to victim_visible_text',
  ]) await db.raw(statement);
}
