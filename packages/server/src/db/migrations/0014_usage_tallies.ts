import type { Knex } from 'knex';

// Issue 7: the usage report over a year of a large force in under a second. Its figures had
// been counted from the rows at each request; a year of the largest force is a million
// notifications, 150,000 cases and invites and 226,000 deadlines, and counting them took 2.8 s.
// Two changes, both kept by the database so that every writer keeps them (the service, the
// demo's and bench's set-based seeders, a hand-written fix):
//
// 1. usage_tallies: the summable figures per force, UK day and key, an incrementally kept
//    materialised view of the rows, changed in the same transaction as them by triggers (AFTER
//    INSERT and DELETE for each statement over the transition table, so that a bulk insert
//    costs one grouped upsert; AFTER UPDATE for each row, only when a counted column changed).
//    Each table's contribution is one SELECT below, used by its triggers and by the recount from
//    the rows (usage_tallies_recount(), usage_tallies_rebuild(): docs/operations.md), so there
//    is one definition of each figure; the report tests recompute every figure from the raw rows
//    with plain SQL of their own. Upserts take their rows in key order, so that concurrent
//    writers lock them in one order.
//
// 2. Three facts of a sign-in, noted on the session as it is written (BEFORE INSERT): when the
//    victim last signed in before, the newest update that reached them since then, and the
//    offence of their newest case then. A sign-in's history is fixed once it happened, so these
//    never change; with them, distinct victims per week, sign-ins reading a new update and
//    sign-ins by crime type come from one scan of the period's sessions instead of a window over
//    every sign-in and update (1.8 s) and a join to every victim's cases (1.1 s).
//
// Plain SQL, one statement per call (PGlite), as in 0001.

/** SQL: the UK calendar day of a timestamptz: the day of a report period it counts in. */
const ukDay = (column: string) => `cast(${column} at time zone 'Europe/London' as date)`;

interface Tallied {
  table: string;
  /** SELECT force_id, day, figure, key, detail: one row per unit counted, from `rows` (aliased r). */
  units: (rows: string) => string;
  /** The columns a counted unit depends on: an update changing none of them changes no tally. */
  columns: readonly string[];
}

const tallied: readonly Tallied[] = [
  {
    // Invites for a case sent (a reissue is a new row) and redeemed, by channel and the case's
    // offence (fixed when the case is created). Sign-in links are not invites.
    table: 'invites',
    units: (rows) => `select r.force_id, ${ukDay('r.created_at')} as day, f.figure, r.channel as key, coalesce(c.offence_code, '') as detail
      from ${rows} r left join cases c on c.force_id = r.force_id and c.id = r.case_id
      cross join lateral (values ('invite_sent', true), ('invite_redeemed', r.redeemed_at is not null)) f (figure, counted)
      where r.purpose = 'invite' and f.counted`,
    columns: ['force_id', 'created_at', 'purpose', 'channel', 'case_id', 'redeemed_at'],
  },
  {
    // Cases that reached the portal, by offence and the reason now stored for giving them no
    // invite ('' when eligible).
    table: 'cases',
    units: (rows) => `select r.force_id, ${ukDay('r.created_at')} as day, 'case' as figure, r.offence_code as key, coalesce(r.not_invited_reason, '') as detail
      from ${rows} r`,
    columns: ['force_id', 'created_at', 'offence_code', 'not_invited_reason'],
  },
  {
    // Notifications to victims sent, or given up on (a cancelled one was stopped on purpose and
    // is neither), by channel. Force alerts go to the force's own staff.
    table: 'outbox',
    units: (rows) => `select r.force_id, ${ukDay('r.created_at')} as day, f.figure, coalesce(r.payload->>'channel', '') as key, '' as detail
      from ${rows} r
      cross join lateral (values ('notification_sent', r.sent_at is not null),
                                 ('notification_failed', r.failed_at is not null and coalesce(r.last_error, '') not like 'cancelled%')) f (figure, counted)
      where r.kind = 'notification' and r.payload->>'template' <> 'force_alert' and f.counted`,
    columns: ['force_id', 'created_at', 'kind', 'sent_at', 'failed_at', 'last_error', "payload->>'channel'", "payload->>'template'"],
  },
  {
    // Telling duties by the day of their deadline, and those told by it. Whether one is due yet
    // depends on the clock: the report takes past days from here and today's from the rows.
    table: 'case_events',
    units: (rows) => `select r.force_id, ${ukDay('r.due_by')} as day, f.figure, '' as key, '' as detail
      from ${rows} r
      cross join lateral (values ('duty', true), ('duty_met', r.told_at is not null and r.told_at <= r.due_by)) f (figure, counted)
      where r.due_by is not null and f.counted`,
    columns: ['force_id', 'due_by', 'told_at'],
  },
];

/** SQL: add the signed units (`select …, n`) to the tallies, in key order. */
const addToTallies = (signed: string) => `insert into usage_tallies (force_id, day, figure, key, detail, n)
  select force_id, day, figure, key, detail, sum(n) from (${signed}) units
  group by force_id, day, figure, key, detail having sum(n) <> 0
  order by force_id, day, figure, key, detail
  on conflict (force_id, day, figure, key, detail) do update set n = usage_tallies.n + excluded.n`;

const withSign = (units: string, sign: 1 | -1) => `select u.*, ${sign} as n from (${units}) u`;

function tallyTriggers({ table, units, columns }: Tallied): string[] {
  const changed = (side: 'old' | 'new') => columns.map((column) => `${side}.${column}`).join(', ');
  return [
    `create function ${table}_tally_inserted() returns trigger language plpgsql as $$
       begin ${addToTallies(withSign(units('inserted'), 1))}; return null; end
     $$`,
    `create trigger ${table}_tally_inserted after insert on ${table}
       referencing new table as inserted for each statement execute function ${table}_tally_inserted()`,
    `create function ${table}_tally_deleted() returns trigger language plpgsql as $$
       begin ${addToTallies(withSign(units('deleted'), -1))}; return null; end
     $$`,
    `create trigger ${table}_tally_deleted after delete on ${table}
       referencing old table as deleted for each statement execute function ${table}_tally_deleted()`,
    `create function ${table}_tally_updated() returns trigger language plpgsql as $$
       begin
         ${addToTallies(`${withSign(units('(select old.*)'), -1)} union all ${withSign(units('(select new.*)'), 1)}`)};
         return null;
       end
     $$`,
    `create trigger ${table}_tally_updated after update on ${table}
       for each row when ((${changed('old')}) is distinct from (${changed('new')})) execute function ${table}_tally_updated()`,
  ];
}

// What the tallies should hold, recounted from the rows; and a rebuild from that recount, for a
// database whose rows were written with triggers off (a restore with session_replication_role
// = replica, logical replication) or that anyone doubts. The rebuild locks the tallies against
// writers meanwhile, so that none of their changes is lost or counted twice.
const recount = `create function usage_tallies_recount()
   returns table (force_id uuid, day date, figure text, key text, detail text, n integer)
   language sql stable as $$
     select u.force_id, u.day, u.figure, u.key, u.detail, cast(count(*) as integer)
     from (${tallied.map(({ table, units }) => units(table)).join(' union all ')}) u
     group by u.force_id, u.day, u.figure, u.key, u.detail
   $$`;

const rebuild = `create function usage_tallies_rebuild() returns void language plpgsql as $$
   begin
     lock table usage_tallies in exclusive mode;
     delete from usage_tallies;
     insert into usage_tallies (force_id, day, figure, key, detail, n) select * from usage_tallies_recount();
   end
   $$`;

const tallies = [
  `create table usage_tallies (
     force_id uuid not null references forces (id),
     day date not null,
     figure text not null,
     key text not null,
     detail text not null,
     n integer not null,
     primary key (force_id, day, figure, key, detail)
   )`,
  recount,
  rebuild,
  // The rows already stored.
  'select usage_tallies_rebuild()',
  ...tallied.flatMap(tallyTriggers),
];

// The victim's sign-in facts at `at`, from what was stored by then. VOLATILE (the default), so
// that a bulk insert's trigger sees the sessions the same statement inserted before this one.
// Each lookup is one victim's few rows by index, never a scan of a whole table (enable_seqscan
// off, for this function only). Its plans are kept per connection and made again when the
// tables' statistics change: a bulk insert into a sessions table without statistics must give
// it some first (the demo's seeder does), or the plan it keeps may read every sign-in so far
// for each one inserted.
const signInFacts = `create function sign_in_facts(
     force uuid, victim uuid, at timestamptz,
     out previous_sign_in_at timestamptz, out newest_update_at timestamptz, out newest_offence_code text
   ) language plpgsql set enable_seqscan = off as $$
   begin
     select max(s.created_at) into previous_sign_in_at from sessions s
     where s.force_id = force and s.victim_id = victim and s.created_at < at;
     -- Newest by when it was reported, of the cases the portal had by then.
     select c.offence_code into newest_offence_code from cases c
     where c.force_id = force and c.victim_id = victim and c.created_at <= at
     order by c.reported_at desc, c.created_at desc limit 1;
     -- An update: something that reached the victim's timeline (not the report itself, which the
     -- victim made) or an officer's message, on a case the victim may see, after their previous
     -- sign-in (an update at the same instant as it came before it) and by this one. Looked up
     -- case by case: a victim has a case or two, a force thousands.
     select max(u.newest) into newest_update_at
     from cases c cross join lateral (
       select max(e.created_at) as newest from case_events e
       where e.force_id = c.force_id and e.case_id = c.id and e.victim_visible and e.event_type <> 'report_received'
         and e.created_at <= at and (previous_sign_in_at is null or e.created_at > previous_sign_in_at)
       union all
       select max(m.created_at) from messages m
       where m.force_id = c.force_id and m.case_id = c.id and m.author_type = 'officer'
         and m.created_at <= at and (previous_sign_in_at is null or m.created_at > previous_sign_in_at)
     ) u
     where c.force_id = force and c.victim_id = victim and not c.hidden_from_victim;
   end
   $$`;

const signIns = [
  'alter table sessions add column previous_sign_in_at timestamptz',
  'alter table sessions add column newest_update_at timestamptz',
  'alter table sessions add column newest_offence_code text',
  // Each victim's sign-ins in time order: the previous one, looked up at every sign-in.
  'create index sessions_victim on sessions (force_id, victim_id, created_at)',
  signInFacts,
  `update sessions s set (previous_sign_in_at, newest_update_at, newest_offence_code) =
     (select f.previous_sign_in_at, f.newest_update_at, f.newest_offence_code from sign_in_facts(s.force_id, s.victim_id, s.created_at) f)`,
  `create function sessions_note_sign_in() returns trigger language plpgsql as $$
     begin
       select f.previous_sign_in_at, f.newest_update_at, f.newest_offence_code
       into new.previous_sign_in_at, new.newest_update_at, new.newest_offence_code
       from sign_in_facts(new.force_id, new.victim_id, new.created_at) f;
       return new;
     end
   $$`,
  `create trigger sessions_note_sign_in before insert on sessions for each row execute function sessions_note_sign_in()`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of [...tallies, ...signIns]) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop trigger sessions_note_sign_in on sessions');
  await db.raw('drop function sessions_note_sign_in()');
  await db.raw('drop function sign_in_facts(uuid, uuid, timestamptz)');
  await db.raw('drop index sessions_victim');
  for (const column of ['previous_sign_in_at', 'newest_update_at', 'newest_offence_code']) await db.raw(`alter table sessions drop column ${column}`);
  for (const { table } of tallied) {
    for (const change of ['inserted', 'deleted', 'updated']) {
      await db.raw(`drop trigger ${table}_tally_${change} on ${table}`);
      await db.raw(`drop function ${table}_tally_${change}()`);
    }
  }
  await db.raw('drop function usage_tallies_rebuild()');
  await db.raw('drop function usage_tallies_recount()');
  await db.raw('drop table usage_tallies');
}
