import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProblem, type Language, type VictimClient } from '@victim-portal/sdk';
import { languageOf, supportedLocale } from './localization.js';
import { PortalSession } from './session.js';

/** The contract's case id: a UUID. Anything else in `case-id` is a page's mistake, not a case. */
const caseIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An element that shows something of one of the victim's cases, as `<vp-messages>` does. */
export interface VictimReadHost extends ReactiveControllerHost, HTMLElement {
  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  apiBase: string;
  /** A fetch to use instead of the global one, on its own only. */
  fetch: typeof fetch | undefined;
  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  session: PortalSession | undefined;
  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  sessionEnded: (() => void) | undefined;
}

/** Where a read stands: `signed-out` when there is no session (or no valid case id) to read with. */
export type VictimReadState = 'signed-out' | 'loading' | 'ready' | 'failed' | 'not-found';

/**
 * Reads one thing of one of the victim's cases, in the language the element shows (the
 * portal's, inside `<vp-portal>`), again whenever the case or the language changes. Forgets it
 * on the quick exit and when the session ends, so nothing of the case stays in memory.
 */
export class VictimRead<T> implements ReactiveController {
  state: VictimReadState = 'signed-out';
  value: T | undefined;
  /** The service's request id of a failed read, to quote if the victim calls. */
  requestId: string | undefined;
  readonly #host: VictimReadHost;
  readonly #tagName: string;
  readonly #read: (client: VictimClient, caseId: string, lang: Language) => Promise<T>;
  #key: string | undefined;
  #caseId = '';
  #reads = 0;

  /**
   * @param host the element
   * @param read asks the service, e.g. `(client, caseId, lang) => client.timeline(caseId, { lang })`
   */
  constructor(host: VictimReadHost, read: (client: VictimClient, caseId: string, lang: Language) => Promise<T>) {
    this.#host = host;
    this.#tagName = host.localName;
    this.#read = read;
    host.addController(this);
  }

  /** @returns the language of the words to ask for: the element's `lang`, or the nearest one above it */
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
   * Reads again when the case, the session or the language changed since the last read.
   * Call it from the element's `willUpdate` (the language controller re-renders on a change).
   */
  sync(caseId: string): void {
    const valid = caseIdPattern.test(caseId);
    if (caseId && !valid && this.#key !== `bad|${caseId}`) {
      this.#key = `bad|${caseId}`;
      console.warn(`[victim-portal] <${this.#tagName}> case-id "${caseId}" is not a case id (a UUID, as the API gives it); nothing is shown.`);
    }
    const session = valid ? this.#resume() : undefined;
    if (!session?.signedIn) {
      if (valid) this.#key = undefined;
      return this.#clear();
    }
    const key = `${caseId}|${this.language}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#caseId = caseId;
    void this.reload();
  }

  /** Reads again (the victim's "Try again"). */
  async reload(): Promise<void> {
    const session = this.#host.session;
    if (!session?.signedIn) return this.#clear();
    const read = ++this.#reads;
    this.state = 'loading';
    this.#host.requestUpdate();
    try {
      const value = await this.#read(session.messaging, this.#caseId, this.language);
      if (read !== this.#reads) return;
      this.value = value;
      this.state = 'ready';
    } catch (error) {
      if (read !== this.#reads) return;
      this.value = undefined;
      this.requestId = isProblem(error) ? error.requestId : undefined;
      if (isProblem(error) && error.status === 401) return this.#ended();
      this.state = isProblem(error) && error.status === 404 ? 'not-found' : 'failed';
    }
    this.#host.requestUpdate();
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

  #ended(): void {
    this.#key = undefined;
    this.#clear();
    this.#host.session?.forget();
    this.#host.sessionEnded?.();
  }

  #clear(): void {
    this.#reads++;
    this.value = undefined;
    if (this.state === 'signed-out') return;
    this.state = 'signed-out';
    this.#host.requestUpdate();
  }

  // Synchronous in the exit control's dispatch: nothing read is kept.
  readonly #onQuickExit = (): void => {
    this.#key = undefined;
    this.#clear();
  };
}
