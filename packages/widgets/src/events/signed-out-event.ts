/** Why a victim's session ended. */
export type SignedOutReason = 'signed-out' | 'session-ended' | 'timed-out' | 'quick-exit';

/**
 * Fired by `<vp-portal>` when the victim's session has ended and the widget has forgotten
 * everything it held: they signed out, the service ended the session, the idle timeout ran out (`timed-out`),
 * or they used the quick exit.
 */
export class VpSignedOutEvent extends Event {
  /** Why the session ended. */
  readonly reason: SignedOutReason;

  constructor(reason: SignedOutReason) {
    super('vp-signed-out', { bubbles: true, composed: true });
    this.reason = reason;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-signed-out': VpSignedOutEvent;
  }
}
