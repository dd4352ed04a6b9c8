/**
 * The drop-in script. A force's web team adds
 * `<script src="/widgets/victim-portal.js" defer></script>` and `<vp-portal api-base="/">`.
 *
 * It stays a classic script (so `defer`, and pages that already paste it, keep working) and
 * loads the elements as modules from the `victim-portal/` folder beside it: `import()` in a
 * classic script resolves against the script's own URL, and stays within `script-src 'self'`.
 * Lit and the SDK are in those modules; Welsh and `<vp-messages>` load only when needed.
 *
 * It imports nothing statically: anything it shared with the modules would make it a module.
 */

// The invite token leaves the address bar as soon as this script runs, not a round trip later
// when the modules arrive; it waits in memory for the elements (see takeInviteToken, which
// uses the same key and does the same with the fragment).
const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
const inviteToken = fragment.get('invite');
if (inviteToken !== null) {
  fragment.delete('invite');
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  (globalThis as Record<symbol, unknown>)[Symbol.for('@victim-portal/widgets:invite-token')] = inviteToken;
}

void import('./drop-in-elements.js');
