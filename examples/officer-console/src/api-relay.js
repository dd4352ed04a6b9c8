// @ts-check
// The officer widget's calls (/v1/officer/…) and the dashboard's (/v1/reports/…) go to this
// console's own origin and are relayed to the Victim Portal API as they are: the page then talks
// to one origin only (its CSP says connect-src 'self') and the service needs no CORS entry for
// the records system. The relay adds nothing: the officer or admin token the widget sends is the
// only credential, and the force's API key is never attached here.
import { request } from 'node:http';
import { request as requestTls } from 'node:https';

// What the widget sends and the SDK reads back; everything else stays on its own side.
const forwardedRequestHeaders = ['authorization', 'content-type', 'accept', 'last-event-id', 'x-request-id', 'idempotency-key'];
const forwardedResponseHeaders = ['content-type', 'cache-control', 'x-request-id', 'retry-after', 'idempotent-replayed'];

/**
 * Relays one request under /v1/officer/ or /v1/reports/ to the API, streaming both ways (the live event
 * stream included), and ends the upstream request when the browser goes away.
 * @param {string} apiUrl the Victim Portal API's base URL, without a trailing slash
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function relayToApi(apiUrl, req, res) {
  const target = new URL(req.url ?? '/', `${apiUrl}/`);
  /** @type {Record<string, string>} */
  const headers = {};
  for (const name of forwardedRequestHeaders) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const send = target.protocol === 'https:' ? requestTls : request;
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    /** @type {Record<string, string>} */
    const back = {};
    for (const name of forwardedResponseHeaders) {
      const value = answer.headers[name];
      if (typeof value === 'string') back[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, back);
    // Event-stream chunks must go out as they come, not when a buffer fills.
    res.flushHeaders();
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'the Victim Portal service did not answer' }));
    } else {
      res.destroy();
    }
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}
