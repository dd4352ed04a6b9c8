import type { Knex } from 'knex';
import type { NotifyTemplates, WebhookEvent } from '@victim-portal/contract';
import type { DueSoonPayload } from '../features/duties/due-soon.js';
import { secretPayloadFields, type Notification } from './outbox.js';
import { DeliveryError, PermanentDeliveryError } from './sender.js';
import { parkedUntil } from './webhooks.js';

/** When to try a failed notification again. */
export interface RetryPolicy {
  /** Delay after the first failure, doubled after each further one. Default 30 s. */
  baseSeconds: number;
  /** The longest delay. Default 1 hour. */
  capSeconds: number;
  /** Give up (mark the row failed) after this many attempts. Default 10: 1.5 to 3 hours of retrying, by the jitter. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseSeconds: 30, capSeconds: 3600, maxAttempts: 10 };

/** An outbox row a worker holds the lease of, with its force's delivery settings. */
export interface ClaimedRow {
  id: string;
  force_id: string;
  kind: string;
  payload: Notification | WebhookEvent | DueSoonPayload;
  attempts: number;
  notify_templates: NotifyTemplates | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  /** Only while it still signs: for 24 h after a rotation. */
  webhook_previous_secret: string | null;
}

/**
 * Seconds to wait before the next try: exponential, capped, with "equal jitter" (between half
 * and all of the step) so that rows that failed together do not all come back together.
 * @param attempt how many attempts have been made (1 after the first failure)
 */
export function backoffSeconds(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(step / 2 + (step / 2) * random()));
}

// Our own constant field names, not input: safe to write into the SQL.
const withoutSecrets = `payload${secretPayloadFields.map((field) => ` - '${field}'`).join('')}`;

/** A short code for the stored last_error: never a provider's message, which may quote contacts. */
export function errorCode(error: unknown): string {
  if (error instanceof DeliveryError || error instanceof PermanentDeliveryError) return error.message.slice(0, 60);
  return error instanceof Error ? error.name : 'Error';
}

/**
 * Record a row as sent. Links and codes are credentials: once sent, the outbox keeps no copy of
 * them. Recorded even if the lease ran out meanwhile: the provider has the message, so it must
 * not go again.
 * @returns whether this call recorded it (false: it was already recorded as sent)
 */
export async function recordSent(db: Knex | Knex.Transaction, row: ClaimedRow, leaseId: string, providerReference: string | null): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { sent: number }[] }>(
    `with sent as (
       update outbox set sent_at = now(), last_error = null, lease_id = null, payload = ${withoutSecrets}
       where id = ? and force_id = ? and sent_at is null
       returning id
     ),
     logged as (
       update outbox_attempts set finished_at = now(), outcome = 'sent', provider_reference = ?
       where force_id = ? and outbox_id = ? and lease_id = cast(? as uuid)
     )
     select cast(count(*) as integer) as sent from sent`,
    [row.id, row.force_id, providerReference, row.force_id, row.id, leaseId],
  );
  return (rows[0]?.sent ?? 0) > 0;
}

/**
 * Record a failed attempt: due again after the backoff, or given up on.
 * @returns whether the row was given up on
 */
export async function recordFailure(db: Knex, row: ClaimedRow, leaseId: string, error: unknown, retry: RetryPolicy, random: () => number): Promise<{ code: string; gaveUp: boolean }> {
  const code = errorCode(error);
  const gaveUp = error instanceof PermanentDeliveryError || row.attempts >= retry.maxAttempts;
  // Only while the lease is ours: after it ran out, another worker owns the row's schedule.
  // A row cancelled meanwhile (its invite was revoked) stays cancelled.
  await db.raw(
    `with failed as (
       update outbox set last_error = ?, lease_id = null,
         next_attempt_at = now() + cast(? as integer) * interval '1 second',
         failed_at = coalesce(failed_at, case when cast(? as boolean) then now() end),
         payload = case when cast(? as boolean) then ${withoutSecrets} else payload end
       where id = ? and force_id = ? and lease_id = cast(? as uuid) and sent_at is null
       returning id
     )
     update outbox_attempts set finished_at = now(), outcome = ?, error = ?
     where force_id = ? and outbox_id = ? and lease_id = cast(? as uuid)`,
    [code, backoffSeconds(row.attempts, retry, random), gaveUp, gaveUp, row.id, row.force_id, leaseId, gaveUp ? 'gave_up' : 'failed', code, row.force_id, row.id, leaseId],
  );
  return { code, gaveUp };
}

/**
 * Put a claimed row back as if it had not been claimed: not an attempt. A webhook whose force
 * has no URL or secret (any more) waits, never due, until the force sets them
 * (wakeParkedWebhooks); a notification that changed while it was being checked is due again;
 * one inside the victim's quiet hours waits until they end.
 */
export async function park(db: Knex, row: ClaimedRow, leaseId: string, until: string = parkedUntil): Promise<void> {
  await db.raw(
    `with parked as (
       update outbox set attempts = attempts - 1, lease_id = null, next_attempt_at = cast(? as timestamptz)
       where id = ? and force_id = ? and lease_id = cast(? as uuid) and sent_at is null
       returning id
     )
     delete from outbox_attempts where force_id = ? and outbox_id = ? and lease_id = cast(? as uuid)`,
    [until, row.id, row.force_id, leaseId, row.force_id, row.id, leaseId],
  );
}
