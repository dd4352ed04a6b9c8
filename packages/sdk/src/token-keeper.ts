import { isProblem } from './errors.js';
import type { RequestOptions } from './http.js';

/**
 * Keeps a short-lived token (an officer's `vpo_…`, a member of staff's `vpa_…`) in memory and
 * gets a new one from the host page's `getToken()` only when needed: lazily at first use, and
 * again when the service refuses the one held. Concurrent callers share one `getToken()` call.
 */
export class TokenKeeper {
  readonly #getToken: () => Promise<string>;
  #token: string | undefined;
  #pending: Promise<string> | undefined;

  constructor(getToken: () => Promise<string>) {
    this.#getToken = getToken;
  }

  /** @returns the token held, getting one first if there is none */
  current(): Promise<string> {
    return this.#token === undefined ? this.#fetch() : Promise.resolve(this.#token);
  }

  /**
   * The service refused `stale`: get a new token, unless another caller already has.
   * @returns the new token
   */
  renew(stale: string | undefined): Promise<string> {
    if (this.#token !== undefined && this.#token !== stale) return Promise.resolve(this.#token);
    this.#token = undefined;
    return this.#fetch();
  }

  /** The service refused `token` even when new: do not offer it again. */
  forget(token: string): void {
    if (this.#token === token) this.#token = undefined;
  }

  /**
   * Sends `call` with the token held, each request carrying its own so that a 401 says which
   * token was refused; on a 401, once more with a new one.
   */
  async authorized<T>(call: (auth: RequestOptions) => Promise<T>): Promise<T> {
    const token = await this.current();
    try {
      return await call(bearer(token));
    } catch (error) {
      if (!isProblem(error) || error.status !== 401) throw error;
    }
    const renewed = await this.renew(token);
    try {
      return await call(bearer(renewed));
    } catch (error) {
      if (isProblem(error) && error.status === 401) this.forget(renewed);
      throw error;
    }
  }

  #fetch(): Promise<string> {
    this.#pending ??= this.#getToken()
      .then((token) => {
        this.#token = token;
        return token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }
}

function bearer(token: string): RequestOptions {
  return { headers: { Authorization: `Bearer ${token}` } };
}
