// @ts-check
// POST /rms/officer-token: the one thing a records system's back end adds for the officer
// widget. It holds the force's API key (the browser never sees it) and mints a short-lived
// token for the officer who is signed in to the records system.
import { isProblem } from '@victim-portal/sdk';

const collarNumberPattern = /^[A-Za-z0-9]{1,10}$/;

/**
 * Reads the small JSON body of the token request.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>} the parsed body, or undefined when it is not JSON or too long
 */
async function readJson(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 1024) return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Answers `POST /rms/officer-token` with `{ token, expiresAt }` for the signed-in officer.
 *
 * DEMO ONLY: this console has no sign-in of its own, so the page says which officer it
 * stands for (`?officer=` in its address) and sends that collar number. A real records system
 * takes the collar number from the officer's own authenticated session on its server, never
 * from the browser, or any user of the screen could act as any officer.
 * @param {import('@victim-portal/sdk').ForceClient} forceClient holds the force's API key
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export async function answerOfficerTokenRequest(forceClient, req, res) {
  const body = await readJson(req);
  const collarNumber = body && typeof body === 'object' && 'collarNumber' in body ? body.collarNumber : undefined;
  if (typeof collarNumber !== 'string' || !collarNumberPattern.test(collarNumber)) {
    sendJson(res, 400, { error: 'collarNumber: 1 to 10 letters or digits' });
    return;
  }
  try {
    // The service's default lifetime (15 minutes): the widget asks again when it runs out.
    const minted = await forceClient.mintOfficerToken(collarNumber);
    sendJson(res, 200, { token: minted.token, expiresAt: minted.expiresAt });
  } catch (error) {
    // The officer is unknown to the service, or the key was refused: say no more than that.
    const status = isProblem(error) && error.status < 500 ? 403 : 502;
    sendJson(res, status, { error: status === 403 ? 'no officer token for this officer' : 'the Victim Portal service did not answer' });
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
