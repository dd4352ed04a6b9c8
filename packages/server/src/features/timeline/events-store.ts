import type { Knex } from 'knex';
import type { CaseEvent, CaseEventCreate, Language, TellingRecord } from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions, recordAudit, type AuditEvent } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { problem } from '../../http/problem.js';
import { queueDueSoonWarning } from '../duties/due-soon.js';
import { queueCaseUpdateNotification } from '../duties/telling.js';
import { caseEventColumns, insertCaseEvent, toCaseEvent, type CaseEventRow } from './case-events.js';
import { eventWordingsOf } from './wording.js';
import { isKeyDecision } from './vocabulary.js';
import { addWorkingDays } from './working-days.js';

/** How far ahead of the service's clock a time may be: the records system's clock may run fast. */
const clockSkewMs = 5 * 60 * 1000;

/** Deadlines for telling the victim of a key decision, in working days (Victims' Code). */
const workingDaysToTell = { standard: 5, enhanced: 1 } as const;

function refuseFuture(time: Date, what: string): void {
  if (time.getTime() > Date.now() + clockSkewMs) throw problem('timeInFuture', `${what} is in the future.`);
}

function checkTelling(told: TellingRecord, occurredAt: Date): { at: Date; by: TellingRecord['method'] } {
  const at = new Date(told.toldAt);
  refuseFuture(at, 'toldAt');
  if (at.getTime() < occurredAt.getTime()) throw problem('timeBeforeEvent', 'toldAt is before the event happened: the victim cannot be told of it before then.');
  return { at, by: told.method };
}

interface LockedCase {
  enhanced_rights: boolean;
  language: Language;
}

/** Lock the force's case (FOR UPDATE): events of one case are recorded one after another. */
async function lockCase(trx: Knex.Transaction, forceId: string, caseId: string): Promise<LockedCase | undefined> {
  const { rows } = await trx.raw<{ rows: LockedCase[] }>(
    `select c.enhanced_rights, v.language from cases c join victims v on v.force_id = c.force_id and v.id = c.victim_id
     where c.force_id = ? and c.id = ? for update of c`,
    [forceId, caseId],
  );
  return rows[0];
}

function forceAudit(actor: ForceActor, action: AuditEvent['action'], caseId: string, reason: string): AuditEvent {
  return { forceId: actor.forceId, actorType: 'force_api_key', actorId: actor.apiKeyId, action, subjectType: 'case', subjectId: caseId, reason, requestId: actor.requestId };
}

/** @returns a mapper from stored events to what the force sees, worded in the victim's language */
async function forceView(db: Knex | Knex.Transaction, forceId: string, language: Language): Promise<(row: CaseEventRow) => CaseEvent> {
  const wordings = await eventWordingsOf(db, forceId);
  const now = new Date();
  return (row) => toCaseEvent(row, wordings.text(row.event_type, language), now);
}

/**
 * Record a key decision or update posted by the records system: the deadline for telling the
 * victim (visible key decisions only), the status derived again, the due-soon warning and the
 * victim's "there is an update" notification, and the audit row, all in one transaction.
 * @returns the event as stored, or undefined when the force has no such case
 */
export async function createCaseEvent(db: Knex, actor: ForceActor, caseId: string, body: CaseEventCreate): Promise<CaseEvent | undefined> {
  const occurredAt = new Date(body.occurredAt);
  refuseFuture(occurredAt, 'occurredAt');
  const told = body.told ? checkTelling(body.told, occurredAt) : null;
  const victimVisible = body.victimVisible ?? true;
  return db.transaction(async (trx) => {
    const locked = await lockCase(trx, actor.forceId, caseId);
    if (!locked) return undefined;
    const hasDuty = victimVisible && isKeyDecision(body.type);
    const dueBy = hasDuty ? addWorkingDays(occurredAt, locked.enhanced_rights ? workingDaysToTell.enhanced : workingDaysToTell.standard) : null;
    const row = await insertCaseEvent(trx, {
      forceId: actor.forceId,
      caseId,
      type: body.type,
      occurredAt,
      victimVisible,
      officerText: body.officerText ?? null,
      outcomeCode: body.type === 'case_closed' ? body.outcomeCode ?? null : null,
      dueBy,
      told,
    });
    if (dueBy && !told) await queueDueSoonWarning(trx, { forceId: actor.forceId, caseId, dueBy, eventId: row.id });
    // Nothing new to announce when the victim already heard it from the officer (`told`, or an
    // update_given, which records that they were updated another way).
    if (victimVisible && !told && body.type !== 'update_given') {
      await queueCaseUpdateNotification(trx, { forceId: actor.forceId, caseId, eventId: row.id });
    }
    const shown = victimVisible ? 'visible' : 'hidden';
    await recordAudit(trx, forceAudit(actor, auditActions.caseEventRecorded, caseId, `records system recorded ${body.type} (${shown}) as event ${row.id}`));
    return (await forceView(trx, actor.forceId, locked.language))(row);
  });
}

/**
 * Every event of the case, oldest first (in the order they happened), with deadlines and
 * tellings. Answers only once the read's audit row is committed.
 * @returns the events, or undefined when the force has no such case
 */
export async function listCaseEvents(db: Knex, activity: ActivityRecorder, actor: ForceActor, caseId: string): Promise<CaseEvent[] | undefined> {
  const found = await db('cases as c')
    .join('victims as v', function joinVictim() {
      this.on('v.force_id', '=', 'c.force_id').andOn('v.id', '=', 'c.victim_id');
    })
    .where({ 'c.force_id': actor.forceId, 'c.id': caseId })
    .first<{ language: Language } | undefined>('v.language');
  if (!found) return undefined;
  const rows = await db('case_events')
    .select<CaseEventRow[]>([...caseEventColumns])
    .where({ force_id: actor.forceId, case_id: caseId })
    .orderBy([{ column: 'occurred_at', order: 'asc' }, { column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }]);
  const view = await forceView(db, actor.forceId, found.language);
  await activity.record({ audit: forceAudit(actor, auditActions.caseEventsListed, caseId, 'records system listed the case events') });
  return rows.map(view);
}

/**
 * Record that an officer told the victim of an event another way. Only the first telling
 * counts: an event already told is returned as it is.
 * @returns the event as now stored, or undefined when the force has no such case or event
 */
export async function recordVictimTold(db: Knex, actor: ForceActor, caseId: string, eventId: string, telling: TellingRecord): Promise<CaseEvent | undefined> {
  return db.transaction(async (trx) => {
    const locked = await lockCase(trx, actor.forceId, caseId);
    if (!locked) return undefined;
    const event = await trx('case_events')
      .select<CaseEventRow[]>([...caseEventColumns])
      .where({ force_id: actor.forceId, case_id: caseId, id: eventId })
      .forUpdate()
      .first();
    if (!event) return undefined;
    const told = checkTelling(telling, event.occurred_at);
    let stored = event;
    if (!event.told_at) {
      const [updated] = await trx('case_events')
        .where({ force_id: actor.forceId, case_id: caseId, id: eventId })
        .update({ told_at: told.at, told_by: told.by })
        .returning<CaseEventRow[]>([...caseEventColumns]);
      stored = updated ?? event;
    }
    const outcome = event.told_at ? `already told by ${event.told_by}; unchanged` : `told by ${told.by}`;
    await recordAudit(trx, forceAudit(actor, auditActions.victimToldRecorded, caseId, `records system recorded telling of event ${eventId}: ${outcome}`));
    return (await forceView(trx, actor.forceId, locked.language))(stored);
  });
}

/**
 * One event as the force sees it (for webhooks), read in the caller's transaction.
 * @returns the event, or undefined when the case has no such event
 */
export async function readCaseEvent(db: Knex | Knex.Transaction, forceId: string, caseId: string, eventId: string): Promise<CaseEvent | undefined> {
  const row = await db('case_events')
    .select<CaseEventRow[]>([...caseEventColumns])
    .where({ force_id: forceId, case_id: caseId, id: eventId })
    .first();
  if (!row) return undefined;
  const victim = await db('cases as c')
    .join('victims as v', function joinVictim() {
      this.on('v.force_id', '=', 'c.force_id').andOn('v.id', '=', 'c.victim_id');
    })
    .where({ 'c.force_id': forceId, 'c.id': caseId })
    .first<{ language: Language }>('v.language');
  return (await forceView(db, forceId, victim.language))(row);
}
