/**
 * Verifying the service's webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), for the records system's back end. Also published on its own as
 * `@victim-portal/sdk/webhooks`, so a receiver need not load the HTTP clients.
 */
import * as standardWebhooks from 'standardwebhooks';
import type { WebhookEvent } from '@victim-portal/contract';

/** A webhook that must not be trusted: answer it with a 400 and do not act on it. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Options for verifyWebhook. */
export interface VerifyWebhookOptions {
  /** How far the `webhook-timestamp` may be from now, either way, in seconds; default 300. */
  toleranceSeconds?: number;
  /** The time to check the timestamp against; default the current time. */
  now?: Date;
}

/** Request headers as the Fetch API (`Headers`) or Node's `IncomingMessage.headers` hold them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** The kinds of webhook the service sends (`type` of the body). */
export type WebhookEventType = WebhookEvent['type'];

/**
 * Every webhook type of the contract, each with the `data` field it carries. A Record keyed by
 * the contract's own union, so a type added to the contract fails to compile here until it is
 * listed (and a receiver's switch can rely on the list being whole).
 */
const dataOf: Record<WebhookEventType, keyof WebhookEvent['data']> = {
  'message.created': 'message',
  'update.requested': 'message',
  'message.read': 'read',
  'support.referral_requested': 'referral',
  'preferences.updated': 'preferences',
  'victim.told': 'event',
  'duty.due_soon': 'duty',
};

/**
 * Checks that a webhook came from the service, unchanged and recently, and parses it.
 * Refuses a missing or wrong signature, a changed body, and a timestamp further than the
 * tolerance from now (an old one is a replay; deduplicate the rest on `webhook-id`, which
 * stays the same across retries). While the secret is being rotated the service sends two
 * signatures, space-separated: either one matching is enough.
 * @param body the request body exactly as received (the raw text, not re-serialised JSON)
 * @param headers the request headers
 * @param secret the force's webhook secret (`whsec_…`, from `ForceClient.rotateWebhookSecret`)
 * @returns the event: `type` is one of `message.created`, `update.requested`, `message.read`,
 *   `support.referral_requested`, `preferences.updated`, `victim.told`, `duty.due_soon`, and
 *   `data` carries `caseId`, `crimeReference` and that type's field (`message`, `read` with
 *   `reader`, `referral`, `preferences`, `event`, `duty`)
 * @throws WebhookVerificationError when the webhook must not be trusted
 */
export function verifyWebhook(body: string, headers: WebhookHeaders, secret: string, options: VerifyWebhookOptions = {}): WebhookEvent {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  const missing = Object.entries({ 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) throw new WebhookVerificationError(`The webhook has no ${missing.join(', ')} header: it is not from the service`);

  if (!/^\d{1,12}$/.test(timestamp!)) throw new WebhookVerificationError('The webhook-timestamp header is not a time in seconds');
  const sentAt = new Date(Number(timestamp) * 1000);
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const ageSeconds = Math.round(((options.now ?? new Date()).getTime() - sentAt.getTime()) / 1000);
  if (ageSeconds > toleranceSeconds) {
    throw new WebhookVerificationError(`The webhook was signed ${ageSeconds} s ago, more than the ${toleranceSeconds} s allowed: a replay, or a clock out of step`);
  }
  if (-ageSeconds > toleranceSeconds) {
    throw new WebhookVerificationError(`The webhook is timestamped ${-ageSeconds} s in the future, more than the ${toleranceSeconds} s allowed: check this server's clock`);
  }

  // The library's own verify() checks the time against the real clock with a fixed five
  // minutes; the check above honours `now` and the tolerance, so use it for the HMAC only.
  const expected = signer(secret).sign(id!, sentAt, body).split(',')[1]!;
  const matches = signatures!
    .split(' ')
    .map((versioned) => versioned.split(','))
    .some(([version, signature]) => version === 'v1' && signature !== undefined && sameText(signature, expected));
  if (!matches) throw new WebhookVerificationError('No webhook-signature matches the body and the secret: the body was changed, or the secret is not this force\'s current or previous one');

  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    throw new WebhookVerificationError('The webhook body is not JSON');
  }
  if (!isWebhookEvent(event)) throw new WebhookVerificationError('The webhook body is not a Victim Portal event');
  return event;
}

function signer(secret: string): standardWebhooks.Webhook {
  try {
    return new standardWebhooks.Webhook(secret);
  } catch (error) {
    // The receiver's configuration, not the sender, is wrong: not a verification failure.
    throw new TypeError('The webhook secret is not a Standard Webhooks secret (whsec_ followed by base64)', { cause: error });
  }
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

/** Compares in time that does not depend on where the texts differ (no timing oracle). */
function sameText(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i += 1) difference |= (a[i % Math.max(a.length, 1)] ?? 0) ^ b[i]!;
  return difference === 0;
}

function isWebhookEvent(value: unknown): value is WebhookEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  if (typeof event.type !== 'string' || !Object.hasOwn(dataOf, event.type)) return false;
  const data = event.data as Record<string, unknown> | null;
  // The field the type promises must be there: a receiver reads it without checking.
  return typeof data === 'object' && data !== null && typeof data[dataOf[event.type as WebhookEventType]] === 'object';
}
