import type { SessionInfo, SignInChallenge, VictimCase, VictimCaseList, VictimSession } from '@victim-portal/contract';
import { isProblem } from './errors.js';
import { Http, type HttpOptions } from './http.js';

/** Options for the victim's client (runs in the browser, inside the force's website). */
export interface VictimClientOptions extends HttpOptions {
  /** A session token kept from earlier in this tab (sessionStorage), if any. */
  sessionToken?: string;
  /** Called when the service says the session is over (expired, revoked, signed out). */
  onSessionEnded?: () => void;
}

/**
 * What a victim can do: sign in with the invite from their link and its second factor, then
 * read their own cases. Holds the session token in memory only; where to keep it across
 * reloads is the caller's choice (the widgets use sessionStorage, never localStorage or cookies).
 */
export class VictimClient {
  /** The current session token, if signed in. */
  sessionToken: string | undefined;
  readonly #http: Http;
  readonly #onSessionEnded: (() => void) | undefined;

  constructor(options: VictimClientOptions) {
    this.sessionToken = options.sessionToken;
    this.#onSessionEnded = options.onSessionEnded;
    this.#http = new Http(options, () => this.sessionToken);
  }

  /**
   * Checks the invite without using it up and asks which second factor to give. For a
   * one-time code, this sends a new code each time it is called.
   * @param token the `vpi_…` token from the invite link's URL fragment
   * @returns what to ask the victim for, and where a code went
   */
  startChallenge(token: string): Promise<SignInChallenge> {
    return this.#http.json('post', 'v1/invites/challenge', { token });
  }

  /**
   * Exchanges the invite token and the second-factor answer for a session, and keeps its token.
   * @param token the `vpi_…` token from the invite link
   * @param answer the one-time code, date of birth (YYYY-MM-DD) or postcode
   * @returns the new session
   */
  async redeemInvite(token: string, answer: string): Promise<VictimSession> {
    this.sessionToken = undefined;
    const session = await this.#http.json<VictimSession>('post', 'v1/invites/redeem', { token, answer });
    this.sessionToken = session.sessionToken;
    return session;
  }

  /**
   * Asks for a new sign-in link to a contact the force holds. Resolves the same way whether or
   * not the force holds it, by design.
   * @param force the force's slug
   * @param contact an email address or mobile number
   */
  requestSignInLink(force: string, contact: string): Promise<void> {
    return this.#http.send('post', 'v1/sign-in-links', { force, contact });
  }

  /** @returns the session's expiry times; calling it keeps an idle session alive */
  getSession(): Promise<SessionInfo> {
    return this.#signedIn(() => this.#http.json<SessionInfo>('get', 'v1/me/session'));
  }

  /** @returns the signed-in victim's cases, newest report first */
  async listMyCases(): Promise<VictimCase[]> {
    const list = await this.#signedIn(() => this.#http.json<VictimCaseList>('get', 'v1/me/cases'));
    return list.items;
  }

  /** @returns one of the signed-in victim's cases; ProblemError 404 for anyone else's */
  getMyCase(caseId: string): Promise<VictimCase> {
    return this.#signedIn(() => this.#http.json<VictimCase>('get', `v1/me/cases/${encodeURIComponent(caseId)}`));
  }

  /**
   * Ends the session on the server and forgets its token. An already-ended session is not an error.
   * @param options.keepalive let the request finish after the page is left (quick exit)
   */
  async signOut(options: { keepalive?: boolean } = {}): Promise<void> {
    if (!this.sessionToken) return;
    const token = this.sessionToken;
    try {
      await this.#http.send('delete', 'v1/me/session', undefined, options.keepalive ?? false);
    } catch (error) {
      if (!isProblem(error) || error.status !== 401) throw error;
    } finally {
      // Forgotten even when the request failed: on a shared device the next person must not
      // find a live token here. (A new sign-in meanwhile has its own token: leave that.)
      if (this.sessionToken === token) this.sessionToken = undefined;
    }
  }

  async #signedIn<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isProblem(error) && error.status === 401) {
        this.sessionToken = undefined;
        this.#onSessionEnded?.();
      }
      throw error;
    }
  }
}
