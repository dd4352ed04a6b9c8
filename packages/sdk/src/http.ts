import ky, { isHTTPError, isKyError, type KyInstance, type RetryOptions } from 'ky';
import type { Problem } from '@victim-portal/contract';
import { networkProblemType, ProblemError } from './errors.js';

/** Options every client takes. */
export interface HttpOptions {
  /** Where the service is, e.g. `https://portal.force.example/` (relative URLs work in browsers). */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests, proxies, instrumented fetch). */
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned; default 10 000. */
  timeout?: number;
}

/** Per-request extras on top of the method, path and body. */
export interface RequestOptions {
  /** Query parameters; those left undefined are not sent. */
  searchParams?: Record<string, string | number | undefined>;
  /** Extra headers (`Idempotency-Key`, or an `Authorization` that overrides the client's token). */
  headers?: Record<string, string>;
  /**
   * The request is safe to send twice (it carries a message id or an `Idempotency-Key`), so a
   * network failure, timeout or 502/503/504 is retried a couple of times with the same request.
   * A 4xx never is: the same request would get the same answer.
   */
  retryable?: boolean;
}

/** Retries of a request that is safe to repeat: two, 0.3 s then 0.6 s apart (with jitter). */
const retryableWrite: RetryOptions = {
  limit: 2,
  statusCodes: [502, 503, 504],
  afterStatusCodes: [409, 503],
  maxRetryAfter: 5_000,
  retryOnTimeout: true,
  jitter: true,
  // A 409 with Retry-After is the service's "the first request with this Idempotency-Key is
  // still running" (a retry of ours overtook the attempt it retries): waiting and sending it
  // again returns that first request's answer. Other 409s (a message id used for other words,
  // a crime reference taken) carry no Retry-After and are answers, not retried.
  shouldRetry: ({ error }) => (isHTTPError(error) && error.response.status === 409 ? error.response.headers.has('retry-after') : undefined),
};

/** One HTTP layer under every client: base URL, bearer token, and errors as ProblemError. */
export class Http {
  readonly #ky: KyInstance;
  /** The service's base URL, always ending in a slash. */
  readonly baseUrl: string;
  /** The fetch the caller gave, if any (the live stream uses it too). */
  readonly fetch: typeof fetch | undefined;
  readonly #getToken: () => string | undefined;

  constructor(options: HttpOptions, getToken: () => string | undefined) {
    this.#getToken = getToken;
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.fetch = options.fetch;
    this.#ky = ky.create({
      // A base path without a trailing slash would have its last segment replaced by
      // relative inputs ('v1/cases'), so always end it with one.
      baseUrl: this.baseUrl,
      timeout: options.timeout ?? 10_000,
      // Idempotent reads are retried on 5xx/network failure; writes never are. A 429 is not
      // retried quietly: the caller shows the victim how long to wait instead of stalling.
      retry: { limit: 2, methods: ['get', 'head'], statusCodes: [408, 500, 502, 503, 504] },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      hooks: {
        beforeRequest: [
          ({ request }) => {
            // A per-request Authorization (the officer's token) wins over the client's own.
            const token = getToken();
            if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
          },
        ],
      },
    });
  }

  /** @returns the parsed JSON body of a 2xx response; throws ProblemError otherwise. */
  async json<T>(method: 'get' | 'post' | 'put' | 'patch', path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.#send(async () => {
      const request = this.#ky(path, { method, ...(body === undefined ? {} : { json: body }), ...kyOptions(method, options) });
      return (await request.json()) as T;
    });
  }

  /**
   * @param accept the media type asked for (`text/csv`)
   * @returns the text body of a 2xx response; throws ProblemError otherwise.
   */
  async text(path: string, accept: string, options: RequestOptions = {}): Promise<string> {
    return this.#send(async () => {
      const headers = { ...options.headers, Accept: accept };
      return this.#ky(path, { method: 'get', ...kyOptions('get', { ...options, headers }) }).text();
    });
  }

  /**
   * Sends a request whose success body is not needed (204, 202).
   * @param keepalive let the request outlive the page (quick exit leaves at once)
   */
  async send(method: 'delete' | 'post', path: string, body?: unknown, keepalive = false, options: RequestOptions = {}): Promise<void> {
    if (keepalive) return this.#sendBeforeLeaving(method, path, body);
    await this.#send(async () => {
      await this.#ky(path, { method, keepalive, ...(body === undefined ? {} : { json: body }), ...kyOptions(method, options) });
    });
  }

  /** @returns the absolute URL of `path` under the base URL (a relative base resolves against the page). */
  url(path: string): string {
    const page = (globalThis as { location?: { href: string } }).location?.href;
    return new URL(path, new URL(this.baseUrl, page)).href;
  }

  /**
   * The quick exit's request: handed to the browser by fetch() before this returns, not after
   * ky's promise steps, because the page is being left at that moment and a request the browser
   * has not been given yet can be lost with it (the session would then live on until its idle
   * timeout). No retry, no timeout: the page will not be there to see either.
   */
  async #sendBeforeLeaving(method: 'delete' | 'post', path: string, body: unknown): Promise<void> {
    const token = this.#getToken();
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await (this.fetch ?? globalThis.fetch)(this.url(path), {
        method: method.toUpperCase(),
        keepalive: true,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw networkProblem(error);
    }
    if (!response.ok) throw await problemFromResponse(response);
  }

  async #send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toProblemError(error);
    }
  }
}

function kyOptions(method: string, options: RequestOptions) {
  const searchParams = Object.entries(options.searchParams ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return {
    ...(searchParams.length > 0 ? { searchParams: Object.fromEntries(searchParams) } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.retryable ? { retry: { ...retryableWrite, methods: [method as 'post' | 'delete'] } } : {}),
  };
}

/**
 * Reads a failed response (outside ky: the live stream) as a ProblemError.
 * @returns the service's problem, or what the status line says when the body is not one
 */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const data: unknown = /json/.test(response.headers.get('content-type') ?? '') ? await response.json().catch(() => undefined) : undefined;
  const problem: Problem = isProblemBody(data)
    ? data
    : { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
  return new ProblemError(problem, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
}

/** @returns a status-0 ProblemError for a request that got no response */
export function networkProblem(error: unknown): ProblemError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ProblemError({ type: networkProblemType, title: 'The service could not be reached', status: 0, detail }, { cause: error });
}

function toProblemError(error: unknown): ProblemError {
  if (isHTTPError(error)) {
    const data = error.data;
    const retryAfterSeconds = parseRetryAfter(error.response.headers.get('retry-after'));
    if (isProblemBody(data)) return new ProblemError(data, { cause: error, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    // Not our service's shape (a proxy's HTML error page, say): keep what we know.
    return new ProblemError(
      {
        type: 'about:blank',
        title: error.response.statusText || 'Request failed',
        status: error.response.status,
        requestId: error.response.headers.get('x-request-id') ?? undefined,
      },
      { cause: error },
    );
  }
  if (isKyError(error) || error instanceof TypeError) return networkProblem(error);
  throw error;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function isProblemBody(data: unknown): data is Problem {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Record<string, unknown>;
  return typeof candidate.type === 'string' && typeof candidate.title === 'string' && typeof candidate.status === 'number';
}
