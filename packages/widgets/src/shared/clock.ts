/**
 * Time, as the widgets see it. Timers that sign a victim out are driven through this, so a
 * test (or a page that pauses timers) can move time on by hand instead of waiting.
 */
export interface Clock {
  /** @returns milliseconds since the epoch, like `Date.now()` */
  now(): number;
  /**
   * Calls `callback` after `ms` milliseconds.
   * @returns a handle for `clearTimeout`
   */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a call `setTimeout` scheduled. */
  clearTimeout(handle: unknown): void;
}

/** The browser's own clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
