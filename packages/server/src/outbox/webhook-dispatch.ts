import type { WebhookEvent } from '@victim-portal/contract';
import type { ClaimedRow } from './claimed-row.js';
import type { SendReceipt } from './sender.js';
import type { WebhookSender } from './webhook-sender.js';

/**
 * Post a claimed webhook row to its force's URL, signed with the current secret (and the
 * previous one for 24 h after a rotation).
 * @returns what the receiver said, or 'parked' when the force has no URL or secret yet
 */
export async function dispatchWebhook(row: ClaimedRow, webhooks: WebhookSender): Promise<SendReceipt | void | 'parked'> {
  if (!row.webhook_url || !row.webhook_secret) return 'parked';
  const secrets = [row.webhook_secret, ...(row.webhook_previous_secret ? [row.webhook_previous_secret] : [])];
  return webhooks.send({ outboxId: row.id, forceId: row.force_id, url: row.webhook_url, secrets, event: row.payload as WebhookEvent });
}
