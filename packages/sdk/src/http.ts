import ky, { isHTTPError, isKyError, type KyInstance } from 'ky';
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

/** One HTTP layer under every client: base URL, bearer token, and errors as ProblemError. */
export class Http {
  readonly #ky: KyInstance;

  constructor(options: HttpOptions, getToken: () => string | undefined) {
    this.#ky = ky.create({
      // A base path without a trailing slash would have its last segment replaced by
      // relative inputs ('v1/cases'), so always end it with one.
      baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
      timeout: options.timeout ?? 10_000,
      // Idempotent reads are retried on 5xx/network failure; writes never are. A 429 is not
      // retried quietly: the caller shows the victim how long to wait instead of stalling.
      retry: { limit: 2, methods: ['get', 'head'], statusCodes: [408, 500, 502, 503, 504] },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      hooks: {
        beforeRequest: [
          ({ request }) => {
            const token = getToken();
            if (token) request.headers.set('Authorization', `Bearer ${token}`);
          },
        ],
      },
    });
  }

  /** @returns the parsed JSON body of a 2xx response; throws ProblemError otherwise. */
  async json<T>(method: 'get' | 'post' | 'put' | 'patch', path: string, body?: unknown): Promise<T> {
    return this.#send(async () => {
      const request = this.#ky(path, { method, ...(body === undefined ? {} : { json: body }) });
      return (await request.json()) as T;
    });
  }

  /**
   * Sends a request whose success body is not needed (204, 202).
   * @param keepalive let the request outlive the page (quick exit leaves at once)
   */
  async send(method: 'delete' | 'post', path: string, body?: unknown, keepalive = false): Promise<void> {
    await this.#send(async () => {
      await this.#ky(path, { method, keepalive, ...(body === undefined ? {} : { json: body }) });
    });
  }

  async #send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toProblemError(error);
    }
  }
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
  if (isKyError(error) || error instanceof TypeError) {
    return new ProblemError(
      { type: networkProblemType, title: 'The service could not be reached', status: 0, detail: (error as Error).message },
      { cause: error },
    );
  }
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
