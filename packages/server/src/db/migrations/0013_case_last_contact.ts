import type { Knex } from 'knex';

// The victim's last contact on a case (the later of the last victim-visible event recorded and
// the last message an officer sent) kept on the case row, so that reading a case (the hot path,
// for nextUpdateDue) reads one column instead of two correlated aggregates: with them, the
// database's cost of a case read doubled. Kept by statement-level triggers over the inserted
// rows, so that every writer keeps it (the service, and the demo's and the bench's set-based
// seeders) and a bulk insert costs one update per case, not one per row. Events and messages
// are append-only (0007, 0009): inserts are all there is to follow.
// Plain SQL, one statement per call (PGlite), as in 0001.
const keep = (table: string, contact: string) => [
  `create function ${table}_keep_last_contact() returns trigger language plpgsql as $$
     begin
       update cases c set last_contact_at = x.latest
       from (select force_id, case_id, max(created_at) as latest from inserted where ${contact} group by force_id, case_id) x
       where c.force_id = x.force_id and c.id = x.case_id and (c.last_contact_at is null or c.last_contact_at < x.latest);
       return null;
     end
   $$`,
  `create trigger ${table}_keep_last_contact after insert on ${table}
     referencing new table as inserted for each statement execute function ${table}_keep_last_contact()`,
];

const statements = [
  'alter table cases add column last_contact_at timestamptz',
  `update cases c set last_contact_at = greatest(
     (select max(e.created_at) from case_events e where e.force_id = c.force_id and e.case_id = c.id and e.victim_visible),
     (select max(m.created_at) from messages m where m.force_id = c.force_id and m.case_id = c.id and m.author_type = 'officer'))`,
  ...keep('case_events', 'victim_visible'),
  ...keep('messages', "author_type = 'officer'"),
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['messages', 'case_events']) {
    await db.raw(`drop trigger ${table}_keep_last_contact on ${table}`);
    await db.raw(`drop function ${table}_keep_last_contact()`);
  }
  await db.raw('alter table cases drop column last_contact_at');
}
