import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProblem, type Language, type VictimClient } from '@victim-portal/sdk';
import { languageOf, supportedLocale } from '../shared/localization.js';
import { PortalSession } from '../shared/session.js';

/** The contract's case id: a UUID. Anything else in `case-id` is a page's mistake, not a case. */
export const caseIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an element that reads from the service has, as `<vp-messages>` does. */
export interface ServiceHost extends ReactiveControllerHost, HTMLElement {
  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  apiBase: string;
  /** A fetch to use instead of the global one, on its own only. */
  fetch: typeof fetch | undefined;
  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  session: PortalSession | undefined;
  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  sessionEnded: (() => void) | undefined;
}

/** Where a read stands: `signed-out` when it needs a session and there is none. */
export type ReadState = 'signed-out' | 'loading' | 'ready' | 'failed' | 'not-found';

/**
 * Reads one thing from the service for an element, in the element's language, again whenever
 * what to read or the language changes; forgets it on the quick exit and when the session ends.
 */
export class ServiceRead<T> implements ReactiveController {
  state: ReadState = 'signed-out';
  value: T | undefined;
  /** The service's request id of a failed read, to quote if the victim calls. */
  requestId: string | undefined;
  readonly #host: ServiceHost;
  readonly #read: (client: VictimClient | undefined, lang: Language) => Promise<T>;
  #key: string | undefined;
  #session: PortalSession | undefined;
  readonly #perLanguage: boolean;
  #reads = 0;

  /**
   * @param read asks the service, with the session's client (none for a public read), e.g.
   * `(client, lang) => client!.rights(caseId, { lang })`
   * @param perLanguage whether the service's answer is in the element's language (read again when it changes)
   */
  constructor(host: ServiceHost, read: (client: VictimClient | undefined, lang: Language) => Promise<T>, perLanguage = true) {
    this.#host = host;
    this.#read = read;
    this.#perLanguage = perLanguage;
    host.addController(this);
  }

  /** @returns the session's client, as `<vp-messages>` uses it; undefined for a public read */
  get client(): VictimClient | undefined {
    return this.#session?.messaging;
  }

  /** @returns the language the element shows: its `lang`, or its page's */
  get language(): Language {
    return supportedLocale(languageOf(this.#host));
  }

  hostConnected(): void {
    window.addEventListener('vp-quick-exit', this.#onQuickExit);
  }

  hostDisconnected(): void {
    window.removeEventListener('vp-quick-exit', this.#onQuickExit);
  }

  /**
   * Reads again if `what` (say the case id) or the language changed since the last read.
   * Call it from the element's `willUpdate`.
   * @param what what to read, or undefined for nothing (a bad case id)
   * @param needsSession whether the read is the victim's own (else public)
   */
  sync(what: string | undefined, needsSession: boolean): void {
    const session = needsSession ? this.#resume() : undefined;
    if (what === undefined || (needsSession && !session?.signedIn)) {
      this.#key = undefined;
      this.#clear();
      return;
    }
    const key = this.#perLanguage ? `${what}|${this.language}` : what;
    if (key === this.#key && session === this.#session) return;
    this.#key = key;
    this.#session = session;
    void this.reload();
  }

  /** Reads again (the victim's "Try again"). */
  async reload(): Promise<void> {
    const read = ++this.#reads;
    this.state = 'loading';
    this.#host.requestUpdate();
    try {
      const value = await this.#read(this.client, this.language);
      if (read !== this.#reads) return;
      this.value = value;
      this.state = 'ready';
    } catch (error) {
      if (read !== this.#reads) return;
      this.value = undefined;
      this.requestId = isProblem(error) ? error.requestId : undefined;
      if (isProblem(error) && error.status === 401) return this.ended();
      this.state = isProblem(error) && error.status === 404 ? 'not-found' : 'failed';
    }
    this.#host.requestUpdate();
  }

  /** The service said the session is over: forget it here and tell the page. */
  ended(): void {
    this.#clear();
    this.#host.session?.forget();
    this.#host.sessionEnded?.();
  }

  #resume(): PortalSession | undefined {
    const host = this.#host;
    if (!host.session) {
      // On its own: the session this tab keeps, as <vp-sign-in> and <vp-portal> leave it.
      const own = new PortalSession({ apiBase: host.apiBase, fetch: host.fetch });
      if (own.resume() !== 'resumed') return undefined;
      host.session = own;
    }
    return host.session;
  }

  #clear(): void {
    this.#reads++;
    this.#session = undefined;
    this.value = undefined;
    if (this.state === 'signed-out') return;
    this.state = 'signed-out';
    this.#host.requestUpdate();
  }

  // Synchronous in the exit control's dispatch: nothing read is kept.
  readonly #onQuickExit = (): void => {
    this.#key = undefined;
    this.#host.session?.forget();
    this.#clear();
  };
}
