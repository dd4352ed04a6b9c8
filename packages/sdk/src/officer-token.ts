/**
 * Keeps an officer's token in memory and gets a new one from the host page's `getToken()`
 * only when needed: lazily at first use, and again when the service refuses the one held.
 * Concurrent callers share one `getToken()` call.
 */
export class OfficerTokenKeeper {
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
