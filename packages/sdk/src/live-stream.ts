import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Message, ReadState, StreamEvent } from '@victim-portal/contract';
import { ProblemError } from './errors.js';
import { networkProblem, problemFromResponse } from './http.js';

/** Where a live stream stands: first connection, open, waiting to reconnect, or stopped for good. */
export type ThreadStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What a subscriber hears. Every method is optional; a throwing one does not stop the stream. */
export interface ThreadListener {
  /** A message was added to one of the threads (including the subscriber's own, and update requests). */
  onMessage?(message: Message): void;
  /** Someone read a thread: where each side has now read up to. */
  onRead?(caseId: string, read: ReadState): void;
  /** Every event, as sent, with its id (a cursor). */
  onEvent?(event: StreamEvent, id: string): void;
  /**
   * The connection changed. `reconnecting` says how long until the next try and, when there
   * was one, the problem that ended the last; `closed` is final (after close(), or with the
   * problem that ended it: a 401, or a 4xx that another try would not change).
   */
  onStatus?(status: ThreadStatus, detail?: { retryInMs?: number; problem?: ProblemError }): void;
}

/** An open subscription to a live stream. */
export interface ThreadSubscription {
  /** Stops the stream for good (no more calls to the listener, except `onStatus('closed')`). */
  close(): void;
  /** The id of the last event received: pass it as `lastEventId` to a later subscribe to resume. */
  readonly lastEventId: string | undefined;
}

/** Options for `subscribe`. */
export interface SubscribeOptions {
  /** Resume after this event id (from an earlier subscription's `lastEventId`). */
  lastEventId?: string;
}

/** How a client opens its stream: where, with which token, and what a 401 means to it. */
export interface LiveStreamConnection {
  url: string;
  fetch: typeof fetch | undefined;
  /** @returns the bearer token for the next connection */
  token(): Promise<string | undefined>;
  /**
   * The service refused `token` (401). Resolve true to connect again at once (there is a new
   * token), false to stop for good.
   */
  unauthorized(token: string | undefined, problem: ProblemError): Promise<boolean>;
}

const firstRetryMs = 1_000;
const maxRetryMs = 30_000;
// The service sends a comment every 25 s; a connection silent for longer than two of those is
// dead even if TCP has not noticed (a phone that changed network, a proxy that dropped it).
const silenceMs = 60_000;
// Ids remembered for deduplication: replays after a reconnect overlap by a few events at most.
const rememberedIds = 1_000;

type Outcome = { kind: 'closed' } | { kind: 'stop'; problem: ProblemError } | { kind: 'again' } | { kind: 'retry'; problem?: ProblemError; afterMs?: number };

/**
 * Opens a Server-Sent Events stream over fetch (EventSource cannot send `Authorization`), and
 * keeps it open: reconnects after a drop with exponential backoff and jitter, sending
 * `Last-Event-ID` so the service replays what was missed, and delivers each event id once.
 * @returns the subscription; it is connecting when this returns
 */
export function openLiveStream(connection: LiveStreamConnection, listener: ThreadListener, options: SubscribeOptions = {}): ThreadSubscription {
  const stream = new LiveStream(connection, listener, options.lastEventId);
  void stream.run();
  return stream;
}

class LiveStream implements ThreadSubscription {
  readonly #connection: LiveStreamConnection;
  readonly #listener: ThreadListener;
  #lastEventId: string | undefined;
  readonly #seen = new Set<string>();
  #closed = false;
  #abort: AbortController | undefined;
  #wake: (() => void) | undefined;
  #serverRetryMs: number | undefined;
  #failures = 0;
  #triedNewToken = false;

  constructor(connection: LiveStreamConnection, listener: ThreadListener, lastEventId: string | undefined) {
    this.#connection = connection;
    this.#listener = listener;
    this.#lastEventId = lastEventId;
  }

  get lastEventId(): string | undefined {
    return this.#lastEventId;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort?.abort();
    this.#wake?.();
    this.#status('closed');
  }

  async run(): Promise<void> {
    this.#status('connecting');
    while (!this.#closed) {
      const outcome = await this.#connectOnce();
      if (outcome.kind === 'closed' || this.#closed) return;
      if (outcome.kind === 'again') continue;
      if (outcome.kind === 'stop') {
        this.#closed = true;
        this.#status('closed', { problem: outcome.problem });
        return;
      }
      const retryInMs = this.#nextDelay(outcome.afterMs);
      this.#status('reconnecting', { retryInMs, ...(outcome.problem ? { problem: outcome.problem } : {}) });
      await this.#sleep(retryInMs);
    }
  }

  /** One connection, from the request to the end of its body. @returns what to do next */
  async #connectOnce(): Promise<Outcome> {
    const abort = new AbortController();
    this.#abort = abort;
    let token: string | undefined;
    try {
      token = await this.#connection.token();
    } catch (error) {
      // The host page's getToken failed (its own back end is down?): try again later.
      return { kind: 'retry', problem: error instanceof ProblemError ? error : networkProblem(error) };
    }
    if (this.#closed) return { kind: 'closed' };

    const headers = new Headers({ Accept: 'text/event-stream' });
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (this.#lastEventId !== undefined) headers.set('Last-Event-ID', this.#lastEventId);
    let response: Response;
    try {
      // Called bare, not as a method: browsers refuse a native fetch called on another object.
      const send = this.#connection.fetch ?? globalThis.fetch;
      response = await send(this.#connection.url, { headers, signal: abort.signal });
    } catch (error) {
      return this.#closed ? { kind: 'closed' } : { kind: 'retry', problem: networkProblem(error) };
    }

    if (response.status === 401) return this.#refused(token, await problemFromResponse(response));
    if (!response.ok) {
      const problem = await problemFromResponse(response);
      const worthRetrying = response.status === 408 || response.status === 429 || response.status >= 500;
      if (!worthRetrying) return { kind: 'stop', problem };
      return { kind: 'retry', problem, ...(problem.retryAfterSeconds === undefined ? {} : { afterMs: problem.retryAfterSeconds * 1000 }) };
    }
    if (!response.body || !/^text\/event-stream/.test(response.headers.get('content-type') ?? '')) {
      // Not the stream (a proxy's page, say): drop it and try again later.
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'retry', problem: new ProblemError({ type: 'about:blank', title: 'The service did not answer with an event stream', status: response.status }) };
    }

    this.#failures = 0;
    this.#triedNewToken = false;
    this.#status('open');
    return this.#read(response.body, abort);
  }

  /** A 401: once per connection, the client may get a new token and try again at once. */
  async #refused(token: string | undefined, problem: ProblemError): Promise<Outcome> {
    if (this.#triedNewToken) return { kind: 'stop', problem };
    this.#triedNewToken = true;
    let again: boolean;
    try {
      again = await this.#connection.unauthorized(token, problem);
    } catch (error) {
      // Getting a new token failed for some other reason: keep trying, with backoff.
      this.#triedNewToken = false;
      return { kind: 'retry', problem: error instanceof ProblemError ? error : networkProblem(error) };
    }
    if (this.#closed) return { kind: 'closed' };
    return again ? { kind: 'again' } : { kind: 'stop', problem };
  }

  async #read(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<Outcome> {
    const parser = createParser({
      onEvent: (message) => this.#dispatch(message),
      onRetry: (ms) => {
        this.#serverRetryMs = ms;
      },
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let silence = setTimeout(() => abort.abort(), silenceMs);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(silence);
        silence = setTimeout(() => abort.abort(), silenceMs);
        parser.feed(decoder.decode(value, { stream: true }));
        if (this.#closed) return { kind: 'closed' };
      }
      // The service ended the stream (a deploy, the token's expiry): connect again.
      return this.#closed ? { kind: 'closed' } : { kind: 'retry' };
    } catch (error) {
      return this.#closed ? { kind: 'closed' } : { kind: 'retry', problem: networkProblem(error) };
    } finally {
      clearTimeout(silence);
      abort.abort();
    }
  }

  #dispatch(message: EventSourceMessage): void {
    if (this.#closed) return;
    const id = message.id ?? '';
    if (id) {
      // A replay after a reconnect may repeat what was already delivered: each id once.
      if (this.#seen.has(id)) return;
      this.#seen.add(id);
      if (this.#seen.size > rememberedIds) this.#seen.delete(this.#seen.values().next().value!);
      this.#lastEventId = id;
    }
    let event: StreamEvent;
    try {
      event = JSON.parse(message.data) as StreamEvent;
    } catch {
      return; // not an event of ours
    }
    if (event.type === 'message.created' && event.message) this.#call(() => this.#listener.onMessage?.(event.message!));
    if (event.type === 'message.read' && event.read) this.#call(() => this.#listener.onRead?.(event.caseId, event.read!));
    this.#call(() => this.#listener.onEvent?.(event, id));
  }

  #status(status: ThreadStatus, detail?: { retryInMs?: number; problem?: ProblemError }): void {
    this.#call(() => this.#listener.onStatus?.(status, detail));
  }

  /** Runs a listener method; its error is reported, not allowed to stop the stream. */
  #call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
      if (report) report(error);
      else console.error(error);
    }
  }

  /** Exponential backoff from the service's `retry` (or 1 s), capped at 30 s, with jitter. */
  #nextDelay(atLeastMs = 0): number {
    const base = this.#serverRetryMs ?? firstRetryMs;
    const ceiling = Math.min(maxRetryMs, base * 2 ** this.#failures);
    this.#failures += 1;
    // "Equal jitter": between half and all of the ceiling, so clients dropped together by a
    // restart do not all come back in the same instant.
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    return Math.min(maxRetryMs, Math.max(delay, atLeastMs));
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
