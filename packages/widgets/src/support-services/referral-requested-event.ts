/**
 * Fired by `<vp-support-services>` when the service has the victim's request to be referred to a
 * support service. Carries ids only: other scripts on the page can hear it.
 */
export class VpReferralRequestedEvent extends Event {
  /** The case the referral is for. */
  readonly caseId: string;
  /** The force's key for the support service. */
  readonly serviceKey: string;
  /** The referral request's id. */
  readonly referralId: string;

  constructor(caseId: string, serviceKey: string, referralId: string) {
    super('vp-referral-requested', { bubbles: true, composed: true });
    this.caseId = caseId;
    this.serviceKey = serviceKey;
    this.referralId = referralId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-referral-requested': VpReferralRequestedEvent;
  }
}
