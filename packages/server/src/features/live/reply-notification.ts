import type { Knex } from 'knex';
import type { NewMessageNotification } from '../../outbox/outbox.js';
import { afterQuietHours } from '../../outbox/quiet-hours.js';
import { mayNotify, victimContactFor } from '../../outbox/victim-contact.js';

/** How long after an officer's message the victim is told of it, unless they read it first. */
export const defaultReplyNotifyDelaySeconds = 120;

/**
 * Queue, in the transaction that adds an officer's message, the notification that tells the
 * victim there is something to read (never what). One per case at a time: while one waits, a
 * further message moves it on to that message instead of adding another. It goes after
 * `delaySeconds`, and the worker cancels it if the victim has read up to the message by then
 * (outbox/reply-cancellation.ts). Nothing is queued for a case hidden from its victim, a
 * victim with no contact, one who has never signed in (they have no account to sign in to), or
 * one who opted out of notifications; one due inside the victim's quiet hours waits until they
 * end (the worker checks both again when it picks it up: outbox/victim-gate.ts).
 * The caller holds the force's thread lock, so two messages cannot both find none waiting.
 * @returns whether a notification is now waiting for this message
 */
export async function queueReplyNotification(trx: Knex.Transaction, forceId: string, caseId: string, messageSeq: string, delaySeconds: number): Promise<boolean> {
  const moved = await trx('outbox')
    .where({ force_id: forceId, kind: 'notification' })
    .whereNull('sent_at')
    .whereNull('failed_at')
    .whereRaw(`payload->>'template' = 'new_message' and payload->>'caseId' = ?`, [caseId])
    .update({ payload: trx.raw(`jsonb_set(payload, '{messageSeq}', to_jsonb(cast(? as text)))`, [messageSeq]) });
  if (moved > 0) return true;
  const victim = await victimContactFor(trx, forceId, caseId);
  if (!mayNotify(victim)) return false;
  const notification: NewMessageNotification = {
    template: 'new_message',
    channel: victim.channel,
    to: victim.to,
    senderName: victim.sender_name,
    language: victim.language,
    caseId,
    messageSeq,
  };
  // On the database's clock, as the delay always was; then past the victim's quiet hours.
  const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select now() as now');
  const now = (rows[0] as { now: Date }).now;
  await trx('outbox').insert({
    force_id: forceId,
    kind: 'notification',
    payload: JSON.stringify(notification),
    next_attempt_at: afterQuietHours(new Date(now.getTime() + delaySeconds * 1000), victim.quiet_from, victim.quiet_until),
  });
  return true;
}
