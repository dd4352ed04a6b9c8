/**
 * Fired by `<vp-quick-exit>` just before it leaves the page. Every widget that holds anything
 * of a case forgets it in its listener (dispatch is synchronous, so that happens first). Cancel
 * it only to leave some other way: the widgets have already forgotten everything by then.
 */
export class VpQuickExitEvent extends Event {
  /** Where the page is about to go. */
  readonly exitUrl: string;

  constructor(exitUrl: string) {
    super('vp-quick-exit', { bubbles: true, composed: true, cancelable: true });
    this.exitUrl = exitUrl;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-quick-exit': VpQuickExitEvent;
  }
}
