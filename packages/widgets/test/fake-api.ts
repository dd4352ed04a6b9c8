/** One request the fake service received. */
export interface ReceivedRequest {
  method: string;
  /** The full URL, to check the base URL the widget used. */
  url: string;
  /** The path from the API root, e.g. `/v1/invites/redeem`. */
  path: string;
  authorization: string | null;
  /** The `Last-Event-ID` header of a stream request. */
  lastEventId: string | null;
  body: unknown;
  keepalive: boolean;
  /** The request's abort signal (a closed stream aborts its request). */
  signal: AbortSignal;
}

/** What the fake service answers: a status, a JSON body (a problem for 4xx/5xx) and any extra headers. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A streamed body instead of JSON (Server-Sent Events, see FakeStream). */
  stream?: ReadableStream<Uint8Array>;
}

type Route = FakeAnswer | ((request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>);

/**
 * @returns an RFC 9457 problem answer, as the service sends one
 * @param extra more members of the problem body, e.g. `{ attemptsLeft: 2 }`
 * @param headers response headers, e.g. `{ 'retry-after': '120' }`
 */
export function problem(status: number, type: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): FakeAnswer {
  return { status, body: { type: `urn:victim-portal:problem:${type}`, title: 'Problem', status, requestId: 'req_test_1', ...extra }, headers };
}

/** A route whose request never gets a response (no server, no network): fetch rejects as browsers do. */
export const networkFailure = (): Promise<FakeAnswer> => Promise.reject(new TypeError('Failed to fetch'));

/** A route that never answers, to look at the screen shown while a request is on its way. */
export const neverAnswers = (): Promise<FakeAnswer> => new Promise(() => undefined);

/** @returns a route that waits until the test calls `answer`, and that function */
export function heldAnswer(): { route: () => Promise<FakeAnswer>; answer: (value: FakeAnswer) => void } {
  let answer: (value: FakeAnswer) => void = () => undefined;
  const promise = new Promise<FakeAnswer>((resolve) => (answer = resolve));
  return { route: () => promise, answer: (value) => answer(value) };
}

/**
 * A fake Victim Portal service behind an injected fetch (no global mocks): routes by
 * "METHOD /path" and records every request, so tests can check what the widget sent.
 */
export class FakeApi {
  readonly requests: ReceivedRequest[] = [];
  readonly #routes = new Map<string, Route>();

  /** Answers `METHOD /path` (path from the API root, e.g. `POST /v1/invites/redeem`). */
  on(route: string, answer: Route): this {
    this.#routes.set(route, answer);
    return this;
  }

  /** @returns the requests to one route */
  requestsTo(route: string): ReceivedRequest[] {
    return this.requests.filter((request) => `${request.method} ${request.path}` === route);
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = await request.text();
    const received: ReceivedRequest = {
      method: request.method,
      url: request.url,
      path: new URL(request.url).pathname.replace(/^\/api-root/, ''),
      authorization: request.headers.get('authorization'),
      lastEventId: request.headers.get('last-event-id'),
      body: text ? JSON.parse(text) : undefined,
      keepalive: request.keepalive,
      signal: init?.signal ?? request.signal,
    };
    this.requests.push(received);
    const route = this.#routes.get(`${received.method} ${received.path}`);
    const answer = typeof route === 'function' ? await route(received) : (route ?? problem(404, 'not-found', { title: 'Not found' }));
    if (answer.stream) return new Response(answer.stream, { status: answer.status, headers: { 'content-type': 'text/event-stream', ...answer.headers } });
    const problemBody = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': problemBody ? 'application/problem+json' : 'application/json', 'x-request-id': 'req_test_1', ...answer.headers },
    });
  };
}
