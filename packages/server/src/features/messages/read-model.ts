/**
 * How a case's thread reads: messages and read receipts as the contract shows them, the
 * thread's events in sequence order (for live streams, their resume and webhooks), and who may
 * see a case's thread now. Every query is scoped to one force.
 */
import type { Knex } from 'knex';
import type { Message, Rank, ReadState, StreamEvent, ThreadNotice } from '@victim-portal/contract';
import { validVictimSession } from '../../auth/victim-session.js';
import { runStatement, statement } from '../../db/statement.js';
import { absentNow, officerSeesCase } from '../officers/cover.js';

/** A messages row as read by this module: with its author officer and when it was first read. */
export interface MessageRow {
  /** messages.seq as text: a bigint. */
  seq: string;
  id: string;
  case_id: string;
  crime_reference: string;
  kind: Message['kind'];
  author_type: Message['author']['type'];
  body: string | null;
  notice: ThreadNotice | null;
  created_at: Date;
  author_collar_number: string | null;
  author_display_name: string | null;
  author_rank: Rank | null;
  /** When the other side first read up to this message (null for notices). */
  read_at: Date | null;
}

/**
 * A messages row as the contract's Message. The author officer is shown as they are stored now.
 * @returns the message
 */
export function toMessage(row: MessageRow): Message {
  const author: Message['author'] = { type: row.author_type };
  if (row.author_type === 'officer' && row.author_collar_number && row.author_display_name && row.author_rank) {
    author.officer = { collarNumber: row.author_collar_number, displayName: row.author_display_name, rank: row.author_rank };
  }
  const message: Message = {
    id: row.id,
    cursor: row.seq,
    caseId: row.case_id,
    kind: row.kind,
    author,
    body: row.body,
    sentAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
  if (row.notice) message.notice = row.notice;
  return message;
}

// A receipt covers every message up to its up_to_seq; receipts never move back, so the first
// one of the other side that reaches a message is when that message was first read.
const messageSelect = `
  select cast(m.seq as text) as seq, m.id, m.case_id, c.crime_reference, m.kind, m.author_type, m.body, m.notice, m.created_at,
    o.collar_number as author_collar_number, o.display_name as author_display_name, o.rank as author_rank,
    (select min(r.read_at) from read_receipts r
     where r.force_id = m.force_id and r.case_id = m.case_id and r.up_to_seq >= m.seq
       and r.reader = case m.author_type when 'victim' then 'officer' when 'officer' then 'victim' end) as read_at
  from messages m
  join cases c on c.force_id = m.force_id and c.id = m.case_id
  left join officers o on o.force_id = m.force_id and o.id = m.author_officer_id`;

const casePage = statement(
  'thread_case_page',
  `${messageSelect}
   where m.force_id = :forceId and m.case_id = :caseId and m.seq > cast(:afterSeq as bigint)
   order by m.seq limit cast(:limit as integer)`,
);

/**
 * One page of a case's thread, oldest first. Does not check who may see it.
 * @param afterSeq a cursor; the page starts after it (default: the start of the thread)
 * @returns up to `limit` messages
 */
export async function loadCaseMessages(db: Knex, forceId: string, caseId: string, options: { afterSeq?: string; limit: number }): Promise<Message[]> {
  const rows = await runStatement<MessageRow>(db, casePage, { forceId, caseId, afterSeq: options.afterSeq ?? '0', limit: options.limit });
  return rows.map(toMessage);
}

/** @returns the stored message with this client id on this case, if any */
export async function loadMessageById(db: Knex | Knex.Transaction, forceId: string, caseId: string, messageId: string): Promise<Message | undefined> {
  const { rows } = await db.raw<{ rows: MessageRow[] }>(`${messageSelect} where m.force_id = ? and m.case_id = ? and m.id = ?`, [forceId, caseId, messageId]);
  const [row] = rows;
  return row ? toMessage(row) : undefined;
}

const readStateSql = `
  select
    (select cast(max(up_to_seq) as text) from read_receipts where force_id = :forceId and case_id = :caseId and reader = 'victim') as victim,
    (select cast(max(up_to_seq) as text) from read_receipts where force_id = :forceId and case_id = :caseId and reader = 'officer') as officer`;
const readStateOfCase = statement('thread_read_state', readStateSql);

/** @returns how far each side has read the case's thread */
export async function loadReadState(db: Knex, forceId: string, caseId: string): Promise<ReadState> {
  const [row] = await runStatement<ReadState>(db, readStateOfCase, { forceId, caseId });
  return { victim: row?.victim ?? null, officer: row?.officer ?? null };
}

/** One event of a thread, in the order of the threads' shared sequence. */
export interface ThreadEventRecord {
  /** The event's position (messages.seq or read_receipts.seq), as text: the stream's event id. */
  seq: string;
  caseId: string;
  crimeReference: string;
  /** `update.requested` for an update request; its `data.type` stays `message.created`. */
  type: 'message.created' | 'update.requested' | 'message.read';
  data: StreamEvent;
  /** For `message.read`, who read (the contract's WebhookEvent `reader`). */
  reader?: 'victim' | 'officer';
}

export interface ThreadEventFilter {
  forceId: string;
  /** Only these cases (an empty list gives no events). */
  caseIds?: string[];
  /** Only these events, by seq (an empty list gives no events); caseIds and afterSeq are then ignored. */
  seqs?: string[];
  /** Only events after this seq (a Last-Event-ID). */
  afterSeq?: string;
  /** At most this many (default 1000). */
  limit?: number;
  /** Only messages or only read receipts, when the caller knows which (saves a query). */
  only?: 'messages' | 'receipts';
}

// One statement per kind of lookup rather than one with "parameter is null or …" filters:
// prepared statements get a generic plan after a few runs, and a generic plan for the catch-all
// form cannot use the primary key for a lookup by seq, so the lookup that announceThreadEvent
// does under the force's thread lock became a scan of the force's whole history.
type EventLookup = 'bySeq' | 'byCase' | 'byForce';
const eventFilters: Record<EventLookup, (alias: string) => string> = {
  bySeq: (alias) => `${alias}.force_id = :forceId and ${alias}.seq = any(cast(:seqs as bigint[]))`,
  byCase: (alias) => `${alias}.force_id = :forceId and ${alias}.case_id = any(cast(:caseIds as uuid[])) and ${alias}.seq > cast(:afterSeq as bigint)`,
  byForce: (alias) => `${alias}.force_id = :forceId and ${alias}.seq > cast(:afterSeq as bigint)`,
};
const lookups = Object.keys(eventFilters) as EventLookup[];

const messageEvents = Object.fromEntries(
  lookups.map((lookup) => [lookup, statement(`thread_message_events_${lookup}`, `${messageSelect} where ${eventFilters[lookup]('m')} order by m.seq limit cast(:limit as integer)`)]),
) as Record<EventLookup, ReturnType<typeof statement>>;

interface ReceiptRow {
  seq: string;
  case_id: string;
  crime_reference: string;
  reader: 'victim' | 'officer';
  victim_up_to: string | null;
  officer_up_to: string | null;
}

// The read state as it was just after the receipt: receipts never move back, so the highest
// up_to_seq of each side at or before it.
const upToAt = (reader: string) => `(select cast(max(x.up_to_seq) as text) from read_receipts x
  where x.force_id = r.force_id and x.case_id = r.case_id and x.reader = '${reader}' and x.seq <= r.seq)`;
const receiptEvents = Object.fromEntries(
  lookups.map((lookup) => [
    lookup,
    statement(
      `thread_receipt_events_${lookup}`,
      `select cast(r.seq as text) as seq, r.case_id, c.crime_reference, r.reader,
         ${upToAt('victim')} as victim_up_to, ${upToAt('officer')} as officer_up_to
       from read_receipts r
       join cases c on c.force_id = r.force_id and c.id = r.case_id
       where ${eventFilters[lookup]('r')} order by r.seq limit cast(:limit as integer)`,
    ),
  ]),
) as Record<EventLookup, ReturnType<typeof statement>>;

/**
 * The thread events of a force (messages and read receipts), ordered by seq. Give it a
 * transaction to read events that transaction has written (as announceThreadEvent does). Within a force the
 * seq order is the commit order (writers hold the force's thread lock), so everything after a
 * Last-Event-ID that is committed now is returned.
 * @returns up to `limit` events, oldest first
 */
export async function loadThreadEvents(db: Knex, filter: ThreadEventFilter): Promise<ThreadEventRecord[]> {
  if (filter.caseIds?.length === 0 || filter.seqs?.length === 0) return [];
  const limit = filter.limit ?? 1000;
  const lookup: EventLookup = filter.seqs ? 'bySeq' : filter.caseIds ? 'byCase' : 'byForce';
  const afterSeq = filter.afterSeq ?? '0';
  // Each statement names only its own parameters: a lookup by seq ignores caseIds and afterSeq.
  const values: Record<string, unknown> =
    lookup === 'bySeq'
      ? { forceId: filter.forceId, seqs: filter.seqs, limit }
      : lookup === 'byCase'
        ? { forceId: filter.forceId, caseIds: filter.caseIds, afterSeq, limit }
        : { forceId: filter.forceId, afterSeq, limit };
  // The first `limit` of the union are among the first `limit` of each.
  const [messages, receipts] = await Promise.all([
    filter.only === 'receipts' ? [] : runStatement<MessageRow>(db, messageEvents[lookup], values),
    filter.only === 'messages' ? [] : runStatement<ReceiptRow>(db, receiptEvents[lookup], values),
  ]);
  const events: ThreadEventRecord[] = [
    ...messages.map((row): ThreadEventRecord => ({
      seq: row.seq,
      caseId: row.case_id,
      crimeReference: row.crime_reference,
      type: row.kind === 'update_request' ? 'update.requested' : 'message.created',
      data: { type: 'message.created', caseId: row.case_id, message: toMessage(row) },
    })),
    ...receipts.map((row): ThreadEventRecord => ({
      seq: row.seq,
      caseId: row.case_id,
      crimeReference: row.crime_reference,
      type: 'message.read',
      data: { type: 'message.read', caseId: row.case_id, read: { victim: row.victim_up_to, officer: row.officer_up_to } },
      reader: row.reader,
    })),
  ];
  events.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  return events.slice(0, limit);
}

/** Who is asking to see threads: a victim by session, or an officer by token. */
export type ThreadAudience =
  | { kind: 'victim'; sessionTokenHash: string }
  /** With `tokenId`, the officer's token must also be unexpired (else 'signed_out'). */
  | { kind: 'officer'; forceId: string; officerId: string; tokenId?: string };

export type VisibleCases =
  | { kind: 'victim'; forceId: string; victimId: string; caseIds: string[] }
  | { kind: 'officer'; forceId: string; officerId: string; caseIds: string[] };

// As features/me/store.ts: the session's force and victim, cases not hidden from the victim.
// A left join, so a valid session with no case still gives a row.
const victimCases = statement(
  'thread_victim_cases',
  `select s.force_id, s.victim_id, c.id as case_id
   from sessions s
   left join cases c on c.force_id = s.force_id and c.victim_id = s.victim_id and not c.hidden_from_victim
   where ${validVictimSession}`,
);

const officerCases = statement(
  'thread_officer_cases',
  `select c.id as case_id
   from cases c
   left join officers oic on oic.force_id = c.force_id and oic.id = c.oic_officer_id
   where c.force_id = :forceId and ${officerSeesCase('c', 'oic', ':officerId')}`,
);

const officerTokenValid = statement(
  'thread_officer_token_valid',
  `select 1 as valid from officer_tokens t join api_keys k on k.id = t.api_key_id
   where t.id = :tokenId and t.force_id = :forceId and t.officer_id = :officerId and t.expires_at > now() and k.revoked_at is null`,
);

/**
 * The cases whose threads the audience may see now: a victim's own cases not hidden from them
 * (while the session is valid); an officer's cases as officer in charge, or as cover for an
 * officer in charge whose absence is in force now.
 * @returns the case ids, or 'signed_out' when the victim's session (or the officer's token,
 *   when its id is given) is no longer valid
 */
export async function casesVisibleTo(db: Knex, audience: ThreadAudience): Promise<VisibleCases | 'signed_out'> {
  if (audience.kind === 'victim') {
    const rows = await runStatement<{ force_id: string; victim_id: string; case_id: string | null }>(db, victimCases, { sessionTokenHash: audience.sessionTokenHash });
    const [first] = rows;
    if (!first) return 'signed_out';
    return { kind: 'victim', forceId: first.force_id, victimId: first.victim_id, caseIds: rows.flatMap((row) => (row.case_id ? [row.case_id] : [])) };
  }
  const { forceId, officerId, tokenId } = audience;
  if (tokenId !== undefined) {
    const [valid] = await runStatement(db, officerTokenValid, { tokenId, forceId, officerId });
    if (!valid) return 'signed_out';
  }
  const rows = await runStatement<{ case_id: string }>(db, officerCases, { forceId, officerId });
  return { kind: 'officer', forceId, officerId, caseIds: rows.map((row) => row.case_id) };
}

/** Who may see a case's thread events now. */
export interface CaseAudience {
  victimId: string;
  /** The officer in charge, and the officer covering them while their absence is in force. */
  officerIds: string[];
  /** The victim does not see the case (the force's eligibility rules hide it for safety). */
  hiddenFromVictim: boolean;
}

const caseAudience = statement(
  'thread_case_audience',
  `select c.victim_id, c.hidden_from_victim, c.oic_officer_id,
     case when ${absentNow('oic')} then oic.covered_by_officer_id end as covering_officer_id
   from cases c
   left join officers oic on oic.force_id = c.force_id and oic.id = c.oic_officer_id
   where c.force_id = :forceId and c.id = :caseId`,
);

/** @returns who may see this case's events now, or undefined when the force has no such case */
export async function audienceOfCase(db: Knex, forceId: string, caseId: string): Promise<CaseAudience | undefined> {
  const [row] = await runStatement<{ victim_id: string; hidden_from_victim: boolean; oic_officer_id: string | null; covering_officer_id: string | null }>(
    db,
    caseAudience,
    { forceId, caseId },
  );
  if (!row) return undefined;
  const officerIds = [row.oic_officer_id, row.covering_officer_id].filter((id): id is string => id !== null);
  return { victimId: row.victim_id, officerIds, hiddenFromVictim: row.hidden_from_victim };
}
