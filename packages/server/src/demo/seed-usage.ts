import type { Knex } from 'knex';
import { lockForceThreads } from '../features/messages/thread-lock.js';
import { isKeyDecision } from '../features/timeline/vocabulary.js';
import { addWorkingDays, isWorkingDay, londonDate, startOfLondonDay } from '../features/timeline/working-days.js';
import { drawCases, drawEvents, drawInvites, drawMessages, drawSignIns } from './seed-usage-draw.js';
import { bands, caseStories, familyNames, givenNames, offenceMix, officerWords, statusEffects, victimWords } from './seed-usage-model.js';
import { writeAuditLog, writeCases, writeEvents, writeInvites, writeMessages, writeOutbox, writeSessions, writeVictims } from './seed-usage-write.js';

/** A force's history of portal use to seed: how many cases, over how many days up to now. */
export interface UsageHistory {
  forceId: string;
  /** The records system's API key: the actor of its rows in the audit log. */
  apiKeyId: string;
  cases: number;
  days: number;
  /** Crime references are this and a 7-digit number; victims' records-system ids likewise. */
  referencePrefix: string;
  victimRefPrefix: string;
  /** The officers in charge: collar numbers this and a 3-digit number, created when missing. */
  officerPrefix: string;
  officers: number;
  /** Of key decisions the victim was not told of through the portal, those never told (overdue). Default 0: the force's duties list stays as it was. */
  untoldShare?: number;
  /** The draw's seed (-1 to 1): the same numbers give the same history. */
  randomSeed?: number;
  /** work_mem for the seeding transaction (default 64MB), so that its joins and sorts stay in memory. */
  workMem?: string;
}

/** What was seeded, and how long it took. */
export interface UsageHistoryCounts {
  cases: number;
  invites: number;
  victimsSignedIn: number;
  signIns: number;
  messages: number;
  caseEvents: number;
  notifications: number;
  auditEvents: number;
  milliseconds: number;
}

/** The demo's history: about 4,700 victims signing in 18,500 times and 800 messages in 3 months. */
export const demoUsage = { cases: 8_300, days: 91, referencePrefix: 'KM/H/', victimRefPrefix: 'KM-H-', officerPrefix: 'H', officers: 24 } as const;

function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Day `d` of the history (0 is `days` before today, UK time): when it starts, whether it is a
 * working day, and the Victims' Code deadlines of 1 and 5 working days for a decision made
 * that day, as events-store.ts works them out. On a working day the deadline is the same time
 * on the deadline's day, so the row gives that day's start and SQL adds the time; otherwise
 * the deadline is the end of a day, the same for every time of the day.
 */
function calendar(now: Date, days: number) {
  const first = addCalendarDays(londonDate(now), -days);
  return Array.from({ length: days + 1 }, (_, d) => {
    const date = addCalendarDays(first, d);
    const dayStart = startOfLondonDay(date);
    const working = isWorkingDay(date);
    const due = (workingDays: number) =>
      working ? startOfLondonDay(londonDate(addWorkingDays(new Date(dayStart.getTime() + 12 * 3_600_000), workingDays))) : addWorkingDays(dayStart, workingDays);
    return { d, day_start: dayStart.toISOString(), working, due1: due(1).toISOString(), due5: due(5).toISOString() };
  });
}

/** Small tables the draw reads, from JSON: the calendar, the offence mix, the stories and their steps, the status vocabulary. */
function lookupTables(now: Date, days: number): Array<[string, string, unknown]> {
  const stories = bands(caseStories);
  const steps = stories.flatMap((story, index) =>
    story.steps.map((step, position) => ({
      story: index,
      step: position,
      event_type: step.type,
      min_days: step.days[0],
      max_days: step.days[1],
      min_hour: step.hours[0],
      max_hour: step.hours[1],
      outcome_code: step.outcomeCode ?? null,
      key_decision: isKeyDecision(step.type),
    })),
  );
  const { events, outcomes } = statusEffects();
  return [
    ['usage_days', 'd integer, day_start timestamptz, working boolean, due1 timestamptz, due5 timestamptz', calendar(now, days)],
    ['usage_offences', 'code text, label text, sexual boolean, lo float8, hi float8', bands(offenceMix).map((o) => ({ ...o, sexual: o.sexual ?? false }))],
    ['usage_stories', 'story integer, lo float8, hi float8', stories.map((story, index) => ({ story: index, lo: story.lo, hi: story.hi }))],
    ['usage_steps', 'story integer, step integer, event_type text, min_days integer, max_days integer, min_hour float8, max_hour float8, outcome_code smallint, key_decision boolean', steps],
    ['usage_effects', 'event_type text, effect text', events],
    ['usage_outcomes', 'code smallint, status text', outcomes],
  ];
}

/** Officers in charge for the history, made up, created when missing; numbered 0… in usage_officers. */
async function seedOfficers(trx: Knex.Transaction, history: UsageHistory): Promise<void> {
  await trx.raw(
    `insert into officers (force_id, collar_number, display_name, rank, team)
     select cast(? as uuid), ? || lpad(cast(g as text), 3, '0'),
            case when g % 4 = 0 then 'DC ' else 'PC ' end || (cast(? as jsonb)->>(g % ?)) || ' ' || (cast(? as jsonb)->>((g * 7) % ?)),
            case when g % 4 = 0 then 'detective_constable' else 'police_constable' end,
            case when g % 4 = 0 then 'CID' when g % 2 = 0 then 'Neighbourhood Team' else 'Response Team' end
     from generate_series(1, ?) as g
     on conflict (force_id, collar_number) do nothing`,
    [history.forceId, history.officerPrefix, JSON.stringify(givenNames), givenNames.length, JSON.stringify(familyNames), familyNames.length, history.officers],
  );
  await trx.raw(
    `create temp table usage_officers on commit drop as
     select cast(row_number() over (order by collar_number) - 1 as integer) as k, id from officers
     where force_id = ? and collar_number like ? and char_length(collar_number) = ?`,
    [history.forceId, `${history.officerPrefix}%`, history.officerPrefix.length + 3],
  );
}

const seededTables = ['officers', 'victims', 'cases', 'case_events', 'invites', 'sessions', 'messages', 'outbox', 'audit_log'];

async function countOf(trx: Knex.Transaction, sql: string): Promise<number> {
  const { rows } = await trx.raw<{ rows: { count: number }[] }>(`select cast(count(*) as integer) as count from ${sql}`);
  return rows[0]?.count ?? 0;
}

/**
 * Seed a force's history of portal use up to now, in one transaction and a dozen set-based
 * statements (no row-by-row inserts): cases and victims, invites, the records system's events
 * with deadlines and tellings, sign-ins, threads, the outbox's notifications and the audit
 * log, consistent with each other as the service would have written them. The shape is in
 * seed-usage-model.ts. Not idempotent: call it once per force and prefix.
 * @returns how many rows of each kind, and the time taken
 */
export async function seedUsageHistory(db: Knex, history: UsageHistory): Promise<UsageHistoryCounts> {
  const started = Date.now();
  const counts = await db.transaction(async (trx) => {
    const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select now() as now');
    const now = (rows[0] as { now: Date }).now;
    await trx.raw("select set_config('work_mem', ?, true)", [history.workMem ?? '64MB']);
    await trx.raw('select setseed(?)', [history.randomSeed ?? 0.42]);
    // Messages draw seqs: in the force's thread order, like every other writer.
    await lockForceThreads(trx, history.forceId);
    await seedOfficers(trx, history);
    await trx.raw(
      `create temp table usage_params on commit drop as
       select f.id as force_id, cast(? as uuid) as api_key_id, cast(? as text) as reference_prefix, cast(? as text) as victim_prefix,
              f.sender_name, f.invite_ttl_days, now() as now_at, cast(? as float8) as untold_share
       from forces f where f.id = ?`,
      [history.apiKeyId, history.referencePrefix, history.victimRefPrefix, history.untoldShare ?? 0, history.forceId],
    );
    for (const [table, columns, data] of lookupTables(now, history.days)) {
      await trx.raw(`create temp table ${table} on commit drop as select * from jsonb_to_recordset(cast(? as jsonb)) as x(${columns})`, [JSON.stringify(data)]);
    }
    const officers = await countOf(trx, 'usage_officers');
    const names = JSON.stringify({ given: givenNames, family: familyNames });
    await trx.raw(drawCases, [history.days + 1, history.cases, names, Math.max(officers, 1)]);
    // Statistics on each drawn table, so that the next statement joins it by hash, not in loops.
    await trx.raw('analyze usage_cases');
    for (const [statement, table] of [[drawInvites, 'usage_invites'], [drawEvents, 'usage_events'], [drawSignIns, 'usage_sign_ins'], [drawMessages, 'usage_messages']] as const) {
      await trx.raw(statement);
      await trx.raw(`analyze ${table}`);
    }
    for (const statement of [writeVictims, writeCases, writeEvents, writeInvites]) await trx.raw(statement);
    await trx.raw(writeMessages, [JSON.stringify({ victim: victimWords, officer: officerWords })]);
    // Sign-ins last, in time order: each notes the history before it as it is written (0014),
    // looking it up by index in the tables just filled, by plans made from their statistics.
    // The first week's first, so that sessions has statistics before the rest (a plan made for
    // an empty table would read every sign-in so far for each one).
    await trx.raw('analyze cases, case_events, messages');
    const { rows: [first] } = await trx.raw<{ rows: { week: Date }[] }>("select min(at) + interval '7 days' as week from usage_sign_ins");
    await trx.raw(writeSessions, { from: '-infinity', to: first?.week ?? 'infinity' });
    await trx.raw('analyze sessions');
    await trx.raw(writeSessions, { from: first?.week ?? 'infinity', to: 'infinity' });
    const notifications = (await trx.raw<{ rowCount: number }>(writeOutbox)).rowCount;
    const auditEvents = (await trx.raw<{ rowCount: number }>(writeAuditLog)).rowCount;
    const cases = await countOf(trx, 'usage_cases');
    return {
      cases,
      invites: await countOf(trx, 'usage_invites'),
      victimsSignedIn: await countOf(trx, '(select distinct victim_id from usage_sign_ins) v'),
      signIns: await countOf(trx, 'usage_sign_ins'),
      messages: await countOf(trx, 'usage_messages'),
      caseEvents: (await countOf(trx, 'usage_events')) + cases + (await countOf(trx, 'usage_cases where oic_officer_id is not null')),
      notifications,
      auditEvents,
    };
  });
  // Statistics for the planner: PGlite has no autovacuum to gather them, and without them the
  // report's joins over thousands of rows are planned as if each table held one.
  await db.raw(`analyze ${seededTables.join(', ')}`);
  return { ...counts, milliseconds: Date.now() - started };
}

/**
 * The demo force's last 3 months (demoUsage), for the force's reports and dashboard, seeded on
 * the first start only: the history's cases are found by their crime references after that.
 * Its duties were all told, so the demo's duties list keeps the demo cases' own.
 * @returns what was seeded, or undefined when the history was already there
 */
export async function seedDemoUsage(db: Knex, forceId: string): Promise<UsageHistoryCounts | undefined> {
  const seeded = await db('cases').first('id').where({ force_id: forceId }).andWhere('crime_reference', 'like', `${demoUsage.referencePrefix}%`);
  if (seeded) return undefined;
  const key = await db('api_keys').first<{ id: string } | undefined>('id').where({ force_id: forceId }).orderBy('created_at');
  if (!key) throw new Error('the demo force has no API key');
  return seedUsageHistory(db, { forceId, apiKeyId: key.id, ...demoUsage });
}
