import type { Knex } from 'knex';

// Issue 4: the victim–officer thread, officer tokens, absence and cover, idempotency keys and
// the force's webhook endpoint. Plain SQL, one statement per call (PGlite), as in 0001.
const statements = [
  // One absence per officer; while now() is in [absent_from, absent_until), covered_by sees
  // the officer's cases and the victims see when the officer is back.
  `alter table officers
     add column absent_from timestamptz,
     add column absent_until timestamptz,
     add column covered_by_officer_id uuid,
     add constraint officers_absence_order check (absent_until > absent_from),
     add constraint officers_absence_complete check ((absent_from is null) = (absent_until is null)),
     add constraint officers_cover_not_self check (covered_by_officer_id <> id),
     add constraint officers_cover_same_force foreign key (force_id, covered_by_officer_id) references officers (force_id, id)`,
  `create table officer_tokens (
     id uuid primary key default gen_random_uuid(),
     force_id uuid not null references forces (id),
     officer_id uuid not null,
     api_key_id uuid not null references api_keys (id),
     token_hash text not null unique,
     expires_at timestamptz not null,
     created_at timestamptz not null default now(),
     foreign key (force_id, officer_id) references officers (force_id, id)
   )`,
  // Messages and read receipts share one ever-increasing sequence: a stream's Last-Event-ID is
  // a position in it. Writers take a per-force advisory lock before inserting (see
  // features/messages/thread-lock.ts), so within a force the order of the sequence is the
  // order of commits and a reader that has seen N has seen everything before N.
  `create sequence thread_seq`,
  `create table messages (
     seq bigint primary key default nextval('thread_seq'),
     id uuid not null,
     force_id uuid not null references forces (id),
     case_id uuid not null,
     kind text not null check (kind in ('text', 'update_request', 'notice')),
     author_type text not null check (author_type in ('victim', 'officer', 'system')),
     author_officer_id uuid,
     body text check (char_length(body) between 1 and 2000),
     notice jsonb,
     created_at timestamptz not null default now(),
     -- The sender's id makes a retried send find the first one; per case, so an id seen in
     -- one force's thread tells another force nothing.
     unique (force_id, case_id, id),
     check ((author_type = 'officer') = (author_officer_id is not null)),
     check ((kind = 'notice') = (author_type = 'system')),
     check (kind <> 'text' or body is not null),
     foreign key (force_id, case_id) references cases (force_id, id),
     foreign key (force_id, author_officer_id) references officers (force_id, id)
   )`,
  `create index messages_case on messages (force_id, case_id, seq)`,
  `create table read_receipts (
     seq bigint primary key default nextval('thread_seq'),
     force_id uuid not null references forces (id),
     case_id uuid not null,
     reader text not null check (reader in ('victim', 'officer')),
     reader_officer_id uuid,
     up_to_seq bigint not null,
     read_at timestamptz not null default now(),
     check ((reader = 'officer') = (reader_officer_id is not null)),
     foreign key (force_id, case_id) references cases (force_id, id),
     foreign key (force_id, reader_officer_id) references officers (force_id, id)
   )`,
  `create index read_receipts_case on read_receipts (force_id, case_id, reader, up_to_seq)`,
  // Messages are likely disclosable material in a prosecution, and receipts are part of the
  // record of who knew what when: both are append-only, refused by the database itself.
  `create function thread_refuse_change() returns trigger language plpgsql as $$
     begin
       raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
     end
   $$`,
  `create trigger messages_no_update_or_delete before update or delete on messages for each row execute function thread_refuse_change()`,
  `create trigger messages_no_truncate before truncate on messages for each statement execute function thread_refuse_change()`,
  `create trigger read_receipts_no_update_or_delete before update or delete on read_receipts for each row execute function thread_refuse_change()`,
  `create trigger read_receipts_no_truncate before truncate on read_receipts for each statement execute function thread_refuse_change()`,
  // Idempotency-Key (draft-ietf-httpapi-idempotency-key-header), per force. A row without a
  // status is a request still running; rows older than 24 h are ignored and may be deleted.
  `create table idempotency_keys (
     force_id uuid not null references forces (id),
     key text not null,
     operation text not null,
     request_hash text not null,
     status integer,
     response_headers jsonb,
     response_body jsonb,
     created_at timestamptz not null default now(),
     primary key (force_id, key)
   )`,
  // Where thread events go (Standard Webhooks). The secret signs, so it is kept as given; the
  // previous one keeps signing alongside for 24 h after a rotation.
  `alter table forces
     add column webhook_url text,
     add column webhook_secret text,
     add column webhook_previous_secret text,
     add column webhook_secret_rotated_at timestamptz`,
  // Officers act through their own short-lived tokens, and the audit log names them.
  `alter table audit_log drop constraint audit_log_actor_type_check,
     add constraint audit_log_actor_type_check check (actor_type in ('force_api_key', 'victim', 'officer', 'system'))`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  for (const statement of [
    'alter table forces drop column webhook_url, drop column webhook_secret, drop column webhook_previous_secret, drop column webhook_secret_rotated_at',
    'drop table if exists idempotency_keys',
    'drop table if exists read_receipts',
    'drop table if exists messages',
    'drop function if exists thread_refuse_change()',
    'drop sequence if exists thread_seq',
    'drop table if exists officer_tokens',
    `alter table officers drop constraint officers_cover_same_force, drop constraint officers_cover_not_self,
       drop constraint officers_absence_complete, drop constraint officers_absence_order,
       drop column covered_by_officer_id, drop column absent_until, drop column absent_from`,
  ]) {
    await db.raw(statement);
  }
}
