let loading: Promise<unknown> | undefined;

/**
 * Loads and registers `<vp-messages>` on first use. The portal needs it only once the victim
 * opens a case, so it is not part of what the drop-in loads first (its size budget); in ESM
 * builds a bundler splits it the same way.
 * @returns a promise that settles when the element is defined
 */
export function loadMessages(): Promise<unknown> {
  loading ??= import('./messages.js');
  return loading;
}
