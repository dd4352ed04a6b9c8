// @ts-check
// POST /rms/admin-token: what a force's back end adds for the dashboard. It holds the force's
// API key (the browser never sees it) and mints a short-lived admin token (`vpa_…`) that reads
// the force's reports and nothing else: no case, no victim, no message.

/**
 * DEMO ONLY: the name written to the service's audit log for every token this page mints. The
 * demo has no staff sign-in, so it cannot say who is looking; a real back end mints a token only
 * for a member of staff signed in there, and names them (staff number or name) from that session.
 */
export const demoStaffName = 'Officer console demo (no staff sign-in)';

/**
 * Answers `POST /rms/admin-token` with `{ token, expiresAt }`. Only this page's own script may
 * ask: a POST from a page on another origin (a form or script elsewhere) is refused, although it
 * could not read the answer anyway.
 * @param {import('@victim-portal/sdk').ForceClient} forceClient holds the force's API key
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export async function answerAdminTokenRequest(forceClient, req, res) {
  // The body is not used; let it go by so the connection can be reused.
  req.resume();
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
    sendJson(res, 403, { error: 'admin tokens are for this page only' });
    return;
  }
  try {
    // The service's default lifetime (an hour): the dashboard asks again when it runs out.
    const minted = await forceClient.mintAdminToken(demoStaffName);
    sendJson(res, 200, { token: minted.token, expiresAt: minted.expiresAt });
  } catch {
    sendJson(res, 502, { error: 'the Victim Portal service did not mint a token' });
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  // A token is a credential: no cache anywhere may keep it.
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
