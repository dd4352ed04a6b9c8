import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { authorWords, noticeWords, sentWords, updateRequestWords, type ThreadNames } from './message-words.js';
import { maxBodyLength, maxNoteLength } from './thread-api.js';
import type { Thread, ThreadItem } from './thread.js';

/**
 * The thread, oldest first, as a list in a `role="log"` region. The log's own live announcements are
 * turned off (`aria-live="off"`): every change inside it (a "Sending…" turning into "Sent")
 * would be read out. New messages are announced instead through `liveRegion`, one line each.
 * Bodies are Lit text bindings, so `<script>` or `onerror=` in a message is shown as text and
 * never becomes markup.
 */
export function threadList(thread: Thread, names: ThreadNames, retry: (id: string) => void): TemplateResult {
  if (thread.items.length === 0) return html`<p class="empty">${msg('No messages yet.')}</p>`;
  return html`
    <div part="thread" role="log" aria-live="off" aria-label=${msg('Messages')}>
      <ol class="thread">
        ${thread.items.map((item) => threadItem(thread, item, names, retry))}
      </ol>
    </div>
  `;
}

function threadItem(thread: Thread, item: ThreadItem, names: ThreadNames, retry: (id: string) => void): TemplateResult {
  const { message } = item;
  const own = message.author.type === thread.reader;
  const side = message.author.type === 'system' ? 'notice' : own ? 'own' : 'theirs';
  const request = message.kind === 'update_request';
  return html`
    <li part="message ${side}" class="message ${side} ${request ? 'update-request' : ''} ${item.delivery}" data-message-id=${message.id}>
      <p class="meta">
        <span class="author">${authorWords(message, thread.reader, names)}</span>
        <time datetime=${message.sentAt}>${sentWords(message.sentAt)}</time>
      </p>
      ${message.kind === 'notice' ? html`<p class="body">${noticeWords(message, thread.reader)}</p>` : nothing}
      ${request ? html`<p class="kind">${updateRequestWords(thread.reader)}</p>` : nothing}
      ${message.kind !== 'notice' && message.body ? html`<p class="body">${message.body}</p>` : nothing}
      ${own ? delivery(thread, item, retry) : nothing}
    </li>
  `;
}

function delivery(thread: Thread, item: ThreadItem, retry: (id: string) => void): TemplateResult | typeof nothing {
  switch (item.delivery) {
    case 'sending':
      return html`<p class="delivery">${msg('Sending…')}</p>`;
    case 'failed':
      return html`
        <p class="delivery problem"><strong>${msg('Not sent.')}</strong> ${msg('Check your internet connection.')}</p>
        <button part="retry-button" class="button secondary" type="button" @click=${() => retry(item.message.id)}>${msg('Try again')}</button>
      `;
    case 'sent':
      return html`<p class="delivery">${thread.isReadByOther(item.message) ? msg('Read') : msg('Sent')}</p>`;
  }
}

/**
 * The polite live region that announces new messages and what became of the reader's sends. Each
 * announcement is a new node: screen readers say nothing when a region's text is set to what it
 * already was ("New message from DC Sam Patel" twice).
 */
export function liveRegion(thread: Thread): TemplateResult {
  return html`<div class="visually-hidden" aria-live="polite" aria-atomic="true" data-live>
    ${keyed(thread.announcements, html`<span>${thread.announcement}</span>`)}
  </div>`;
}

/** The stream's state: quiet, and only while it is not connected. */
export function streamStatus(thread: Thread): TemplateResult {
  const reconnecting = thread.stream === 'reconnecting';
  return html`<p part="connection" class="connection" role="status">${reconnecting ? msg('Reconnecting…') : nothing}</p>`;
}

/** What the composer needs from its element. */
export interface ComposerActions {
  input(value: string): void;
  send(): void;
}

/**
 * The message box: labelled, with a count of the characters left (GOV.UK's character count:
 * typing over the limit is allowed and then refused with a message, so nothing pasted is cut).
 */
export function composer(thread: Thread, label: string, actions: ComposerActions): TemplateResult {
  const left = maxBodyLength - thread.draft.length;
  const problem =
    thread.draftProblem === 'empty'
      ? msg('Enter a message')
      : thread.draftProblem === 'too-long'
        ? msg(str`Your message must be ${maxBodyLength} characters or fewer`)
        : undefined;
  return html`
    <form
      part="composer"
      class="composer"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        actions.send();
      }}
    >
      <label for="message-body">${label}</label>
      ${problem ? html`<p id="message-problem" class="field-problem"><span class="visually-hidden">${msg('Error:')}</span> ${problem}</p>` : nothing}
      <textarea
        id="message-body"
        name="body"
        rows="5"
        aria-describedby=${problem ? 'message-problem message-count' : 'message-count'}
        aria-invalid=${problem ? 'true' : 'false'}
        .value=${thread.draft}
        @input=${(event: Event) => actions.input((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="message-count" class="hint ${left < 0 ? 'over' : ''}">
        ${left >= 0 ? msg(str`You have ${left} characters left`) : msg(str`You have ${-left} characters too many`)}
      </p>
      <button part="send-button" class="button" type="submit">${msg('Send')}</button>
    </form>
  `;
}

/** The "Ask for an update" form, for victims: a request the officer sees apart, with an optional note. */
export function updateRequestForm(thread: Thread, actions: ComposerActions): TemplateResult {
  return html`
    <form
      part="update-request"
      class="update-request-form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        actions.send();
      }}
    >
      <p class="hint">${msg('You do not have to write anything: the officer will see that you asked.')}</p>
      <label for="update-note">${msg('Add a note (optional)')}</label>
      <input
        id="update-note"
        name="note"
        type="text"
        maxlength=${maxNoteLength}
        .value=${thread.note}
        @input=${(event: Event) => actions.input((event.target as HTMLInputElement).value)}
      />
      <button part="update-button" class="button secondary" type="submit">${msg('Ask for an update')}</button>
    </form>
  `;
}

