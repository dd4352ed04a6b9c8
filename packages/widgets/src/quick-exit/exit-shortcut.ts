import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A key pressed this many times within this many milliseconds means "get me out of here". */
const shortcuts = {
  // GOV.UK's "Exit this page" pattern: Shift 3 times within 5 seconds.
  Shift: { times: 3, withinMs: 5000 },
  // Escape twice, close together, so one Escape to close a menu on the host page does nothing.
  Escape: { times: 2, withinMs: 2000 },
} as const;

type ShortcutKey = keyof typeof shortcuts;

// With two exit controls on a page, both hear the same key press: only the first may act on it.
const handledPresses = new WeakSet<Event>();

/**
 * Listens on the whole page for the quick-exit shortcuts (Shift 3 times, or Escape twice) and
 * calls `onExit` when one is completed. Any other key in between starts the count again, so
 * typing capitals (Shift+letter) never triggers it; a key held down counts once.
 */
export class ExitShortcutController implements ReactiveController {
  readonly #onExit: () => void;
  #presses: { key: ShortcutKey; count: number; since: number } | undefined;

  constructor(host: ReactiveControllerHost, onExit: () => void) {
    this.#onExit = onExit;
    host.addController(this);
  }

  hostConnected(): void {
    // Capture, so a host page that stops propagation of Escape (dialogs do) cannot swallow it.
    window.addEventListener('keydown', this.#onKeydown, { capture: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeydown, { capture: true });
    this.#presses = undefined;
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.repeat || handledPresses.has(event)) return;
    const key = event.key;
    if (key !== 'Shift' && key !== 'Escape') {
      this.#presses = undefined;
      return;
    }
    const rule = shortcuts[key];
    const now = performance.now();
    if (!this.#presses || this.#presses.key !== key || now - this.#presses.since > rule.withinMs) {
      this.#presses = { key, count: 0, since: now };
    }
    this.#presses.count += 1;
    if (this.#presses.count >= rule.times) {
      this.#presses = undefined;
      handledPresses.add(event);
      this.#onExit();
    }
  };
}
