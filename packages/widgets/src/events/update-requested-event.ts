/**
 * Fired by `<vp-messages>` when the service has the victim's request for an update. Carries ids
 * only, never the note: other scripts on the page can hear it.
 */
export class VpUpdateRequestedEvent extends Event {
  /** The case the request is on. */
  readonly caseId: string;
  /** The request's message id. */
  readonly messageId: string;

  constructor(caseId: string, messageId: string) {
    super('vp-update-requested', { bubbles: true, composed: true });
    this.caseId = caseId;
    this.messageId = messageId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-update-requested': VpUpdateRequestedEvent;
  }
}
