/** The URL fragment parameter the invite link carries its token in: `#invite=vpi_…`. */
export const inviteParameter = 'invite';

/**
 * Where the drop-in script (src/victim-portal.ts) leaves an invite token it took out of the URL
 * on arrival, before the elements' modules have loaded. The same key is spelt out there: that
 * script stays free of imports so it can run as a classic script.
 */
const takenOnArrival = Symbol.for('@victim-portal/widgets:invite-token');

/**
 * Takes the invite token out of the page's URL fragment, and removes it from the address bar
 * and from history at once (replaceState, not a new entry), so it is not left in history, in a
 * bookmark, or in a screenshot shared for help. The fragment never reaches a server, so this
 * is the only place the token exists.
 * @returns the token, '' for an invite parameter with no value, or undefined when there is none
 */
export function takeInviteToken(location: Location = window.location, history: History = window.history): string | undefined {
  const waiting = globalThis as Record<symbol, unknown>;
  const early = waiting[takenOnArrival];
  if (location === window.location && typeof early === 'string') {
    delete waiting[takenOnArrival];
    return early.trim();
  }
  const fragment = location.hash.replace(/^#/, '');
  if (!fragment) return undefined;
  const parameters = new URLSearchParams(fragment);
  const token = parameters.get(inviteParameter);
  if (token === null) return undefined;
  // Keep any other fragment parameters the force's own page may use.
  parameters.delete(inviteParameter);
  const rest = parameters.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token.trim();
}
