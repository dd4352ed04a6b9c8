import type { Knex } from 'knex';
import type { ClaimedRow } from './claimed-row.js';

/** Why a claimed row is not to be sent, and what it must still say for the cancellation to hold. */
export interface Cancellation {
  /** A short code for last_error: cancelled_read, cancelled_hidden, cancelled_opted_out, cancelled_told, dropped_done. */
  cancelled: string;
  /** For a "new message" notification: the message it was checked against. */
  messageSeq?: string;
}

/**
 * A row not to be sent, on purpose and for good: recorded as given up, the reason as the error.
 * A "new message" notification only if it still announces the message that was checked: a reply
 * queued meanwhile moves it on (features/live/reply-notification.ts), and then it is checked
 * again. Only while the lease is ours.
 * @returns whether it was cancelled
 */
export async function cancelClaimed(db: Knex | Knex.Transaction, row: ClaimedRow, leaseId: string, cancellation: Cancellation): Promise<boolean> {
  const { cancelled: code, messageSeq } = cancellation;
  const guard = messageSeq === undefined ? '' : `and payload->>'messageSeq' = ?`;
  const { rows } = await db.raw<{ rows: { cancelled: number }[] }>(
    `with cancelled as (
       update outbox set last_error = ?, lease_id = null, failed_at = now()
       where id = ? and force_id = ? and lease_id = cast(? as uuid) and sent_at is null ${guard}
       returning id
     ),
     logged as (
       update outbox_attempts set finished_at = now(), outcome = 'gave_up', error = ?
       where force_id = ? and outbox_id = ? and lease_id = cast(? as uuid) and exists (select 1 from cancelled)
     )
     select cast(count(*) as integer) as cancelled from cancelled`,
    [code, row.id, row.force_id, leaseId, ...(messageSeq === undefined ? [] : [messageSeq]), code, row.force_id, row.id, leaseId],
  );
  return (rows[0]?.cancelled ?? 0) > 0;
}
