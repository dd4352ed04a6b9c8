import { NotifyClient } from 'notifications-node-client';
import { notifyMessage } from './notify-templates.js';
import { DeliveryError, PermanentDeliveryError, type NotificationSender, type OutgoingNotification, type SendReceipt } from './sender.js';
import type { RenderedNotification } from './templates.js';

/** Which of the Notify service's reply-to addresses and text message senders a force uses. */
export interface NotifySenderIds {
  /** An email reply-to id from the Notify service's settings. */
  emailReplyToId?: string;
  /** A text message sender id from the Notify service's settings. */
  smsSenderId?: string;
}

export interface NotifySenderOptions {
  /** A Notify API key: `{name}-{service id}-{secret}`. Use a test or team key outside production. */
  apiKey: string;
  /** Default https://api.notifications.service.gov.uk; tests point it at a local fake. */
  baseUrl?: string;
  /** Give up on one request after this long (ms). Default 10 000, well inside the worker's lease. */
  timeoutMs?: number;
  /** By force id: the reply-to address and text sender to use; default the service's own. */
  senderIds?: Record<string, NotifySenderIds>;
}

interface NotifyErrorShape {
  code?: string;
  response?: { status?: number; data?: { errors?: { error?: unknown }[] } };
}

// Notify's error class names (BadRequestError, ValidationError, RateLimitError…) are safe to
// store; its messages are not: they may quote the address or number.
function notifyErrorName(error: NotifyErrorShape): string {
  const name = error.response?.data?.errors?.[0]?.error;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? `_${name}` : '';
}

/**
 * Turn what the Notify client threw into the worker's terms. 400 (invalid recipient, template
 * or personalisation) cannot be fixed by trying again: permanent. 429 and 5xx, timeouts and
 * network errors are worth retrying; so are 401/403, because a wrong or revoked API key fails
 * every message alike and the operator's fix should not find the queue given up on.
 */
export function deliveryErrorFromNotify(error: unknown): Error {
  if (error instanceof DeliveryError || error instanceof PermanentDeliveryError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as NotifyErrorShape;
  const status = shape.response?.status;
  if (status !== undefined) {
    const code = `notify_${status}${notifyErrorName(shape)}`;
    const retryable = status === 429 || status === 401 || status === 403 || status >= 500;
    return retryable ? new DeliveryError(code) : new PermanentDeliveryError(code);
  }
  if (shape.code === 'ECONNABORTED' || shape.code === 'ETIMEDOUT' || shape.code === 'ERR_CANCELED') return new DeliveryError('notify_timeout');
  if (typeof shape.code === 'string' && /^[A-Z_]{1,30}$/.test(shape.code)) return new DeliveryError(`notify_network_${shape.code}`);
  return new DeliveryError('notify_error');
}

/**
 * Sends through GOV.UK Notify with its official client. Each force's templates and sender name
 * come from its settings. The outbox id is Notify's `reference`: before trying a message again,
 * the sender asks Notify whether it already has it, which closes most of the duplicate window
 * (docs/notifications.md).
 */
export class NotifySender implements NotificationSender {
  private readonly client: NotifyClient;

  constructor(private readonly options: NotifySenderOptions) {
    this.client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
    // The client has no timeout of its own: wrap the axios instance it calls with one.
    const apiClient = this.client.apiClient as { restClient: (config: object) => Promise<unknown> };
    const request = apiClient.restClient;
    const timeout = options.timeoutMs ?? 10_000;
    apiClient.restClient = (config) => request({ ...config, timeout });
  }

  /**
   * Whether Notify already has a message with this reference: an earlier try may have been
   * accepted although its worker died, or its answer was lost, before recording it.
   * @returns Notify's id for it, if so
   */
  private async alreadyAccepted(reference: string): Promise<string | undefined> {
    let response;
    try {
      response = await this.client.getNotifications(undefined, undefined, reference);
    } catch (error) {
      // Not knowing is not a reason to give up: try the lookup again later.
      throw new DeliveryError(deliveryErrorFromNotify(error).message.replace(/^notify_/, 'notify_lookup_'));
    }
    const [found] = response.data.notifications;
    return found ? found.id : undefined;
  }

  async send(_rendered: RenderedNotification, outgoing: OutgoingNotification): Promise<SendReceipt> {
    const { notification } = outgoing;
    const { templateId, personalisation } = notifyMessage(notification, outgoing.notifyTemplates);
    const ids = this.options.senderIds?.[outgoing.forceId] ?? {};
    const reference = outgoing.outboxId;
    if (outgoing.attempt > 1) {
      const found = await this.alreadyAccepted(reference);
      if (found) return { providerReference: found.slice(0, 64) };
    }
    let response;
    try {
      response = notification.channel === 'email'
        ? await this.client.sendEmail(templateId, notification.to, { personalisation, reference, emailReplyToId: ids.emailReplyToId })
        : await this.client.sendSms(templateId, notification.to, { personalisation, reference, smsSenderId: ids.smsSenderId });
    } catch (error) {
      throw deliveryErrorFromNotify(error);
    }
    const id: unknown = (response.data as { id?: unknown } | undefined)?.id;
    return { providerReference: typeof id === 'string' ? id.slice(0, 64) : undefined };
  }
}
