/**
 * Fired by `<vp-messages>` and `<vp-officer-inbox>` when the service has a message the reader
 * wrote. Carries ids only, never the message: other scripts on the page can hear it.
 */
export class VpMessageSentEvent extends Event {
  /** The case the message is on. */
  readonly caseId: string;
  /** The message's id. */
  readonly messageId: string;

  constructor(caseId: string, messageId: string) {
    super('vp-message-sent', { bubbles: true, composed: true });
    this.caseId = caseId;
    this.messageId = messageId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-message-sent': VpMessageSentEvent;
  }
}
