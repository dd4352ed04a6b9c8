// The network between the SDK and the real service, which can fail the way real ones do. The
// service itself is real: every request that "reaches" it is really handled.

/** What goes wrong with one request. */
export type Fault =
  /** Never reaches the service (offline, DNS, refused). */
  | 'unreachable'
  /** Reaches the service, which handles it, but the answer is lost on the way back. */
  | 'answer-lost'
  /** Reaches the service, which handles it, but a proxy answers 502 with its own page. */
  | 'bad-gateway';

/** One request as it left the SDK. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A fetch for the SDK's `fetch` option that records requests and fails those it is told to. */
export class FlakyNetwork {
  readonly sent: SentRequest[] = [];
  readonly #faults: Fault[] = [];

  /** The next requests fail with these faults, one each, in order. */
  failNext(...faults: Fault[]): void {
    this.#faults.push(...faults);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    this.sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers), body: await request.clone().text() });
    const fault = this.#faults.shift();
    if (fault === 'unreachable') throw new TypeError('fetch failed');
    const response = await fetch(request);
    if (fault === 'answer-lost') {
      await response.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    if (fault === 'bad-gateway') {
      await response.arrayBuffer();
      return new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } });
    }
    return response;
  };
}
