/**
 * Fired by `<vp-portal>` when a victim has signed in with their invite. Carries nothing about
 * the victim or their case: other scripts on the force's page can hear it.
 */
export class VpSignedInEvent extends Event {
  constructor() {
    super('vp-signed-in', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-signed-in': VpSignedInEvent;
  }
}
