import type { NotifyTemplates } from '@victim-portal/contract';
import type { Notification } from './outbox.js';
import type { RenderedNotification } from './templates.js';

/** Everything about one queued notification that a provider adapter may need. */
export interface OutgoingNotification {
  /** The outbox row's id: a stable reference for the provider (GOV.UK Notify's `reference`). */
  outboxId: string;
  forceId: string;
  /** 1 for the first try. A later one may follow a try whose outcome is unknown (docs/notifications.md). */
  attempt: number;
  /** The stored payload, link or code included. */
  notification: Notification;
  /** The force's GOV.UK Notify template ids. */
  notifyTemplates: NotifyTemplates;
}

/** What a provider said when it accepted a notification. */
export interface SendReceipt {
  /** The provider's id for the message, kept with the attempt (never the content). */
  providerReference?: string;
}

/**
 * Where notifications go: the dev mailbox (demo) or GOV.UK Notify. A sender throws to say
 * "not sent"; the worker retries later, or gives up at once on a PermanentDeliveryError.
 */
export interface NotificationSender {
  send(rendered: RenderedNotification, outgoing: OutgoingNotification): Promise<SendReceipt | void>;
}

/**
 * A failure that trying again cannot fix (the provider refused the request as invalid).
 * `message` is a short code, never personal data: it is stored as the row's last error.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * A failure worth retrying (provider down, timed out, rate limited, not configured yet).
 * `message` is a short code, never personal data.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}
