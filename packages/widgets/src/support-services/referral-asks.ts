import { isProblem, problemTypes, type SupportReferral } from '@victim-portal/sdk';

/** Why a request to be referred did not go through. */
export type ReferralFailure = 'no-consent' | 'not-accepted' | 'not-offered' | 'not-sent';

/** One service's "Ask the police to refer me" step, while the victim is on it. */
export interface ReferralAsk {
  /** Whether the victim ticked the consent box. */
  consent: boolean;
  sending: boolean;
  failure?: ReferralFailure | undefined;
}

/**
 * The services whose confirmation step is open, by service key, and sending the request from
 * one. Kept in memory only, and emptied on the quick exit with everything else.
 */
export class ReferralAsks {
  readonly #asks = new Map<string, ReferralAsk>();

  /** @returns the open step for a service, if any */
  get(serviceKey: string): ReferralAsk | undefined {
    return this.#asks.get(serviceKey);
  }

  open(serviceKey: string): void {
    this.#asks.set(serviceKey, { consent: false, sending: false });
  }

  close(serviceKey: string): void {
    this.#asks.delete(serviceKey);
  }

  clear(): void {
    this.#asks.clear();
  }

  setConsent(serviceKey: string, consent: boolean): void {
    const ask = this.#asks.get(serviceKey);
    if (ask) this.#asks.set(serviceKey, { ...ask, consent, failure: consent && ask.failure === 'no-consent' ? undefined : ask.failure });
  }

  /**
   * Sends the request if the victim consented.
   * @returns the stored referral, or undefined when it was not sent (the step says why)
   * @throws the service's 401 ProblemError, for the element to end the session
   */
  async send(serviceKey: string, request: () => Promise<SupportReferral>): Promise<SupportReferral | undefined> {
    const ask = this.#asks.get(serviceKey);
    if (!ask || ask.sending) return undefined;
    if (!ask.consent) {
      this.#asks.set(serviceKey, { ...ask, failure: 'no-consent' });
      return undefined;
    }
    this.#asks.set(serviceKey, { ...ask, sending: true, failure: undefined });
    try {
      const referral = await request();
      this.#asks.delete(serviceKey);
      return referral;
    } catch (error) {
      if (isProblem(error) && error.status === 401) throw error;
      if (this.#asks.has(serviceKey)) this.#asks.set(serviceKey, { ...ask, sending: false, failure: failureOf(error) });
      return undefined;
    }
  }
}

function failureOf(error: unknown): ReferralFailure {
  if (isProblem(error, problemTypes.referralsNotAccepted)) return 'not-accepted';
  if (isProblem(error, problemTypes.unknownSupportService)) return 'not-offered';
  return 'not-sent';
}
