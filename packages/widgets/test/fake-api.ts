/** One request the fake service received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
  keepalive: boolean;
}

/** What the fake service answers: a status and a JSON body (a problem for 4xx/5xx). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

type Route = FakeAnswer | ((request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>);

/** @returns an RFC 9457 problem answer, as the service sends one */
export function problem(status: number, type: string, title = 'Problem'): FakeAnswer {
  return { status, body: { type: `urn:victim-portal:problem:${type}`, title, status, requestId: 'req_test_1' } };
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
      path: new URL(request.url).pathname.replace(/^\/api-root/, ''),
      authorization: request.headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
      keepalive: request.keepalive,
    };
    this.requests.push(received);
    const route = this.#routes.get(`${received.method} ${received.path}`);
    const answer = typeof route === 'function' ? await route(received) : (route ?? problem(404, 'not-found', 'Not found'));
    const problemBody = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': problemBody ? 'application/problem+json' : 'application/json', 'x-request-id': 'req_test_1' },
    });
  };
}
