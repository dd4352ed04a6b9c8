import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Message, OfficerInCharge } from '@victim-portal/sdk';
import { VpMessageSentEvent } from '../events/message-sent-event.js';
import { VpUpdateRequestedEvent } from '../events/update-requested-event.js';
import { checkCaseId } from '../shared/case-id.js';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import { PortalSession } from '../shared/session.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { arrivedWords, deliveryWords, recipientWords } from './message-words.js';
import type { ThreadSubscription } from './thread-api.js';
import { composer, liveRegion, streamStatus, threadList, updateRequestForm } from './thread-view.js';
import { threadStyles } from './thread.styles.js';
import { Thread } from './thread.js';

/**
 * @summary The victim's messages with the officer in charge of one case: the thread, a box to
 * write in, "Ask for an update", and always the reminder that this is not for emergencies.
 *
 * Inside `<vp-portal>` it uses the portal's session; on its own it resumes the session this tab
 * keeps (as `<vp-sign-in>` leaves it). Sends show at once ("Sending…"), and one that fails says
 * "Not sent" with "Try again", which sends the same message id so the service keeps one copy.
 * The draft stays in the box, in memory only, until the service has it. While shown it follows
 * the live stream (quietly saying "Reconnecting…" when it drops, then fetching what it missed)
 * and marks the officer's messages read while the page is visible.
 *
 * @fires {VpMessageSentEvent} vp-message-sent - The service has a message the victim wrote (ids only).
 * @fires {VpUpdateRequestedEvent} vp-update-requested - The service has the victim's request for an update (ids only).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading.
 * @csspart recipient - Who the messages go to, and any absence and cover.
 * @csspart emergency - The reminder that messages are not for emergencies.
 * @csspart connection - "Reconnecting…" while the live stream is down.
 * @csspart thread - The list of messages (role=log).
 * @csspart message - Each message; also `own`, `theirs` or `notice`.
 * @csspart retry-button - "Try again" on a message that was not sent.
 * @csspart composer - The form to write a message.
 * @csspart send-button - Its "Send" button.
 * @csspart update-request - The "Ask for an update" form.
 * @csspart update-button - Its button.
 *
 * @cssprop --vp-color-panel - The officer's messages and notices.
 * @cssprop --vp-color-error - "Not sent" and the composer's errors.
 * @cssprop --vp-color-button - The "Send" button.
 * @cssprop --vp-color-secondary-text - Dates and "Read".
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpMessages extends LitElement {
  static override styles = [themeStyles, controlStyles, threadStyles];

  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** The case whose thread to show. */
  @property({ attribute: 'case-id' }) caseId = '';

  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;

  /** A fetch to use instead of the global one, on its own only. Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /**
   * The case's officer in charge as the page already knows it (`<vp-portal>` passes the case's),
   * for when the service's thread does not say who the messages go to.
   */
  @property({ attribute: false }) officer: OfficerInCharge | null | undefined;

  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  @property({ attribute: false }) session: PortalSession | undefined;

  /**
   * Called when the service says the session is over (401); `<vp-portal>` sets it to sign out.
   * On its own the element forgets the thread and asks the victim to sign in.
   */
  @property({ attribute: false }) sessionEnded: (() => void) | undefined;

  #thread: Thread | undefined;
  #subscription: ThreadSubscription | undefined;
  #openedWith: PortalSession | undefined;

  constructor() {
    super();
    new LanguageController(this);
  }

  /** @internal the thread shown, for tests and stories */
  get thread(): Thread | undefined {
    return this.#thread;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('vp-quick-exit', this.#onQuickExit);
    if (this.#thread) this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('vp-quick-exit', this.#onQuickExit);
    this.#unsubscribe();
  }

  protected override willUpdate(): void {
    const session = checkCaseId(this, this.caseId) ? this.#session() : undefined;
    if (this.#thread?.caseId === this.caseId && this.#openedWith === session) return;
    this.#open(session);
  }

  protected override render() {
    const thread = this.#thread;
    const level = headingLevel(this.headingLevel, 3);
    return html`
      <section part="base" class="messages">
        ${heading(level, msg('Messages about your case'))}
        ${thread?.state === 'ready' ? html`<div part="recipient">${recipientWords(thread.officerInCharge === undefined ? this.officer : thread.officerInCharge).map((line) => html`<p>${line}</p>`)}</div>` : nothing}
        ${thread ? this.#body(thread) : html`<p>${msg('Sign in to see your messages.')}</p>`}
      </section>
    `;
  }

  #body(thread: Thread) {
    if (thread.state === 'loading') return html`<p>${msg('Getting your messages…')}</p>`;
    if (thread.state === 'failed' && thread.failure === 'not_found') {
      return html`<p>${msg('There are no messages to show for this case. If you think this is wrong, call 101.')}</p> ${emergency()}`;
    }
    if (thread.state === 'failed') {
      return html`
        <p>${msg('We could not get your messages just now. Check your internet connection and try again.')}</p>
        <button class="button secondary" type="button" @click=${() => void thread.load()}>${msg('Try again')}</button>
        ${emergency()}
      `;
    }
    return html`
      ${streamStatus(thread)} ${threadList(thread, {}, (id) => thread.retry(id))} ${liveRegion(thread)} ${emergency()}
      ${composer(thread, msg('Write a message'), {
        input: (value) => {
          thread.draft = value;
          this.requestUpdate();
        },
        send: () => thread.send(),
      })}
      ${updateRequestForm(thread, {
        input: (value) => {
          thread.note = value;
          this.requestUpdate();
        },
        send: () => thread.requestUpdate(),
      })}
    `;
  }

  #open(session: PortalSession | undefined): void {
    this.#unsubscribe();
    this.#openedWith = session;
    if (!session?.signedIn) {
      this.#thread = undefined;
      return;
    }
    const thread = new Thread(this.caseId, 'victim', session.messaging, {
      changed: () => this.requestUpdate(),
      sent: (message) => this.#sent(message),
      unauthorised: () => this.#ended(),
      arrivedWords: (message) => arrivedWords(message, 'victim', {}),
      deliveryWords,
    });
    this.#thread = thread;
    void thread.load();
    if (this.isConnected) this.#subscribe();
  }

  #session(): PortalSession | undefined {
    if (!this.session) {
      // On its own: the session this tab keeps, as <vp-sign-in> and <vp-portal> leave it.
      const own = new PortalSession({ apiBase: this.apiBase, fetch: this.fetch });
      if (own.resume() !== 'resumed') return undefined;
      this.session = own;
    }
    return this.session;
  }

  #subscribe(): void {
    const thread = this.#thread;
    const session = this.session;
    if (!thread || !session || this.#subscription) return;
    this.#subscription = session.messaging.subscribe({
      onMessage: (message) => thread.receive(message),
      onRead: (caseId, read) => thread.receiveRead(caseId, read),
      onStatus: (status, detail) => {
        if (status === 'closed' && detail?.problem?.status === 401) return this.#ended();
        const dropped = thread.stream === 'reconnecting';
        thread.stream = status;
        // The SDK resumes from Last-Event-ID; fetching after the newest message shown as well
        // covers events the service no longer replays.
        if (status === 'open' && dropped) void thread.resync();
        this.requestUpdate();
      },
    });
  }

  #unsubscribe(): void {
    this.#subscription?.close();
    this.#subscription = undefined;
  }

  #sent(message: Message): void {
    const event = message.kind === 'update_request' ? new VpUpdateRequestedEvent(message.caseId, message.id) : new VpMessageSentEvent(message.caseId, message.id);
    this.dispatchEvent(event);
  }

  #ended(): void {
    this.#unsubscribe();
    this.#thread = undefined;
    this.session?.forget();
    this.requestUpdate();
    this.sessionEnded?.();
  }

  readonly #onVisibility = (): void => this.#thread?.markReadIfSeen();

  // Synchronous in the exit control's dispatch: nothing of the thread or draft is kept.
  readonly #onQuickExit = (): void => {
    this.#unsubscribe();
    this.#thread = undefined;
    this.requestUpdate();
  };
}

/** Always above the composer: the thread is not watched all the time. */
function emergency() {
  return html`
    <div part="emergency" class="emergency">
      <p><strong>${msg('Do not use messages in an emergency. Call 999.')}</strong></p>
      <p>${msg('Messages are not read straight away. For anything urgent that is not an emergency, call 101. If you are deaf or speech-impaired, use text relay on 18000 (emergency) or 18001 101.')}</p>
    </div>
  `;
}

defineElement('vp-messages', VpMessages);

declare global {
  interface HTMLElementTagNameMap {
    'vp-messages': VpMessages;
  }
}
