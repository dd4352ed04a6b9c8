import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { NotifyTemplates, WebhookEvent } from '@victim-portal/contract';
import { secretPayloadFields, type Notification } from './outbox.js';
import { DeliveryError, PermanentDeliveryError, type NotificationSender, type SendReceipt } from './sender.js';
import { renderNotification } from './templates.js';
import { httpWebhookSender, type WebhookSender } from './webhook-sender.js';
import { replyNotificationCancelled } from './reply-cancellation.js';
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

export interface OutboxWorkerOptions {
  db: Knex;
  /** Where notifications go. Without one, the worker sends webhooks only and notifications wait. */
  sender?: NotificationSender;
  /** Where webhooks go. Default: posted to each force's webhookUrl (httpWebhookSender). */
  webhooks?: WebhookSender;
  /** How often to look for due rows when nobody nudges; 0 never (nudges only). Default 1 s. */
  pollIntervalMs?: number;
  /** Told of each failed delivery (no personal data: the outbox id and a short error code). */
  onDeliveryFailure?: (failure: { outboxId: string; error: string; gaveUp?: boolean }) => void;
  retry?: Partial<RetryPolicy>;
  /**
   * How long a claimed row stays this worker's (s). Longer than any send can take (the Notify
   * adapter times out at 10 s); if the worker dies, the row is due again when it ends. Default 60.
   */
  leaseSeconds?: number;
  /** Rows claimed, and sent concurrently, at a time. Default 10. */
  batchSize?: number;
  /** Only these forces' rows (tests; or splitting the work by force). Default: every force. */
  onlyForces?: string[];
  /** Names the worker in outbox_attempts. Default host:pid:random. */
  workerId?: string;
  /** For tests: the jitter's source of randomness. */
  random?: () => number;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits for a delivery in progress. */
  stop(): Promise<void>;
  /** Look for due rows now, for example right after a commit that queued one. */
  nudge(): void;
  /** Deliver everything due, waiting until done. @returns how many were sent */
  deliverDue(): Promise<number>;
}

interface ClaimedRow {
  id: string;
  force_id: string;
  kind: string;
  payload: Notification | WebhookEvent;
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
function errorCode(error: unknown): string {
  if (error instanceof DeliveryError || error instanceof PermanentDeliveryError) return error.message.slice(0, 60);
  return error instanceof Error ? error.name : 'Error';
}

/**
 * The outbox worker: sends notifications (through the sender) and webhooks (to each force's
 * URL), by the row's kind. Safe with any number of workers across processes: each claims due rows
 * with FOR UPDATE SKIP LOCKED in one short statement, taking a lease (next_attempt_at moves to
 * the lease's end), sends outside any transaction, then records the outcome. A worker that dies
 * mid-send leaves a row that becomes due again when its lease ends. docs/notifications.md.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, sender } = options;
  const webhooks = options.webhooks ?? httpWebhookSender();
  // Without a notification sender, notifications stay queued (for another worker, or later).
  const kinds = sender ? ['notification', 'webhook'] : ['webhook'];
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const leaseSeconds = options.leaseSeconds ?? 60;
  const batchSize = options.batchSize ?? 10;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const random = options.random ?? Math.random;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  async function claim(): Promise<{ leaseId: string; rows: ClaimedRow[] }> {
    const leaseId = randomUUID();
    const forces = options.onlyForces ?? [];
    const forceFilter = forces.length > 0 ? `and force_id in (${forces.map(() => 'cast(? as uuid)').join(', ')})` : '';
    const { rows } = await db.raw<{ rows: ClaimedRow[] }>(
      `with due as (
         select id from outbox
         where sent_at is null and failed_at is null and next_attempt_at <= now() ${forceFilter}
           and kind in (${kinds.map(() => '?').join(', ')})
         order by next_attempt_at, created_at
         limit cast(? as integer)
         for update skip locked
       ),
       claimed as (
         update outbox o
         set attempts = o.attempts + 1, lease_id = cast(? as uuid), next_attempt_at = now() + cast(? as integer) * interval '1 second'
         from due where o.id = due.id
         returning o.id, o.force_id, o.kind, o.payload, o.attempts
       ),
       logged as (
         insert into outbox_attempts (force_id, outbox_id, attempt, lease_id, worker)
         select force_id, id, attempts, cast(? as uuid), cast(? as text) from claimed
       )
       select c.id, c.force_id, c.kind, c.payload, c.attempts, f.notify_templates, f.webhook_url, f.webhook_secret,
         case when f.webhook_secret_rotated_at > now() - interval '24 hours' then f.webhook_previous_secret end as webhook_previous_secret
       from claimed c join forces f on f.id = c.force_id`,
      [...forces, ...kinds, batchSize, leaseId, leaseSeconds, leaseId, workerId],
    );
    return { leaseId, rows };
  }

  async function recordSent(row: ClaimedRow, leaseId: string, providerReference: string | null): Promise<void> {
    // Links and codes are credentials: once sent, the outbox keeps no copy of them. Recorded
    // even if the lease ran out meanwhile: the provider has the message, so it must not go again.
    await db.raw(
      `with sent as (
         update outbox set sent_at = now(), last_error = null, lease_id = null, payload = ${withoutSecrets}
         where id = ? and force_id = ? and sent_at is null
         returning id
       )
       update outbox_attempts set finished_at = now(), outcome = 'sent', provider_reference = ?
       where force_id = ? and outbox_id = ? and lease_id = cast(? as uuid)`,
      [row.id, row.force_id, providerReference, row.force_id, row.id, leaseId],
    );
  }

  async function recordFailure(row: ClaimedRow, leaseId: string, error: unknown): Promise<boolean> {
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
    options.onDeliveryFailure?.({ outboxId: row.id, error: code, gaveUp });
    return gaveUp;
  }

  /**
   * Put a claimed row back as if it had not been claimed: not an attempt. A webhook whose force
   * has no URL or secret (any more) waits, never due, until the force sets them
   * (wakeParkedWebhooks); a notification that changed while it was being checked is due again.
   */
  async function park(row: ClaimedRow, leaseId: string, until: string = parkedUntil): Promise<void> {
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

  /**
   * A "new message" notification not to be sent, on purpose and for good: recorded as given up,
   * the reason as the error. Only if it still announces the message that was checked: a reply
   * queued meanwhile moves it on (reply-notification.ts), and then it is checked again.
   * @returns whether it was cancelled
   */
  async function cancel(row: ClaimedRow, leaseId: string, code: string, messageSeq: string): Promise<boolean> {
    const { rows } = await db.raw<{ rows: { cancelled: number }[] }>(
      `with cancelled as (
         update outbox set last_error = ?, lease_id = null, failed_at = now()
         where id = ? and force_id = ? and lease_id = cast(? as uuid) and sent_at is null and payload->>'messageSeq' = ?
         returning id
       ),
       logged as (
         update outbox_attempts set finished_at = now(), outcome = 'gave_up', error = ?
         where force_id = ? and outbox_id = ? and lease_id = cast(? as uuid) and exists (select 1 from cancelled)
       )
       select cast(count(*) as integer) as cancelled from cancelled`,
      [code, row.id, row.force_id, leaseId, messageSeq, code, row.force_id, row.id, leaseId],
    );
    return (rows[0]?.cancelled ?? 0) > 0;
  }

  /** @returns what the provider said, 'parked' for a webhook that cannot go yet, or a cancellation */
  async function send(row: ClaimedRow): Promise<SendReceipt | void | 'parked' | { cancelled: string; messageSeq: string }> {
    if (row.kind === 'webhook') {
      if (!row.webhook_url || !row.webhook_secret) return 'parked';
      const secrets = [row.webhook_secret, ...(row.webhook_previous_secret ? [row.webhook_previous_secret] : [])];
      return webhooks.send({ outboxId: row.id, forceId: row.force_id, url: row.webhook_url, secrets, event: row.payload as WebhookEvent });
    }
    if (row.kind !== 'notification' || !sender) throw new PermanentDeliveryError(`unknown_kind`);
    const notification = row.payload as Notification;
    if (notification.template === 'new_message') {
      const cancelled = await replyNotificationCancelled(db, row.force_id, notification);
      if (cancelled) return { cancelled, messageSeq: notification.messageSeq };
    }
    const rendered = renderNotification(notification);
    return sender.send(rendered, { outboxId: row.id, forceId: row.force_id, attempt: row.attempts, notification, notifyTemplates: row.notify_templates ?? {} });
  }

  async function deliverOne(row: ClaimedRow, leaseId: string): Promise<boolean> {
    let receipt;
    try {
      receipt = await send(row);
    } catch (error) {
      await recordFailure(row, leaseId, error);
      return false;
    }
    if (receipt === 'parked') {
      await park(row, leaseId);
      return false;
    }
    if (receipt && 'cancelled' in receipt) {
      if (!(await cancel(row, leaseId, receipt.cancelled, receipt.messageSeq))) await park(row, leaseId, 'now');
      return false;
    }
    // The documented window: the provider has accepted, and this commit is still to come.
    await recordSent(row, leaseId, receipt?.providerReference ?? null);
    return true;
  }

  async function deliverBatch(): Promise<{ claimed: number; sent: number }> {
    const { leaseId, rows } = await claim();
    const outcomes = await Promise.all(rows.map((row) => deliverOne(row, leaseId)));
    return { claimed: rows.length, sent: outcomes.filter(Boolean).length };
  }

  function deliverDue(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (;;) {
          const { claimed, sent } = await deliverBatch();
          total += sent;
          if (claimed < batchSize) break;
        }
      } while (again);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  function nudge(): void {
    deliverDue().catch((error: unknown) => options.onDeliveryFailure?.({ outboxId: '(batch)', error: error instanceof Error ? error.name : 'Error' }));
  }

  return {
    start() {
      const every = options.pollIntervalMs ?? 1000;
      if (every > 0) {
        timer ??= setInterval(nudge, every);
        timer.unref();
      }
      nudge();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    nudge,
    deliverDue,
  };
}
