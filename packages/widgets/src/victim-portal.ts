/**
 * The drop-in script. A force's web team adds
 * `<script src="/widgets/victim-portal.js" defer></script>` and `<vp-portal api-base="/">`.
 *
 * It stays a classic script (so `defer`, and pages that already paste it, keep working) and
 * loads the elements as modules from the `victim-portal/` folder beside it: `import()` in a
 * classic script resolves against the script's own URL, and stays within `script-src 'self'`.
 * Lit and the SDK are in those modules; Welsh and `<vp-messages>` load only when needed.
 */
void import('./drop-in-elements.js');
