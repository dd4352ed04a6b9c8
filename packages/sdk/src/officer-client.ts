import type { Message, MessagePage, OfficerCaseList, ReadState } from '@victim-portal/contract';
import { Http, type HttpOptions } from './http.js';
import { newId } from './ids.js';
import { openLiveStream, type SubscribeOptions, type ThreadListener, type ThreadSubscription } from './live-stream.js';
import { allPages, type MessagePageOptions } from './message-pages.js';
import { TokenKeeper } from './token-keeper.js';

/** Options for the officer's client (the officer widget, inside a records system's screen). */
export interface OfficerClientOptions extends HttpOptions {
  /**
   * Gets a short-lived officer token (`vpo_…`) from the host page's own back end, which mints
   * it with `ForceClient.mintOfficerToken`. Called at first use and again whenever the service
   * refuses the token held (it expired); its errors reach the caller as they are.
   */
  getToken: () => Promise<string>;
}

/**
 * What an officer can do with a short-lived token: see the cases they are in charge of or
 * cover, read and answer their threads, mark them read, and listen live. The token stays in
 * memory; on a 401 the client gets a new one and tries that request once more.
 */
export class OfficerClient {
  readonly #http: Http;
  readonly #tokens: TokenKeeper;

  constructor(options: OfficerClientOptions) {
    this.#tokens = new TokenKeeper(options.getToken);
    // Each request sends its token itself (see TokenKeeper.authorized), to know which one a 401 refused.
    this.#http = new Http(options, () => undefined);
  }

  /** @returns the officer and their cases, those with unread messages or pending update requests first */
  listCases(): Promise<OfficerCaseList> {
    return this.#tokens.authorized((auth) => this.#http.json('get', 'v1/officer/cases', undefined, auth));
  }

  /**
   * Reads one page of a case's thread.
   * @param options.after start after this message cursor (the start of the thread when left out)
   * @param options.limit at most this many messages (1–200)
   * @returns the page, oldest first, with how far each side has read
   */
  listMessages(caseId: string, options: MessagePageOptions = {}): Promise<MessagePage> {
    return this.#tokens.authorized((auth) => this.#http.json('get', messagesUrl(caseId), undefined, { ...auth, searchParams: { ...options } }));
  }

  /**
   * Reads a whole thread (or everything after a cursor), following `nextCursor` to the end.
   * @returns every message, the last page's `read`, and `nextCursor` null
   */
  allMessages(caseId: string, after?: string): Promise<MessagePage> {
    return allPages((from) => this.listMessages(caseId, { ...(from === undefined ? {} : { after: from }), limit: 200 }), after);
  }

  /**
   * Replies to the victim. Safe to retry with the same `id`; the SDK retries network failures
   * and 502/503/504 itself with the same id.
   * @param body plain text, 1–2000 characters
   * @param id the message's id (a UUID); keep it with a draft to retry a failed send
   * @returns the stored message
   */
  sendMessage(caseId: string, body: string, id: string = newId()): Promise<Message> {
    return this.#tokens.authorized((auth) => this.#http.json('post', messagesUrl(caseId), { id, body }, { ...auth, retryable: true }));
  }

  /**
   * Records that the officers have read the thread up to a message (a receipt never moves back).
   * @param upTo the `cursor` of the newest message read
   * @returns where each side has now read up to
   */
  markRead(caseId: string, upTo: string): Promise<ReadState> {
    return this.#tokens.authorized((auth) => this.#http.json('post', `${messagesUrl(caseId)}/read`, { upTo }, { ...auth, retryable: true }));
  }

  /**
   * Listens to new messages and read receipts on every case the officer may see, live
   * (`GET v1/officer/stream`). Reconnects by itself and resumes where it left off; when the
   * token is refused it gets a new one first, and stops for good only if that is refused too.
   * @param options.lastEventId resume after this event (from an earlier subscription)
   * @returns the subscription
   */
  subscribe(listener: ThreadListener, options: SubscribeOptions = {}): ThreadSubscription {
    const connection = {
      url: this.#http.url('v1/officer/stream'),
      fetch: this.#http.fetch,
      token: () => this.#tokens.current(),
      unauthorized: async (token: string | undefined) => {
        await this.#tokens.renew(token);
        return true;
      },
    };
    return openLiveStream(connection, listener, options);
  }

}

function messagesUrl(caseId: string): string {
  return `v1/officer/cases/${encodeURIComponent(caseId)}/messages`;
}
