import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '@victim-portal/contract';
import { DeliveryError, type SendReceipt } from './sender.js';

/** One webhook to post: everything the sender needs, read when the worker claimed the row. */
export interface WebhookDelivery {
  /** The outbox row's id: the `webhook-id`, the same on every retry, for the receiver to deduplicate. */
  outboxId: string;
  forceId: string;
  url: string;
  /** The current secret first, then the previous one while it still signs (24 h after a rotation). */
  secrets: string[];
  event: WebhookEvent;
}

/** Posts webhooks. Throws a DeliveryError (retried with backoff) for anything but a 2xx. */
export interface WebhookSender {
  send(delivery: WebhookDelivery): Promise<SendReceipt | void>;
}

/**
 * The Standard Webhooks headers for a body: webhook-id, webhook-timestamp and webhook-signature,
 * with one `v1,…` signature per secret, space-separated, signed by the official package.
 * @returns the three headers
 */
export function signWebhook(id: string, body: string, secrets: string[], at: Date = new Date()): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' ');
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}

/** A short, stored error code for a failed post: never the receiver's answer, which we do not control. */
function networkCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'webhook_timeout';
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof cause === 'string' && /^[A-Z_]{1,30}$/.test(cause) ? `webhook_network_${cause}` : 'webhook_network';
}

export interface HttpWebhookSenderOptions {
  /** Give up on one post after this long (ms). Default 10 000, as the contract promises receivers. */
  timeoutMs?: number;
}

/**
 * Posts each webhook as JSON to the force's URL, signed per Standard Webhooks. A 2xx within the
 * timeout is delivered; anything else (another status, a redirect, a timeout, no connection)
 * is retried by the worker with its backoff. Redirects are not followed: the URL is the
 * force's own setting, and a signed body should not wander to another address.
 */
export function httpWebhookSender(options: HttpWebhookSenderOptions = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(delivery) {
      const body = JSON.stringify(delivery.event);
      let response: Response;
      try {
        response = await fetch(delivery.url, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/json', 'user-agent': 'victim-portal-webhooks', ...signWebhook(delivery.outboxId, body, delivery.secrets) },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new DeliveryError(networkCode(error));
      }
      // Whatever the receiver said is not ours to keep.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) throw new DeliveryError(`webhook_${response.status}`);
    },
  };
}
