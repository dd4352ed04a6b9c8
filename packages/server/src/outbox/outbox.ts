import type { Knex } from 'knex';

interface ToVictim {
  channel: 'email' | 'sms';
  /** Email address or E.164 mobile number. */
  to: string;
  senderName: string;
  language: 'en' | 'cy';
}

/** An invite for a case, or a sign-in link a returning victim asked for. */
export interface LinkNotification extends ToVictim {
  template: 'invite' | 'sign_in_link';
  /** The invite the link redeems: a notification still queued when it is revoked is cancelled. */
  inviteId?: string;
  /** Removed from the stored row once delivered: the link is a sign-in credential. */
  inviteLink?: string;
  expiresAt: string;
}

/** A one-time code for the second factor. */
export interface CodeNotification extends ToVictim {
  template: 'one_time_code';
  /** Removed from the stored row once delivered. */
  code?: string;
  expiresAt: string;
}

/** Something an officer must act on, sent to the force's alert address. */
export interface ForceAlertNotification {
  template: 'force_alert';
  channel: 'email';
  to: string;
  senderName: string;
  alert: 'invite_locked';
  /** Force alerts go to the force's own staff, so they may name the case. */
  caseId?: string;
  crimeReference: string | null;
}

/**
 * "You have a new message: sign in to read it", to the victim after an officer replied. Never
 * the message, the crime or the officer. Cancelled when the worker picks it up if the victim
 * has read up to `messageSeq` meanwhile, or the case is now hidden from them.
 */
export interface NewMessageNotification extends ToVictim {
  template: 'new_message';
  caseId: string;
  /** The newest officer message it announces (messages.seq as text); moves on while it waits. */
  messageSeq: string;
}

/**
 * "There is an update on your case: sign in to read it", after a key decision or update was
 * recorded. Never the update, the crime or its reference. While it waits, further updates on
 * the case join it (`eventIds`) instead of adding another. When the provider accepts it, each
 * event still untold becomes told by 'notification' (features/duties/telling.ts).
 */
export interface CaseUpdateNotification extends ToVictim {
  template: 'case_update';
  caseId: string;
  /** The case events it announces. */
  eventIds: string[];
}

export type Notification = LinkNotification | CodeNotification | ForceAlertNotification | NewMessageNotification | CaseUpdateNotification;

/** Payload fields that are credentials, cleared from the outbox once delivered. */
export const secretPayloadFields = ['inviteLink', 'code'] as const;

/**
 * Queue a notification. Pass the transaction that makes the change it announces: the
 * notification then exists if and only if the change committed (the transactional outbox).
 */
export async function enqueueNotification(trx: Knex.Transaction, forceId: string, notification: Notification): Promise<void> {
  await trx('outbox').insert({ force_id: forceId, kind: 'notification', payload: JSON.stringify(notification) });
}

/**
 * Cancel the notifications of withdrawn invites that are still waiting to be sent, so that a
 * victim whose case became unsafe to contact hears nothing. One a worker is sending right now
 * cannot be stopped (docs/notifications.md).
 * @returns how many were cancelled
 */
export async function cancelInviteNotifications(trx: Knex.Transaction, forceId: string, inviteIds: string[]): Promise<number> {
  if (inviteIds.length === 0) return 0;
  const clear = secretPayloadFields.reduce((payload, field) => `${payload} - '${field}'`, 'payload');
  return trx('outbox')
    .where({ force_id: forceId, kind: 'notification' })
    .whereNull('sent_at')
    .whereNull('failed_at')
    .whereRaw(`payload->>'inviteId' in (${inviteIds.map(() => '?').join(', ')})`, inviteIds)
    .update({ failed_at: trx.fn.now(), last_error: 'cancelled', payload: trx.raw(clear) });
}
