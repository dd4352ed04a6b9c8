// A fetch between a subscription and the real service's event stream that the test controls:
// it can drop the open connection as a network would, hold the next connection back until
// the test is ready, and shows what each connection sent.

/** One connection the subscription opened. */
export interface StreamConnection {
  lastEventId: string | null;
  authorization: string | null;
  status: number;
}

export class StreamTap {
  readonly connections: StreamConnection[] = [];
  readonly #open = new Set<AbortController>();
  #held: { promise: Promise<void>; release: () => void } | undefined;
  #connected: Array<() => void> = [];
  /** When set, the next connection sends this Last-Event-ID instead of the SDK's (then it is cleared). */
  replaceLastEventId: string | undefined;

  /** Drops every open connection, as a network would: the body stops with an error. */
  drop(): void {
    for (const abort of this.#open) abort.abort(new TypeError('terminated'));
    this.#open.clear();
  }

  /** The next connection waits until release(). */
  holdNextConnection(): void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#held = { promise, release };
  }

  release(): void {
    this.#held?.release();
    this.#held = undefined;
  }

  /** @returns once `count` connections have been answered in all */
  connected(count: number): Promise<void> {
    if (this.connections.length >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.connections.length >= count) resolve();
        else this.#connected.push(check);
      };
      this.#connected.push(check);
    });
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    // Only the event stream is tapped; the client's other requests go straight through.
    if (request.headers.get('Accept') !== 'text/event-stream') return fetch(request);
    if (this.#held) await this.#held.promise;
    const headers = new Headers(request.headers);
    if (this.replaceLastEventId !== undefined) {
      headers.set('Last-Event-ID', this.replaceLastEventId);
      this.replaceLastEventId = undefined;
    }
    // Our own signal, tied to the SDK's, so drop() can cut the connection without close().
    const abort = new AbortController();
    init?.signal?.addEventListener('abort', () => abort.abort(init.signal?.reason));
    const response = await fetch(request.url, { headers, signal: abort.signal });
    this.#open.add(abort);
    this.connections.push({ lastEventId: headers.get('Last-Event-ID'), authorization: headers.get('Authorization'), status: response.status });
    const waiting = this.#connected;
    this.#connected = [];
    for (const check of waiting) check();
    return response;
  };
}
