import type { Knex } from 'knex';
import type { NewMessageNotification } from '../../outbox/outbox.js';

/** How long after an officer's message the victim is told of it, unless they read it first. */
export const defaultReplyNotifyDelaySeconds = 120;

interface VictimContact {
  channel: 'email' | 'sms' | null;
  to: string | null;
  language: 'en' | 'cy';
  sender_name: string;
  hidden_from_victim: boolean;
  signed_in_before: boolean;
}

/**
 * Queue, in the transaction that adds an officer's message, the notification that tells the
 * victim there is something to read (never what). One per case at a time: while one waits, a
 * further message moves it on to that message instead of adding another. It goes after
 * `delaySeconds`, and the worker cancels it if the victim has read up to the message by then
 * (outbox/reply-cancellation.ts). Nothing is queued for a case hidden from its victim, a
 * victim with no contact, or one who has never signed in (they have no account to sign in to).
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
  // The same choice of channel as the invite's (eligibility/rules.ts): sms when preferred and
  // known, else email, else sms.
  const { rows } = await trx.raw<{ rows: VictimContact[] }>(
    `select
       case when v.preferred_channel = 'sms' and v.mobile is not null then 'sms'
            when v.email is not null then 'email'
            when v.mobile is not null then 'sms' end as channel,
       case when v.preferred_channel = 'sms' and v.mobile is not null then v.mobile else coalesce(v.email, v.mobile) end as "to",
       v.language, f.sender_name, c.hidden_from_victim,
       exists (select 1 from sessions s where s.force_id = c.force_id and s.victim_id = c.victim_id) as signed_in_before
     from cases c
     join victims v on v.force_id = c.force_id and v.id = c.victim_id
     join forces f on f.id = c.force_id
     where c.force_id = ? and c.id = ?`,
    [forceId, caseId],
  );
  const [victim] = rows;
  if (!victim || !victim.channel || !victim.to || victim.hidden_from_victim || !victim.signed_in_before) return false;
  const notification: NewMessageNotification = {
    template: 'new_message',
    channel: victim.channel,
    to: victim.to,
    senderName: victim.sender_name,
    language: victim.language,
    caseId,
    messageSeq,
  };
  await trx('outbox').insert({
    force_id: forceId,
    kind: 'notification',
    payload: JSON.stringify(notification),
    next_attempt_at: trx.raw(`now() + cast(? as integer) * interval '1 second'`, [delaySeconds]),
  });
  return true;
}
