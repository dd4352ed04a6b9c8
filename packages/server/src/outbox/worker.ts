import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import { dueSoonKind } from '../features/duties/due-soon.js';
import { cancelClaimed } from './cancellation.js';
import { recordCaseUpdateSent } from './case-update.js';
import { defaultRetryPolicy, park, recordFailure, recordSent, type ClaimedRow, type RetryPolicy } from './claimed-row.js';
import { dispatchDueSoon } from './due-soon-dispatch.js';
import { dispatchNotification, type NotificationOutcome } from './notification-dispatch.js';
import type { Notification } from './outbox.js';
import type { NotificationSender } from './sender.js';
import { dispatchWebhook } from './webhook-dispatch.js';
import { httpWebhookSender, type WebhookSender } from './webhook-sender.js';

export { backoffSeconds, defaultRetryPolicy, type RetryPolicy } from './claimed-row.js';

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
  /**
   * Counts each failed attempt by the row's kind, and each failed batch (no kind): the
   * /metrics counters (http/metrics.ts deliveryFailed).
   */
  countFailure?: (failure: { kind?: string; gaveUp?: boolean }) => void;
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
  /** Stops polling and taking batches, and waits for the batch in hand to be sent and recorded. */
  stop(): Promise<void>;
  /** Look for due rows now, for example right after a commit that queued one. */
  nudge(): void;
  /** Deliver everything due, waiting until done. @returns how many were sent */
  deliverDue(): Promise<number>;
}

/**
 * The outbox worker: sends notifications (through the sender, notification-dispatch.ts) and
 * webhooks (to each force's URL, webhook-dispatch.ts), and turns due-soon warnings into webhooks
 * (due-soon-dispatch.ts), by the row's kind. Safe with any number of workers across processes:
 * each claims due rows with FOR UPDATE SKIP LOCKED in one short statement, taking a lease (next_attempt_at moves to
 * the lease's end), sends outside any transaction, then records the outcome. A worker that dies
 * mid-send leaves a row that becomes due again when its lease ends. docs/notifications.md.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, sender } = options;
  const webhooks = options.webhooks ?? httpWebhookSender();
  // Without a notification sender, notifications stay queued (for another worker, or later).
  const kinds = sender ? ['notification', 'webhook', dueSoonKind] : ['webhook', dueSoonKind];
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const leaseSeconds = options.leaseSeconds ?? 60;
  const batchSize = options.batchSize ?? 10;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const random = options.random ?? Math.random;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

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

  /** Deliver one claimed row by its kind: the provider's answer, a cancellation, or a wait. */
  async function dispatch(row: ClaimedRow): Promise<NotificationOutcome | 'parked'> {
    if (row.kind !== 'webhook') return dispatchNotification(db, sender, row);
    const receipt = await dispatchWebhook(row, webhooks);
    return receipt === 'parked' ? receipt : { sent: receipt };
  }

  /** @returns whether something was sent (or, for a due-soon warning, queued as its webhook) */
  async function deliverOne(row: ClaimedRow, leaseId: string): Promise<boolean> {
    let outcome: NotificationOutcome | 'parked';
    try {
      if (row.kind === dueSoonKind) {
        // One transaction of its own: dropped, or turned into its webhook (due now: go round again).
        const queued = await dispatchDueSoon(db, row, leaseId);
        if (queued) again = true;
        return queued;
      }
      outcome = await dispatch(row);
    } catch (error) {
      const { code, gaveUp } = await recordFailure(db, row, leaseId, error, retry, random);
      options.countFailure?.({ kind: row.kind, gaveUp });
      options.onDeliveryFailure?.({ outboxId: row.id, error: code, gaveUp });
      return false;
    }
    if (outcome === 'parked') {
      await park(db, row, leaseId);
      return false;
    }
    if ('deferUntil' in outcome) {
      await park(db, row, leaseId, outcome.deferUntil.toISOString());
      return false;
    }
    if ('cancelled' in outcome) {
      if (!(await cancelClaimed(db, row, leaseId, outcome))) await park(db, row, leaseId, 'now');
      return false;
    }
    // The documented window: the provider has accepted, and this commit is still to come.
    const providerReference = outcome.sent?.providerReference ?? null;
    if (row.kind === 'notification' && (row.payload as Notification).template === 'case_update') {
      // Telling the victim queues victim.told webhooks, due now: go round again.
      if (await recordCaseUpdateSent(db, row, leaseId, providerReference)) again = true;
      return true;
    }
    await recordSent(db, row, leaseId, providerReference);
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
          // Stopping: the batch in hand is done; what is still due waits for the next worker.
          if (claimed < batchSize || stopped) break;
        }
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  function nudge(): void {
    if (stopped) return;
    deliverDue().catch((error: unknown) => {
      options.countFailure?.({});
      options.onDeliveryFailure?.({ outboxId: '(batch)', error: error instanceof Error ? error.name : 'Error' });
    });
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
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    nudge,
    deliverDue,
  };
}
