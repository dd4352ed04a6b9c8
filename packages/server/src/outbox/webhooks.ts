import type { Knex } from 'knex';
import type { WebhookEvent } from '@victim-portal/contract';

/**
 * Where a webhook row waits while its force has no URL or no signing secret: never due, so the
 * worker's scan of due rows never passes over it, until wakeParkedWebhooks. 'infinity' sorts
 * after every real time in PostgreSQL and PGlite alike.
 */
export const parkedUntil = 'infinity';

/**
 * Queue a thread event for the force's records system (Standard Webhooks, docs/notifications.md).
 * Pass the transaction that adds the message or receipt: the webhook exists if and only if it
 * commits. The row stores the event itself, message text included: the records system is the
 * force's own record. It is never logged.
 * @returns the outbox row's id, which is the delivery's `webhook-id`
 */
export async function enqueueWebhook(trx: Knex.Transaction, forceId: string, event: WebhookEvent): Promise<string> {
  // FOR SHARE: a settings change that gives the force its URL or secret waits for this
  // transaction, and then wakes this row; or it went first and this read sees it.
  const force = await trx('forces').select<{ ready: boolean }[]>(trx.raw('(webhook_url is not null and webhook_secret is not null) as ready')).where({ id: forceId }).forShare().first();
  const [row] = await trx('outbox')
    .insert({ force_id: forceId, kind: 'webhook', payload: JSON.stringify(event), next_attempt_at: force?.ready ? trx.fn.now() : parkedUntil })
    .returning<{ id: string }[]>('id');
  return (row as { id: string }).id;
}

/**
 * Make a force's parked webhooks due, once it has both a URL and a secret.
 * @returns how many were woken
 */
export async function wakeParkedWebhooks(trx: Knex | Knex.Transaction, forceId: string): Promise<number> {
  return trx('outbox')
    .where({ force_id: forceId, kind: 'webhook' })
    .whereNull('sent_at')
    .whereNull('failed_at')
    .where('next_attempt_at', parkedUntil)
    .whereExists((query) => query.select(trx.raw('1')).from('forces').where({ id: forceId }).whereNotNull('webhook_url').whereNotNull('webhook_secret'))
    .update({ next_attempt_at: trx.fn.now() });
}
