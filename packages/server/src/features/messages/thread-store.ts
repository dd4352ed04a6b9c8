/**
 * Writing to and reading a case's thread, for a caller already allowed in (thread-access.ts).
 * Messages and receipts are only ever inserted: the database refuses any change (0007).
 */
import type { Knex } from 'knex';
import type { Message, MessagePage, ReadState, ThreadNotice } from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions, recordAudit, type AuditAction } from '../../audit/audit-log.js';
import { problem } from '../../http/problem.js';
import { announceThreadEvent } from '../live/announce.js';
import { officerSeesCase } from '../officers/cover.js';
import { loadCaseMessages, loadMessageById, loadReadState } from './read-model.js';
import type { ThreadAccess } from './thread-access.js';
import { lockForceThreads } from './thread-lock.js';

/** What a caller adds to a thread; the author follows from who they are. */
export interface NewMessage {
  /** The sender's own id for the message, which makes a retried send find the first one. */
  id: string;
  kind: 'text' | 'update_request';
  body: string | null;
}

interface StoredMessage {
  kind: string;
  author_type: string;
  author_officer_id: string | null;
  body: string | null;
}

function auditOf(access: ThreadAccess, action: AuditAction, reason: string) {
  return { forceId: access.forceId, ...access.actor, action, subjectType: 'case' as const, subjectId: access.caseId, reason };
}

/**
 * A system notice in the thread (a change of officer in charge), in the caller's transaction,
 * under the force's thread lock, and announced when it commits.
 * @returns the notice's seq
 */
export async function addNotice(trx: Knex.Transaction, forceId: string, caseId: string, notice: ThreadNotice): Promise<string> {
  await lockForceThreads(trx, forceId);
  const { rows } = await trx.raw<{ rows: { seq: string }[] }>(
    `insert into messages (id, force_id, case_id, kind, author_type, notice) values (gen_random_uuid(), ?, ?, 'notice', 'system', ?)
     returning cast(seq as text) as seq`,
    [forceId, caseId, JSON.stringify(notice)],
  );
  const seq = (rows[0] as { seq: string }).seq;
  await announceThreadEvent(trx, { forceId, caseId, seq, type: 'message.created' });
  return seq;
}

/**
 * Check again, under the thread lock, that the caller may still write to the thread: a change
 * of officer in charge takes the same lock, so an officer replaced a moment ago is refused
 * rather than writing after the notice that they were replaced, and a records system writing
 * "as the officer in charge" writes as whoever is in charge now.
 * @returns the officer who writes on the officer side, or null for the victim
 */
async function writerUnderLock(trx: Knex.Transaction, access: ThreadAccess): Promise<string | null> {
  if (access.side === 'officer' && access.asOfficerInCharge) {
    const row = await trx('cases').first<{ oic_officer_id: string | null } | undefined>('oic_officer_id').where({ force_id: access.forceId, id: access.caseId });
    if (!row?.oic_officer_id) throw problem('notAllowedToReply', 'The case has no officer in charge: assign one, or name the officer with collarNumber.');
    return row.oic_officer_id;
  }
  const victim = access.side === 'victim';
  const { rows } = await trx.raw<{ rows: unknown[] }>(
    `select 1 from cases c left join officers oic on oic.force_id = c.force_id and oic.id = c.oic_officer_id
     where c.force_id = ? and c.id = ? and ${victim ? 'not c.hidden_from_victim' : officerSeesCase('c', 'oic', '?')}`,
    victim ? [access.forceId, access.caseId] : [access.forceId, access.caseId, access.officerId, access.officerId],
  );
  if (rows.length > 0) return victim ? null : access.officerId;
  if (access.actor.actorType === 'force_api_key') throw problem('notAllowedToReply', 'That officer is no longer in charge of the case nor covering for them.');
  throw problem('notFound', 'There is no case with this id that you may see.');
}

/**
 * Add a message from the caller's side. Idempotent by the sender's id: the same id, kind,
 * author and body again returns the stored message (created false); the same id with anything
 * else is refused (409). Concurrent identical sends store one row: writers of a force's threads
 * take its lock before inserting, so the second finds the first committed.
 * @returns the message, and whether this call stored it
 */
export async function sendToThread(db: Knex, activity: ActivityRecorder, access: ThreadAccess, message: NewMessage): Promise<{ message: Message; created: boolean }> {
  const authorType = access.side;
  const created = await db.transaction(async (trx): Promise<Message | undefined> => {
    await lockForceThreads(trx, access.forceId);
    const authorOfficerId = await writerUnderLock(trx, access);
    const { rows } = await trx.raw<{ rows: { seq: string }[] }>(
      `insert into messages (id, force_id, case_id, kind, author_type, author_officer_id, body) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (force_id, case_id, id) do nothing
       returning cast(seq as text) as seq`,
      [message.id, access.forceId, access.caseId, message.kind, authorType, authorOfficerId, message.body],
    );
    const inserted = rows[0];
    if (!inserted) {
      const stored = await trx('messages')
        .select<StoredMessage[]>('kind', 'author_type', 'author_officer_id', 'body')
        .where({ force_id: access.forceId, case_id: access.caseId, id: message.id })
        .first();
      const same = stored?.kind === message.kind && stored.author_type === authorType && stored.author_officer_id === authorOfficerId && stored.body === message.body;
      if (!same) throw problem('messageIdReused', 'This case already has a different message with this id. Send a new message with a new id.');
      return undefined;
    }
    const isUpdateRequest = message.kind === 'update_request';
    await recordAudit(trx, auditOf(access, isUpdateRequest ? auditActions.updateRequested : auditActions.messageSent, `${authorType} sent message ${message.id}`));
    const event = await announceThreadEvent(trx, { forceId: access.forceId, caseId: access.caseId, seq: inserted.seq, type: isUpdateRequest ? 'update.requested' : 'message.created' });
    return event.data.message;
  });
  // A new message was read back inside its transaction (to announce it); a retry's is read now.
  const stored = created ?? (await loadMessageById(db, access.forceId, access.caseId, message.id));
  if (!stored) throw new Error('the message could not be read back');
  // A retry shows the stored message again: audited as a read of it.
  await activity.record(
    ...(created ? [] : [{ audit: auditOf(access, auditActions.threadRead, `${authorType} retried message ${message.id}`) }]),
    ...(access.touchSessionId ? [{ touchSessionId: access.touchSessionId }] : []),
  );
  return { message: stored, created: created !== undefined };
}

async function readStateIn(trx: Knex.Transaction, forceId: string, caseId: string): Promise<ReadState> {
  const { rows } = await trx.raw<{ rows: { reader: 'victim' | 'officer'; up_to: string }[] }>(
    `select reader, cast(max(up_to_seq) as text) as up_to from read_receipts where force_id = ? and case_id = ? group by reader`,
    [forceId, caseId],
  );
  return { victim: rows.find((row) => row.reader === 'victim')?.up_to ?? null, officer: rows.find((row) => row.reader === 'officer')?.up_to ?? null };
}

/**
 * Record that the caller's side has read the thread up to a message of it. A receipt never
 * moves back: up to a message at or before where the side has read adds nothing.
 * @returns where each side has now read up to
 */
export async function markThreadRead(db: Knex, activity: ActivityRecorder, access: ThreadAccess, upTo: string): Promise<ReadState> {
  const state = await db.transaction(async (trx) => {
    const message = await trx('messages').first('seq').where({ force_id: access.forceId, case_id: access.caseId, seq: upTo });
    if (!message) {
      throw problem('invalidRequest', 'upTo must be the cursor of a message in this thread.', { errors: [{ pointer: '/upTo', detail: 'is not the cursor of a message in this thread' }] });
    }
    await lockForceThreads(trx, access.forceId);
    const readerOfficerId = await writerUnderLock(trx, access);
    const before = await readStateIn(trx, access.forceId, access.caseId);
    const current = before[access.side];
    if (current !== null && BigInt(upTo) <= BigInt(current)) return before;
    const { rows } = await trx.raw<{ rows: { seq: string }[] }>(
      `insert into read_receipts (force_id, case_id, reader, reader_officer_id, up_to_seq) values (?, ?, ?, ?, ?) returning cast(seq as text) as seq`,
      [access.forceId, access.caseId, access.side, readerOfficerId, upTo],
    );
    await recordAudit(trx, auditOf(access, auditActions.threadMarkedRead, `${access.side} read the thread up to ${upTo}`));
    await announceThreadEvent(trx, { forceId: access.forceId, caseId: access.caseId, seq: (rows[0] as { seq: string }).seq, type: 'message.read' });
    return { ...before, [access.side]: upTo };
  });
  if (access.touchSessionId) await activity.record({ touchSessionId: access.touchSessionId });
  return state;
}

/**
 * One page of the thread, oldest first, with where each side has read up to. Answers once the
 * read's audit row is committed.
 * @returns the page; `nextCursor` is null on the page that reaches the newest message
 */
export async function readThreadPage(db: Knex, activity: ActivityRecorder, access: ThreadAccess, page: { after?: string; limit?: number }): Promise<MessagePage> {
  const limit = page.limit ?? 100;
  // One more than asked for says whether there is a next page.
  const [messages, read] = await Promise.all([
    loadCaseMessages(db, access.forceId, access.caseId, { afterSeq: page.after, limit: limit + 1 }),
    loadReadState(db, access.forceId, access.caseId),
  ]);
  const items = messages.slice(0, limit);
  const more = messages.length > limit;
  await activity.record(
    { audit: auditOf(access, auditActions.threadRead, `${access.actor.actorType} read ${items.length} messages of the thread`) },
    ...(access.touchSessionId ? [{ touchSessionId: access.touchSessionId }] : []),
  );
  return { items, nextCursor: more ? (items.at(-1)?.cursor ?? null) : null, read, officerInCharge: access.officerInCharge };
}
