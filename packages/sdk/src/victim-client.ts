import type {
  CaseRights, Language, Message, MessagePage, Preferences, PreferencesUpdate, ReadState, SessionInfo, SignInChallenge, SupportReferral, Timeline,
  VictimCase, VictimCaseList, VictimCrimeReport, VictimSession, VictimSupportService, VictimSupportServiceList,
} from '@victim-portal/contract';
import { isProblem } from './errors.js';
import { Http, type HttpOptions } from './http.js';
import { newId } from './ids.js';
import { openLiveStream, type SubscribeOptions, type ThreadListener, type ThreadSubscription } from './live-stream.js';
import { allPages, type MessagePageOptions } from './message-pages.js';

/** Options for the victim's client (runs in the browser, inside the force's website). */
export interface VictimClientOptions extends HttpOptions {
  /** A session token kept from earlier in this tab (sessionStorage), if any. */
  sessionToken?: string;
  /** Called when the service says the session is over (expired, revoked, signed out). */
  onSessionEnded?: () => void;
}

/** The language of the words in an answer: the victim's own language when left out. */
export type LanguageOption = {
  /** `en` or `cy`. */
  lang?: Language;
};

/**
 * What a victim can do: sign in with the invite from their link and its second factor, then
 * read their own cases, their timelines, crime reports, rights and support services, ask to be
 * referred to support, and set how and when they want to hear from the force. Holds the session
 * token in memory only; where to keep it across reloads is the caller's choice (the widgets use
 * sessionStorage, never persistent web storage or cookies).
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
    return this.#read('v1/me/session');
  }

  /** @returns the signed-in victim's cases, newest report first */
  async listMyCases(): Promise<VictimCase[]> {
    return (await this.#read<VictimCaseList>('v1/me/cases')).items;
  }

  /** @returns one of the signed-in victim's cases; ProblemError 404 for anyone else's */
  getMyCase(caseId: string): Promise<VictimCase> {
    return this.#read(caseUrl(caseId));
  }

  /**
   * Reads one page of the thread with the officer in charge of one of the victim's cases.
   * @param options.after start after this message cursor (the start of the thread when left out)
   * @param options.limit at most this many messages (1–200)
   * @returns the page, oldest first, with how far each side has read and who the OIC is now
   */
  listMessages(caseId: string, options: MessagePageOptions = {}): Promise<MessagePage> {
    return this.#signedIn(() => this.#http.json<MessagePage>('get', messagesUrl(caseId), undefined, { searchParams: { ...options } }));
  }

  /**
   * Reads the whole thread (or everything after a cursor), following `nextCursor` to the end.
   * @returns every message, the last page's `read` and `officerInCharge`, and `nextCursor` null
   */
  allMessages(caseId: string, after?: string): Promise<MessagePage> {
    return allPages((from) => this.listMessages(caseId, { ...(from === undefined ? {} : { after: from }), limit: 200 }), after);
  }

  /**
   * Messages the officer in charge. Safe to retry with the same `id`: the service stores one
   * message per id and answers a repeat with the stored one. The SDK itself retries network
   * failures and 502/503/504 a couple of times with the same id.
   * @param body plain text, 1–2000 characters
   * @param id the message's id (a UUID); keep it with a draft to retry a failed send
   * @returns the stored message
   */
  sendMessage(caseId: string, body: string, id: string = newId()): Promise<Message> {
    return this.#signedIn(() => this.#http.json<Message>('post', messagesUrl(caseId), { id, body }, { retryable: true }));
  }

  /**
   * Asks the officer for an update, with or without a note; the officer sees it apart from
   * ordinary messages. Idempotent by `id`, and retried like sendMessage.
   * @param note optional words to go with it, 1–500 characters
   * @returns the stored update request (a Message of kind `update_request`)
   */
  requestUpdate(caseId: string, note?: string, id: string = newId()): Promise<Message> {
    const request = { id, ...(note === undefined ? {} : { note }) };
    return this.#signedIn(() => this.#http.json<Message>('post', `${caseUrl(caseId)}/update-requests`, request, { retryable: true }));
  }

  /**
   * Records that the victim has read the thread up to a message (a receipt never moves back).
   * @param upTo the `cursor` of the newest message read
   * @returns where each side has now read up to
   */
  markRead(caseId: string, upTo: string): Promise<ReadState> {
    return this.#signedIn(() => this.#http.json<ReadState>('post', `${messagesUrl(caseId)}/read`, { upTo }, { retryable: true }));
  }

  /**
   * Reads what has happened on the case, what it means and when the victim will next hear.
   * Opening the timeline counts as telling the victim of every event it shows.
   * @param options.lang the language of the words (the victim's own when left out)
   * @returns the timeline, newest event first
   */
  timeline(caseId: string, options: LanguageOption = {}): Promise<Timeline> {
    return this.#read(`${caseUrl(caseId)}/timeline`, options);
  }

  /** @returns the victim's own account of the crime, as the force recorded it (read-only) */
  crimeReport(caseId: string): Promise<VictimCrimeReport> {
    return this.#read(`${caseUrl(caseId)}/crime-report`);
  }

  /**
   * Reads the Victims' Code rights that apply at the case's stage.
   * @param options.lang the language of the words (the victim's own when left out)
   * @returns the stage, the rights, and the Right to Review with its dates where it applies
   */
  rights(caseId: string, options: LanguageOption = {}): Promise<CaseRights> {
    return this.#read(`${caseUrl(caseId)}/rights`, options);
  }

  /**
   * Lists the support services that fit the case (crime type, where the victim lives, their age).
   * @param options.lang the language of the descriptions (English where the force has no Welsh)
   * @returns the services, each with any referral the victim already asked for
   */
  async supportServices(caseId: string, options: LanguageOption = {}): Promise<VictimSupportService[]> {
    return (await this.#read<VictimSupportServiceList>(`${caseUrl(caseId)}/support-services`, options)).items;
  }

  /**
   * Asks the force to refer the victim to a support service (Right 4; the force has 2 working
   * days). This sends the victim's consent to the force giving the service their name, contact
   * details and the crime type: call it only after showing the victim that and them agreeing
   * to it. Asking again for the same service returns the first request, so a retry is safe.
   * @param serviceKey the service's `key`, from supportServices()
   * @returns the referral request, with its `dueBy`
   */
  requestReferral(caseId: string, serviceKey: string): Promise<SupportReferral> {
    return this.#signedIn(() =>
      this.#http.json<SupportReferral>('post', `${caseUrl(caseId)}/support-referrals`, { serviceKey, consent: true }, { retryable: true }),
    );
  }

  /** @returns how and when the victim wants to hear from the force, and which channels they can choose */
  preferences(): Promise<Preferences> {
    return this.#read('v1/me/preferences');
  }

  /**
   * Changes some of the victim's preferences (the records system hears of it by webhook); `null`
   * for `updateEveryDays` or `quietHours` clears it.
   * @returns the preferences as now stored
   */
  updatePreferences(changes: PreferencesUpdate): Promise<Preferences> {
    return this.#signedIn(() => this.#http.json<Preferences>('patch', 'v1/me/preferences', changes));
  }

  /**
   * Listens to new messages and read receipts on all the victim's cases, live
   * (`GET v1/me/stream`). Reconnects by itself and resumes where it left off; stops for good
   * when the session ends (and calls `onSessionEnded`) or on `close()`.
   * @param options.lastEventId resume after this event (from an earlier subscription)
   * @returns the subscription
   */
  subscribe(listener: ThreadListener, options: SubscribeOptions = {}): ThreadSubscription {
    const connection = {
      url: this.#http.url('v1/me/stream'),
      fetch: this.#http.fetch,
      token: () => Promise.resolve(this.sessionToken),
      unauthorized: (token: string | undefined) => {
        // A sign-in since this connection started has its own token: use it.
        if (this.sessionToken !== undefined && this.sessionToken !== token) return Promise.resolve(true);
        // Already ended by a request meanwhile: say so once, not twice.
        if (this.sessionToken !== undefined) this.#endSession();
        return Promise.resolve(false);
      },
    };
    return openLiveStream(connection, listener, options);
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

  /** A GET as the signed-in victim. */
  #read<T>(path: string, searchParams: Record<string, string | undefined> = {}): Promise<T> {
    return this.#signedIn(() => this.#http.json<T>('get', path, undefined, { searchParams }));
  }

  async #signedIn<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isProblem(error) && error.status === 401) this.#endSession();
      throw error;
    }
  }

  #endSession(): void {
    this.sessionToken = undefined;
    this.#onSessionEnded?.();
  }
}

function caseUrl(caseId: string): string {
  return `v1/me/cases/${encodeURIComponent(caseId)}`;
}

function messagesUrl(caseId: string): string {
  return `${caseUrl(caseId)}/messages`;
}
