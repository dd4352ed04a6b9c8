import { NotifySender, type NotifySenderIds, type NotifySenderOptions } from './notify-sender.js';
import { PermanentDeliveryError, type NotificationSender } from './sender.js';

/** Where notifications go: GOV.UK Notify, the demo's dev mailbox, or nowhere yet (they wait). */
export type SenderChoice = 'notify' | 'dev-mailbox' | 'none';

export interface NotificationConfig {
  sender: SenderChoice;
  /** Set when `sender` is notify. */
  notify?: NotifySenderOptions;
  /** False when another process runs the worker (VP_OUTBOX_WORKER=off). */
  inProcessWorker: boolean;
  /** How often a worker looks for due rows (ms). */
  pollIntervalMs: number;
}

type Env = Record<string, string | undefined>;

function senderIdsFromEnv(raw: string | undefined): Record<string, NotifySenderIds> | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('VP_NOTIFY_SENDER_IDS must be JSON: {"<force id>": {"emailReplyToId": "…", "smsSenderId": "…"}}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('VP_NOTIFY_SENDER_IDS must be a JSON object keyed by force id');
  return parsed as Record<string, NotifySenderIds>;
}

function wholeNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

/**
 * Read the notification settings from the environment (docs/notifications.md):
 * VP_SENDER (notify | dev-mailbox | none; default notify when VP_NOTIFY_API_KEY is set, else
 * none), VP_NOTIFY_API_KEY, VP_NOTIFY_BASE_URL, VP_NOTIFY_TIMEOUT_MS, VP_NOTIFY_SENDER_IDS,
 * VP_OUTBOX_WORKER (on | off) and VP_OUTBOX_POLL_MS.
 */
export function notificationConfigFromEnv(env: Env = process.env): NotificationConfig {
  const apiKey = env['VP_NOTIFY_API_KEY'] || undefined;
  const sender = (env['VP_SENDER'] || (apiKey ? 'notify' : 'none')) as SenderChoice;
  if (!['notify', 'dev-mailbox', 'none'].includes(sender)) throw new Error(`VP_SENDER must be notify, dev-mailbox or none, not "${sender}"`);
  const worker = env['VP_OUTBOX_WORKER'] || 'on';
  if (worker !== 'on' && worker !== 'off') throw new Error(`VP_OUTBOX_WORKER must be on or off, not "${worker}"`);
  let notify: NotifySenderOptions | undefined;
  if (sender === 'notify') {
    if (!apiKey) throw new Error('VP_SENDER=notify needs VP_NOTIFY_API_KEY');
    notify = {
      apiKey,
      baseUrl: env['VP_NOTIFY_BASE_URL'] || undefined,
      timeoutMs: wholeNumber(env, 'VP_NOTIFY_TIMEOUT_MS', 10_000),
      senderIds: senderIdsFromEnv(env['VP_NOTIFY_SENDER_IDS']),
    };
  }
  return { sender, notify, inProcessWorker: worker === 'on', pollIntervalMs: wholeNumber(env, 'VP_OUTBOX_POLL_MS', 1000) };
}

/** One line of the worker's log: never an address, a number, a link or a code. */
export interface DeliveryLogLine {
  level: 'warn';
  msg: 'notification not sent';
  outboxId: string;
  forceId: string;
  error: string;
  permanent: boolean;
}

/** Wrap a sender so that each failed delivery is logged (outbox id and short code only). */
export function loggingSender(sender: NotificationSender, log: (line: DeliveryLogLine) => void): NotificationSender {
  return {
    async send(rendered, outgoing) {
      try {
        return await sender.send(rendered, outgoing);
      } catch (error) {
        const code = error instanceof Error && /^(Delivery|PermanentDelivery)Error$/.test(error.name) ? error.message : error instanceof Error ? error.name : 'Error';
        log({ level: 'warn', msg: 'notification not sent', outboxId: outgoing.outboxId, forceId: outgoing.forceId, error: code.slice(0, 60), permanent: error instanceof PermanentDeliveryError });
        throw error;
      }
    },
  };
}

/** @returns the Notify sender the configuration asks for, or undefined for the other choices */
export function notifySenderFrom(config: NotificationConfig): NotifySender | undefined {
  return config.notify ? new NotifySender(config.notify) : undefined;
}
