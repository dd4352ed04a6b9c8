import { VictimClient, type SessionInfo, type SignInChallenge, type VictimCase } from '@victim-portal/sdk';
import { systemClock, type Clock } from './clock.js';
import { SessionStore, type StoredSession } from './session-store.js';

/** Options for a victim's session in this tab. */
export interface PortalSessionOptions {
  /** The API's base URL (the `api-base` attribute). */
  apiBase: string;
  /** A fetch to use instead of the global one (tests, instrumented fetch). */
  fetch?: typeof fetch | undefined;
  /** Where the token is kept; sessionStorage under `vp-session` by default. */
  store?: SessionStore;
  /** What time it is; the system clock by default. */
  clock?: Clock;
}

/** How resuming from this tab's storage went. */
export type ResumeResult = 'resumed' | 'no-session' | 'expired';

/** When the session ends: however active the victim is, and if they do nothing. */
export interface SessionTimes {
  expiresAt: number;
  idleExpiresAt: number;
}

/**
 * The victim's session in this tab: the SDK's VictimClient plus where its token is kept.
 * Every way out (sign-out, quick exit, the service ending the session) forgets the token here
 * and in storage, so nothing is left on a shared device.
 */
export class PortalSession {
  readonly #options: PortalSessionOptions;
  readonly #store: SessionStore;
  readonly #client: VictimClient;
  readonly #clock: Clock;
  #closed = false;

  constructor(options: PortalSessionOptions) {
    this.#options = options;
    this.#store = options.store ?? new SessionStore();
    this.#clock = options.clock ?? systemClock;
    this.#client = this.#newClient();
  }

  /** Whether a session token is held. */
  get signedIn(): boolean {
    return this.#client.sessionToken !== undefined;
  }

  /**
   * The victim's messaging (threads, sends, read receipts, the live stream): the same client,
   * token and 401 handling as everything else in the session.
   */
  get messaging(): VictimClient {
    return this.#client;
  }

  /** The case the victim last opened in this tab, if any. */
  get lastCaseId(): string | undefined {
    return this.#store.read()?.caseId;
  }

  /** @returns when the session ends, as far as this tab knows; undefined when signed out */
  get times(): SessionTimes | undefined {
    const stored = this.signedIn ? this.#store.read() : undefined;
    if (!stored) return undefined;
    const expiresAt = Date.parse(stored.expiresAt);
    const idleExpiresAt = stored.idleExpiresAt ? Date.parse(stored.idleExpiresAt) : expiresAt;
    return { expiresAt, idleExpiresAt: Math.min(idleExpiresAt, expiresAt) };
  }

  /** @returns whether a session from earlier in this tab was picked up again */
  resume(): ResumeResult {
    const stored = this.#store.read();
    if (!stored) return 'no-session';
    const now = this.#clock.now();
    if (Date.parse(stored.expiresAt) <= now || (stored.idleExpiresAt && Date.parse(stored.idleExpiresAt) <= now)) {
      this.forget();
      return 'expired';
    }
    this.#client.sessionToken = stored.token;
    return 'resumed';
  }

  /**
   * Checks the invite without using it up, and asks the service which second factor to ask
   * for. For a one-time code, each call sends a new code.
   * @param inviteToken the `vpi_…` token from the link's fragment
   */
  startChallenge(inviteToken: string): Promise<SignInChallenge> {
    return this.#client.startChallenge(inviteToken);
  }

  /**
   * Redeems the invite with the second-factor answer. Any session already in this tab is ended
   * first: on a shared device it may be someone else's.
   * @param inviteToken the `vpi_…` token from the link's fragment
   * @param answer the code, date of birth (YYYY-MM-DD) or postcode
   */
  async signInWithInvite(inviteToken: string, answer: string): Promise<void> {
    if (this.signedIn || this.#store.read()) this.endInBackground();
    const session = await this.#client.redeemInvite(inviteToken, answer);
    if (this.#closed) {
      // The victim used the quick exit while this was on its way: keep nothing of it.
      this.endInBackground();
      return;
    }
    this.#store.write({ token: session.sessionToken, ...this.#onThisDevice(session) });
  }

  /**
   * Asks for a new sign-in link. Resolves the same whether or not the force holds the contact.
   * @param force the force's slug
   * @param contact an email address or mobile number
   */
  requestSignInLink(force: string, contact: string): Promise<void> {
    return this.#client.requestSignInLink(force, contact);
  }

  /** @returns the victim's cases, newest report first */
  async listCases(): Promise<VictimCase[]> {
    const cases = await this.#client.listMyCases();
    // Every request the victim makes slides the service's idle expiry forward.
    this.#slideIdleExpiry();
    return cases;
  }

  /** Tells the service the victim is still here, which extends the idle expiry. */
  async keepAlive(): Promise<SessionInfo> {
    const info = await this.#client.getSession();
    this.#update(this.#onThisDevice(info));
    return info;
  }

  /** Remembers which case is open, so a reload in this tab returns to it. */
  rememberCase(caseId: string | undefined): void {
    const stored = this.#store.read();
    if (!stored) return;
    const { caseId: _previous, ...rest } = stored;
    this.#store.write(caseId ? { ...rest, caseId } : rest);
  }

  /** Ends the session on the service, then forgets it here, even if the service was unreachable. */
  async signOut(): Promise<void> {
    try {
      await this.#client.signOut();
    } finally {
      this.forget();
    }
  }

  /**
   * Forgets the session here at once and asks the service to end it without waiting, for the
   * quick exit: the page is about to be left. `keepalive` lets the request outlive the page.
   */
  endInBackground(): void {
    const token = this.#client.sessionToken ?? this.#store.read()?.token;
    this.forget();
    if (!token) return;
    // A client of its own, so this one forgets the token now rather than when the request ends.
    const revoker = this.#newClient(token);
    // The session also ends by itself on the service's idle timeout, so a failure here is
    // not worth telling a victim who is leaving in a hurry.
    revoker.signOut({ keepalive: true }).catch(() => undefined);
  }

  /** For the quick exit: ends the session in the background, and any sign-in still on its way too. */
  close(): void {
    this.#closed = true;
    this.endInBackground();
  }

  /** Forgets the token, here and in storage, without telling the service. */
  forget(): void {
    this.#client.sessionToken = undefined;
    this.#store.clear();
  }

  /**
   * @returns the service's expiry times on this device's clock. A phone set to the wrong time or
   * time zone would otherwise sign the victim out at once, or never warn. Just after a request
   * the service set the idle expiry to its own "now" plus the idle timeout (unless the absolute
   * expiry came first), which tells how far apart the two clocks are. Within a minute the
   * service's times are kept as they are: that much only moves the warning a little.
   */
  #onThisDevice(info: SessionInfo): Pick<StoredSession, 'expiresAt' | 'idleExpiresAt' | 'idleTimeoutSeconds'> {
    const idle = Date.parse(info.idleExpiresAt);
    const absolute = Date.parse(info.expiresAt);
    const measured = idle < absolute ? this.#clock.now() - (idle - info.idleTimeoutSeconds * 1000) : 0;
    const skew = Math.abs(measured) < 60_000 ? 0 : measured;
    return {
      expiresAt: new Date(absolute + skew).toISOString(),
      idleExpiresAt: new Date(idle + skew).toISOString(),
      idleTimeoutSeconds: info.idleTimeoutSeconds,
    };
  }

  #slideIdleExpiry(): void {
    const stored = this.#store.read();
    if (!stored?.idleTimeoutSeconds) return;
    const slid = Math.min(this.#clock.now() + stored.idleTimeoutSeconds * 1000, Date.parse(stored.expiresAt));
    this.#update({ idleExpiresAt: new Date(slid).toISOString() });
  }

  #update(times: Partial<StoredSession>): void {
    const stored = this.#store.read();
    if (stored && this.signedIn) this.#store.write({ ...stored, ...times });
  }

  #newClient(sessionToken?: string): VictimClient {
    return new VictimClient({
      baseUrl: this.#options.apiBase,
      ...(sessionToken ? { sessionToken } : {}),
      ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
      // The service said the session is over (expired or revoked): drop what we keep of it.
      ...(sessionToken ? {} : { onSessionEnded: () => this.#store.clear() }),
    });
  }
}
