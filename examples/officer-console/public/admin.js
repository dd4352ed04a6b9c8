// @ts-check
// The host page's side of the force dashboard: getToken() asks this back end for a short-lived
// admin token. The force's API key never reaches this page.

/**
 * Gets a fresh admin token from the back end; the dashboard calls it at first use and again
 * whenever the token it holds has run out.
 * @returns {Promise<string>}
 */
async function getToken() {
  const response = await fetch('/rms/admin-token', { method: 'POST' });
  if (!response.ok) throw new Error(`admin token refused (${response.status})`);
  const { token } = await response.json();
  return token;
}

await customElements.whenDefined('vp-force-dashboard');
const dashboard = /** @type {HTMLElement & { getToken?: () => Promise<string> }} */ (document.querySelector('vp-force-dashboard'));
dashboard.getToken = getToken;
dashboard.hidden = false;
