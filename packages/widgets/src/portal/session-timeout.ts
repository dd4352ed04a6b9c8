import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from '../shared/clock.js';
import type { SessionTimes } from '../shared/session.js';

/** How long before the session ends the victim is warned (WCAG 2.2.1 asks for a warning and at least 20 s). */
export const warnBeforeMs = 2 * 60 * 1000;

/** The warning on show: how long is left, and whether doing something would extend it. */
export interface TimeoutWarning {
  secondsLeft: number;
  /** False near the absolute expiry, which no activity moves. */
  canExtend: boolean;
}

/** What the timer needs from the element it runs in. */
export interface SessionTimeoutHost extends ReactiveControllerHost {
  readonly clock: Clock;
}

/**
 * Watches when the session ends (idle or absolute, whichever is first), opens a warning two
 * minutes before, counts down each second while it shows, and calls `onTimeout` when time
 * is up. All timing goes through the host's `clock`, so tests move time by hand.
 */
export class SessionTimeout implements ReactiveController {
  readonly #host: SessionTimeoutHost;
  readonly #onTimeout: () => void;
  #times: SessionTimes | undefined;
  #timer: unknown;
  #warning: TimeoutWarning | undefined;
  #dismissed = false;

  constructor(host: SessionTimeoutHost, onTimeout: () => void) {
    this.#host = host;
    this.#onTimeout = onTimeout;
    host.addController(this);
  }

  /** The warning to show, if it is time to. */
  get warning(): TimeoutWarning | undefined {
    return this.#warning;
  }

  hostConnected(): void {
    if (this.#times) this.#check();
  }

  hostDisconnected(): void {
    this.#clear();
  }

  /** Starts or restarts the watch, e.g. after the service extended the session. */
  watch(times: SessionTimes | undefined): void {
    this.#times = times;
    this.#dismissed = false;
    this.#check();
  }

  /** Hides the warning until time is up (near the absolute expiry, where nothing extends it). */
  dismiss(): void {
    this.#dismissed = true;
    this.#check();
  }

  /** Stops watching: the victim signed out or left. */
  stop(): void {
    this.#times = undefined;
    this.#clear();
    this.#setWarning(undefined);
  }

  #check(): void {
    this.#clear();
    const times = this.#times;
    if (!times) return;
    const clock = this.#host.clock;
    const endsAt = Math.min(times.idleExpiresAt, times.expiresAt);
    const left = endsAt - clock.now();
    if (left <= 0) {
      this.stop();
      this.#onTimeout();
      return;
    }
    if (left > warnBeforeMs) {
      this.#setWarning(undefined);
      this.#timer = clock.setTimeout(() => this.#check(), left - warnBeforeMs);
      return;
    }
    if (this.#dismissed) {
      this.#setWarning(undefined);
      this.#timer = clock.setTimeout(() => this.#check(), left);
      return;
    }
    // Near the absolute expiry "Stay signed in" cannot help: the warning says so.
    this.#setWarning({ secondsLeft: Math.ceil(left / 1000), canExtend: times.idleExpiresAt < times.expiresAt - 1000 });
    // Tick on the whole second, so the countdown never skips or repeats a number.
    this.#timer = clock.setTimeout(() => this.#check(), left % 1000 || 1000);
  }

  #setWarning(warning: TimeoutWarning | undefined): void {
    const before = this.#warning;
    this.#warning = warning;
    if (before?.secondsLeft !== warning?.secondsLeft || before?.canExtend !== warning?.canExtend) this.#host.requestUpdate();
  }

  #clear(): void {
    if (this.#timer !== undefined) this.#host.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
