/** The URL fragment parameter the invite link carries its token in: `#invite=vpi_…`. */
export const inviteParameter = 'invite';

/**
 * Takes the invite token out of the page's URL fragment, and removes it from the address bar
 * and from history at once (replaceState, not a new entry), so it is not left in history, in a
 * bookmark, or in a screenshot shared for help. The fragment never reaches a server, so this
 * is the only place the token exists.
 * @returns the token, '' for an invite parameter with no value, or undefined when there is none
 */
export function takeInviteToken(location: Location = window.location, history: History = window.history): string | undefined {
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
