import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { OfficerClient } from '@victim-portal/sdk';
import { VpMessageSentEvent } from '../events/message-sent-event.js';
import { composer, liveRegion, streamStatus, threadList } from '../messages/thread-view.js';
import { threadStyles } from '../messages/thread.styles.js';
import type { Thread } from '../messages/thread.js';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { caseList, roleWords } from './case-list.js';
import { Inbox, type OfficerService } from './inbox.js';
import { officerInboxStyles } from './officer-inbox.styles.js';

/**
 * @summary The officer's messages with victims, for a records system's screen: their cases
 * (unread messages and update requests first), then one case's thread with a reply box.
 *
 * The host page gives `getToken`, which fetches a short-lived officer token from its own back
 * end (minted there with `ForceClient`); the element calls it again whenever the service says
 * the token is over. Replies show at once, "Not sent" with "Try again" (same message id) when
 * they fail, and the draft stays until the service has it. Escape or "Back to your cases"
 * returns to the list with focus on the case just left.
 *
 * @fires {VpMessageSentEvent} vp-message-sent - The service has a reply the officer wrote (ids only).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading of the list or the case.
 * @csspart case-list - The list of cases.
 * @csspart case-button - Each case in it.
 * @csspart badge - The unread and update-request counts.
 * @csspart back-button - "Back to your cases".
 * @csspart connection - "Reconnecting…" while the live stream is down.
 * @csspart thread - The list of messages (role=log).
 * @csspart message - Each message; also `own`, `theirs` or `notice`.
 * @csspart retry-button - "Try again" on a reply that was not sent.
 * @csspart composer - The reply form.
 * @csspart send-button - Its "Send" button.
 *
 * @cssprop --vp-color-brand - The case buttons' text and the counts.
 * @cssprop --vp-focus-colour - Focus highlight.
 * @cssprop --vp-color-border - Lines between cases.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpOfficerInbox extends LitElement {
  static override styles = [themeStyles, controlStyles, threadStyles, officerInboxStyles];

  /** The API's base URL. Read once, when the element starts. */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** The level of this element's headings, 2–6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  /** Fetches a fresh officer token from the host page's back end. Set before connecting. */
  @property({ attribute: false }) getToken: (() => Promise<string>) | undefined;

  /** A fetch to use instead of the global one (tests, instrumented fetch). Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  #inbox: Inbox | undefined;
  #focus: { caseId?: string } | undefined;

  constructor() {
    super();
    new LanguageController(this);
    this.addEventListener('keydown', this.#onKeydown);
  }

  /** @internal the inbox, for tests and stories */
  get inbox(): Inbox | undefined {
    return this.#inbox;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#inbox?.subscribe();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#inbox?.unsubscribe();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  protected override willUpdate(): void {
    if (this.#inbox || !this.getToken) return;
    const getToken = this.getToken;
    const service: OfficerService = new OfficerClient({ baseUrl: this.apiBase, getToken: () => getToken(), ...(this.fetch ? { fetch: this.fetch } : {}) });
    this.#inbox = new Inbox(service, {
      changed: () => this.requestUpdate(),
      sent: (message) => this.dispatchEvent(new VpMessageSentEvent(message.caseId, message.id)),
    });
    void this.#inbox.loadCases();
    this.#inbox.subscribe();
  }

  protected override render() {
    const inbox = this.#inbox;
    const level = headingLevel(this.headingLevel, 2);
    const thread = inbox?.openThread;
    return html`<div part="base">${!inbox ? nothing : thread ? this.#threadScreen(inbox, thread, level) : this.#listScreen(inbox, level)}</div>`;
  }

  protected override updated(): void {
    const focus = this.#focus;
    if (!focus) return;
    this.#focus = undefined;
    const target = focus.caseId
      ? this.renderRoot.querySelector<HTMLElement>(`[data-case-id="${CSS.escape(focus.caseId)}"]`)
      : this.renderRoot.querySelector<HTMLElement>('[part="heading"][tabindex="-1"]');
    target?.focus();
  }

  #listScreen(inbox: Inbox, level: HeadingLevel) {
    return html`
      ${heading(level, msg('Messages from victims'), true)}
      ${inbox.state === 'loading' ? html`<p>${msg('Getting your cases…')}</p>` : nothing}
      ${inbox.state === 'failed'
        ? html`
            <div role="alert">
              <p>${msg('Your cases could not be loaded. Try again, or contact your service desk if it keeps happening.')}</p>
              ${inbox.requestId ? html`<p>${msg(str`Reference: ${inbox.requestId}`)}</p>` : nothing}
            </div>
            <button class="button secondary" type="button" @click=${() => void inbox.loadCases()}>${msg('Try again')}</button>
          `
        : nothing}
      ${inbox.state === 'ready' ? caseList(inbox.cases, (caseId) => this.#openCase(caseId)) : nothing}
    `;
  }

  #threadScreen(inbox: Inbox, thread: Thread, level: HeadingLevel) {
    const officerCase = inbox.caseOf(thread.caseId);
    const victimName = officerCase?.victimName ?? msg('the victim');
    const names = { victim: victimName, ownCollarNumber: inbox.officer?.collarNumber ?? '' };
    return html`
      <button part="back-button" class="back" type="button" @click=${() => this.#closeCase()}>${msg('Back to your cases')}</button>
      ${heading(level, officerCase ? `${officerCase.crimeReference} · ${officerCase.victimName}` : msg('Messages'), true)}
      ${officerCase ? html`<p class="facts">${officerCase.crimeType} · ${roleWords(officerCase.role)}</p>` : nothing}
      ${thread.state === 'loading' ? html`<p>${msg('Getting the messages…')}</p>` : nothing}
      ${thread.state === 'failed'
        ? html`<p role="alert">${msg('The messages could not be loaded.')}</p>
            <button class="button secondary" type="button" @click=${() => void thread.load()}>${msg('Try again')}</button>`
        : nothing}
      ${thread.state === 'ready'
        ? html`
            ${streamStatus(thread)} ${threadList(thread, names, (id) => thread.retry(id))} ${liveRegion(thread)}
            ${composer(thread, msg(str`Reply to ${victimName}`), {
              input: (value) => {
                thread.draft = value;
                this.requestUpdate();
              },
              send: () => thread.send(),
            })}
          `
        : nothing}
    `;
  }

  #openCase(caseId: string): void {
    this.#inbox?.open(caseId);
    this.#focus = {};
  }

  #closeCase(): void {
    const caseId = this.#inbox?.openThread?.caseId;
    this.#inbox?.close();
    this.#focus = caseId ? { caseId } : {};
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#inbox?.openThread) return;
    event.preventDefault();
    this.#closeCase();
  };

  readonly #onVisibility = (): void => this.#inbox?.openThread?.markReadIfSeen();
}

defineElement('vp-officer-inbox', VpOfficerInbox);

declare global {
  interface HTMLElementTagNameMap {
    'vp-officer-inbox': VpOfficerInbox;
  }
}
