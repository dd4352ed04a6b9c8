// @ts-check
// The officer console's back end: the pages, their scripts and style, the widget bundles, the
// token routes and the relay to the API. Plain node:http: a records system's real back end
// would be whatever it already runs; the token routes and the relay are what it adds.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ForceClient } from '@victim-portal/sdk';
import { relayToApi } from './api-relay.js';
import { answerAdminTokenRequest } from './admin-token-route.js';
import { answerOfficerTokenRequest } from './officer-token-route.js';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const defaultWidgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist/', import.meta.url));

// Scripts and styles from this origin only, no inline script or style, calls to this origin
// only (the API is reached through the relay), and no framing by anyone.
export const consoleContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** @type {Record<string, string>} */
const contentTypes = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/**
 * @typedef {object} OfficerConsoleOptions
 * @property {string} apiUrl the Victim Portal API's base URL, e.g. http://127.0.0.1:3000
 * @property {string} apiKey the force's API key; it stays in this process
 * @property {number} [port] default 3001; 0 picks a free one
 * @property {string} [host] default 127.0.0.1
 * @property {string} [widgetsDir] the built widgets (dist/ with officer-inbox.js and force-dashboard.js); default the workspace's
 */

/**
 * @typedef {object} RunningOfficerConsole
 * @property {string} url base URL without a trailing slash
 * @property {() => Promise<void>} close stops taking requests and cuts open event streams
 */

/**
 * Starts the officer console.
 * @param {OfficerConsoleOptions} options
 * @returns {Promise<RunningOfficerConsole>}
 */
export async function startOfficerConsole(options) {
  const apiUrl = options.apiUrl.replace(/\/$/, '');
  const forceClient = new ForceClient({ baseUrl: apiUrl, apiKey: options.apiKey });
  const widgetsDir = options.widgetsDir ?? defaultWidgetsDir;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://console.invalid').pathname;
    setSecurityHeaders(res);
    if (path.startsWith('/v1/officer/') || path.startsWith('/v1/reports/')) return relayToApi(apiUrl, req, res);
    if (path === '/rms/officer-token') {
      if (req.method !== 'POST') return plain(res, 405, 'POST only');
      return void answerOfficerTokenRequest(forceClient, req, res);
    }
    if (path === '/rms/admin-token') {
      if (req.method !== 'POST') return plain(res, 405, 'POST only');
      return void answerAdminTokenRequest(forceClient, req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'GET only');
    if (path === '/' || path === '/index.html') return void serveFile(res, publicDir, 'index.html');
    if (path.startsWith('/widgets/')) return void serveFile(res, widgetsDir, path.slice('/widgets/'.length));
    return void serveFile(res, publicDir, path.slice(1));
  });
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3001, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const host = options.host ?? '127.0.0.1';
  // Listening on every interface: this machine reaches it as localhost.
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Relayed event streams never end by themselves.
        server.closeAllConnections();
      }),
  };
}

/** @param {import('node:http').ServerResponse} res */
function setSecurityHeaders(res) {
  res.setHeader('Content-Security-Policy', consoleContentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

/**
 * Serves one file from a folder, refusing any path that leaves it.
 * @param {import('node:http').ServerResponse} res
 * @param {string} dir
 * @param {string} relativePath
 */
async function serveFile(res, dir, relativePath) {
  let file;
  try {
    file = normalize(join(dir, decodeURIComponent(relativePath)));
  } catch {
    return plain(res, 400, 'Bad path');
  }
  const type = contentTypes[extname(file)];
  if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep) || !type) return plain(res, 404, 'Not found');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    plain(res, 404, 'Not found');
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function plain(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
