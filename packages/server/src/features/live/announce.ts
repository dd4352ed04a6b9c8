import type { Knex } from 'knex';

/** Something added to a case's thread, announced inside the transaction that adds it. */
export interface ThreadEvent {
  forceId: string;
  caseId: string;
  /** The row's `seq` (messages or read_receipts), as a string: a bigint. */
  seq: string;
  type: 'message.created' | 'update.requested' | 'message.read';
}

/**
 * Call in the same transaction as the insert into `messages` or `read_receipts`, after it.
 * Live streams and webhooks hear of the event if and only if the transaction commits.
 * (Owned by the live/webhooks part: it adds the webhook and the victim's notification.)
 */
export async function announceThreadEvent(trx: Knex.Transaction, event: ThreadEvent): Promise<void> {
  await trx.raw('select pg_notify(?, ?)', ['vp_thread', JSON.stringify(event)]);
}
