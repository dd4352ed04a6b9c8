import { randomUUID } from 'node:crypto';
import type { NotificationSender } from './sender.js';
import type { RenderedNotification } from './templates.js';

/** A notification "sent" to the dev mailbox. */
export interface MailboxMessage extends RenderedNotification {
  id: string;
  sentAt: string;
}

/**
 * A notification sender for development and tests that keeps what it "sends" in memory, for
 * the demo's /dev/mailbox page. Holds real sign-in links, so it exists only in demo/dev mode.
 */
export class DevMailbox implements NotificationSender {
  private readonly kept: MailboxMessage[] = [];

  constructor(private readonly capacity = 500) {}

  async send(notification: RenderedNotification): Promise<void> {
    this.kept.push({ ...notification, id: randomUUID(), sentAt: new Date().toISOString() });
    if (this.kept.length > this.capacity) this.kept.shift();
  }

  /** @returns the messages, newest first */
  messages(): MailboxMessage[] {
    return [...this.kept].reverse();
  }
}
