import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProblem, type Language, type VictimClient } from '@victim-portal/sdk';
import { languageOf, serviceLanguageFor, supportedLocale } from './localization.js';
import { PortalSession } from './session.js';

/** What an element that reads from the service has, as `<vp-messages>` does. */
export interface ServiceReadHost extends ReactiveControllerHost, HTMLElement {
  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  apiBase: string;
  /** A fetch to use instead of the global one, on its own only. */
  fetch: typeof fetch | undefined;
  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  session: PortalSession | undefined;
  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  sessionEnded: (() => void) | undefined;
}

/** Where a read stands: `signed-out` when there is nothing to read (no session, or no valid case id). */
export type ServiceReadState = 'signed-out' | 'loading' | 'ready' | 'failed' | 'not-found';

/**
 * Reads one thing from the service for an element: the victim's own (one of their cases, their
 * preferences) with their session, or public (the Victims' Code) without one. In the element's
 * language (the portal's, inside `<vp-portal>`), and again whenever what to read, the session or
 * the language changes. Forgets it on the quick exit and when the session ends, so nothing of
 * the case stays in memory.
 */
export class ServiceRead<T> implements ReactiveController {
  state: ServiceReadState = 'signed-out';
  value: T | undefined;
  /** The service's request id of a failed read, to quote if the victim calls. */
  requestId: string | undefined;
  readonly #host: ServiceReadHost;
  readonly #read: (client: VictimClient | undefined, lang: Language) => Promise<T>;
  readonly #perLanguage: boolean;
  #key: string | undefined;
  #session: PortalSession | undefined;
  #needsSession = false;
  #reads = 0;

  /**
   * @param host the element
   * @param read asks the service, with the session's client (none for a public read), e.g.
   * `(client, lang) => client!.timeline(caseId, { lang })`
   * @param perLanguage whether the service's answer is in the element's language (read again when it changes)
   */
  constructor(host: ServiceReadHost, read: (client: VictimClient | undefined, lang: Language) => Promise<T>, perLanguage = true) {
    this.#host = host;
    this.#read = read;
    this.#perLanguage = perLanguage;
    host.addController(this);
  }

  /** @returns the session's client, as `<vp-messages>` uses it; undefined for a public read */
  get client(): VictimClient | undefined {
    return this.#session?.messaging;
  }

  /**
   * @returns the language of the words to ask for: the element's `lang`, or the nearest one above it,
   * if the service writes in it (else English)
   */
  get language(): Language {
    return serviceLanguageFor(supportedLocale(languageOf(this.#host)));
  }

  hostConnected(): void {
    window.addEventListener('vp-quick-exit', this.#onQuickExit);
  }

  hostDisconnected(): void {
    window.removeEventListener('vp-quick-exit', this.#onQuickExit);
  }

  /**
   * Reads again if `what` (say the case id), the session or the language changed since the
   * last read. Call it from the element's `willUpdate` (the language controller re-renders on a change).
   * @param what what to read, or undefined for nothing (no case id, or a bad one: see `checkCaseId`)
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
    this.#needsSession = needsSession;
    void this.reload();
  }

  /** Reads again (the victim's "Try again"). */
  async reload(): Promise<void> {
    // Nothing of the victim's is asked for once their session is over (signed out elsewhere).
    if (this.#needsSession && !this.#session?.signedIn) return this.#clear();
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

  /** The service said the session is over (a 401, here or in the element's own calls): forget it here and tell the page. */
  ended(): void {
    this.#key = undefined;
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

  // Synchronous in the exit control's dispatch: nothing read is kept, nor the session.
  readonly #onQuickExit = (): void => {
    this.#key = undefined;
    this.#host.session?.forget();
    this.#clear();
  };
}
