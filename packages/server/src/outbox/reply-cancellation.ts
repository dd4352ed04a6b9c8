import type { Knex } from 'knex';
import type { NewMessageNotification } from './outbox.js';

/**
 * Whether a queued "new message" notification should no longer go, checked when a worker picks
 * it up: the victim has read up to the message it announces (they were connected, or came back
 * by themselves; any instance may have recorded the receipt), or the case is now hidden from
 * them (the force's rules rule it out for safety), or gone.
 * @returns why it is cancelled (a short code for last_error), or undefined to send it
 */
export async function replyNotificationCancelled(db: Knex, forceId: string, notification: NewMessageNotification): Promise<'cancelled_read' | 'cancelled_hidden' | undefined> {
  const { rows } = await db.raw<{ rows: { read: boolean; hidden: boolean }[] }>(
    `select
       exists (select 1 from read_receipts r
               where r.force_id = ? and r.case_id = ? and r.reader = 'victim' and r.up_to_seq >= cast(? as bigint)) as read,
       coalesce((select c.hidden_from_victim from cases c where c.force_id = ? and c.id = ?), true) as hidden`,
    [forceId, notification.caseId, notification.messageSeq, forceId, notification.caseId],
  );
  const [state] = rows;
  if (state?.hidden) return 'cancelled_hidden';
  if (state?.read) return 'cancelled_read';
  return undefined;
}
