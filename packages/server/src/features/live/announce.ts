import type { Knex } from 'knex';
import type { WebhookEvent } from '@victim-portal/contract';
import { enqueueWebhook } from '../../outbox/webhooks.js';
import { loadThreadEvents, type ThreadEventRecord } from '../messages/read-model.js';
import { defaultReplyNotifyDelaySeconds, queueReplyNotification } from './reply-notification.js';

/** Something added to a case's thread, announced inside the transaction that adds it. */
export interface ThreadEvent {
  forceId: string;
  caseId: string;
  /** The row's `seq` (messages or read_receipts), as a string: a bigint. */
  seq: string;
  type: 'message.created' | 'update.requested' | 'message.read';
}

/** The PostgreSQL NOTIFY channel that carries ThreadEvents to every instance's live hub. */
export const threadChannel = 'vp_thread';

/** Settings of the announcements made through one database (one per server, in practice). */
export interface AnnouncementSettings {
  /** Seconds between an officer's message and the victim's notification of it. Default 120. */
  replyNotifyDelaySeconds: number;
}

// Keyed by the knex client's config, which a transaction shares with the knex it came from:
// announceThreadEvent is given only the transaction.
const settingsByDatabase = new WeakMap<object, AnnouncementSettings>();
const configOf = (db: Knex | Knex.Transaction): object => (db as unknown as { client: { config: object } }).client.config;

/**
 * Set how announcements through this database behave (startServer does, from ServerOptions).
 * @returns a function that puts back what was there before
 */
export function configureAnnouncements(db: Knex, settings: Partial<AnnouncementSettings>): () => void {
  const key = configOf(db);
  const before = settingsByDatabase.get(key);
  const mine: AnnouncementSettings = { replyNotifyDelaySeconds: settings.replyNotifyDelaySeconds ?? defaultReplyNotifyDelaySeconds };
  settingsByDatabase.set(key, mine);
  return () => {
    if (settingsByDatabase.get(key) !== mine) return;
    if (before) settingsByDatabase.set(key, before);
    else settingsByDatabase.delete(key);
  };
}

/** The webhook body for a thread event (the contract's WebhookEvent). */
export function toWebhookEvent(record: ThreadEventRecord, at: Date = new Date()): WebhookEvent {
  const data: WebhookEvent['data'] = { caseId: record.caseId, crimeReference: record.crimeReference };
  if (record.data.message) data.message = record.data.message;
  if (record.data.read) data.read = record.data.read;
  if (record.reader) data.reader = record.reader;
  return { type: record.type, timestamp: record.data.message?.sentAt ?? at.toISOString(), data };
}

/**
 * Call in the same transaction as the insert into `messages` or `read_receipts`, after it, holding
 * the force's thread lock. If and only if the transaction commits: the records system gets a
 * webhook (outbox), the victim is told of an officer's message (outbox, delayed, no content),
 * and every instance's live streams hear of it (NOTIFY, delivered on commit).
 * @returns the event as it was read back (the stored message, for the writer's answer)
 */
export async function announceThreadEvent(trx: Knex.Transaction, event: ThreadEvent): Promise<ThreadEventRecord> {
  const only = event.type === 'message.read' ? 'receipts' : 'messages';
  const [record] = await loadThreadEvents(trx, { forceId: event.forceId, seqs: [event.seq], only });
  if (!record) throw new Error(`thread event ${event.seq} could not be read back`);
  await enqueueWebhook(trx, event.forceId, toWebhookEvent(record));
  if (record.data.message?.author.type === 'officer') {
    const settings = settingsByDatabase.get(configOf(trx));
    await queueReplyNotification(trx, event.forceId, event.caseId, event.seq, settings?.replyNotifyDelaySeconds ?? defaultReplyNotifyDelaySeconds);
  }
  const notice: ThreadEvent = { forceId: event.forceId, caseId: event.caseId, seq: event.seq, type: event.type };
  await trx.raw('select pg_notify(?, ?)', [threadChannel, JSON.stringify(notice)]);
  return record;
}
