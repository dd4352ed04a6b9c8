import type { Knex } from 'knex';
import type { Cancellation } from './cancellation.js';
import { caseUpdateCancelled } from './case-update.js';
import type { ClaimedRow } from './claimed-row.js';
import type { Notification } from './outbox.js';
import { replyNotificationCancelled } from './reply-cancellation.js';
import { PermanentDeliveryError, type NotificationSender, type SendReceipt } from './sender.js';
import { renderNotification } from './templates.js';
import { victimGate } from './victim-gate.js';

/** What became of a claimed notification: sent (the provider's receipt), cancelled, or put off. */
export type NotificationOutcome = { sent: SendReceipt | void } | Cancellation | { deferUntil: Date };

/**
 * Check a claimed notification against what changed since it was queued, then send it. A "sign
 * in to read it" notification (new_message, case_update) is cancelled when there is nothing left
 * to read (read, or told another way), the case is hidden or the victim opted out, and put off
 * while the victim's quiet hours last.
 */
export async function dispatchNotification(db: Knex, sender: NotificationSender | undefined, row: ClaimedRow): Promise<NotificationOutcome> {
  if (row.kind !== 'notification' || !sender) throw new PermanentDeliveryError('unknown_kind');
  const notification = row.payload as Notification;
  if (notification.template === 'new_message' || notification.template === 'case_update') {
    const stale = notification.template === 'new_message'
      ? await replyNotificationCancelled(db, row.force_id, notification)
      : await caseUpdateCancelled(db, row.force_id, notification);
    if (stale) return notification.template === 'new_message' ? { cancelled: stale, messageSeq: notification.messageSeq } : { cancelled: stale };
    const gate = await victimGate(db, row.force_id, notification.caseId);
    if (gate && 'cancelled' in gate && notification.template === 'new_message') return { ...gate, messageSeq: notification.messageSeq };
    if (gate) return gate;
  }
  const rendered = renderNotification(notification);
  const sent = await sender.send(rendered, { outboxId: row.id, forceId: row.force_id, attempt: row.attempts, notification, notifyTemplates: row.notify_templates ?? {} });
  return { sent };
}
