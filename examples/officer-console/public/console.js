// @ts-check
/* global URLSearchParams */
// The host page's side of the officer widget: getToken() asks this records system's own back
// end for a short-lived officer token. The force's API key never reaches this page.

// DEMO ONLY: the officer this screen stands for, from its address (see the back end's note).
const officer = new URLSearchParams(location.search).get('officer');

/**
 * Gets a fresh officer token from the back end; the widget calls it at first use and again
 * whenever the token it holds has expired.
 * @returns {Promise<string>}
 */
async function getToken() {
  const response = await fetch('/rms/officer-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ collarNumber: officer }),
  });
  if (!response.ok) throw new Error(`officer token refused (${response.status})`);
  const { token } = await response.json();
  return token;
}

if (officer) {
  const shown = document.getElementById('signed-in-officer');
  if (shown) shown.textContent = officer;
  const hint = document.getElementById('choose-officer');
  if (hint) hint.hidden = true;
  await customElements.whenDefined('vp-officer-inbox');
  const inbox = /** @type {HTMLElement & { getToken?: () => Promise<string> }} */ (document.querySelector('vp-officer-inbox'));
  inbox.getToken = getToken;
  inbox.hidden = false;
}
