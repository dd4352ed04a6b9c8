/**
 * Production entry: the API only (no demo pages; the dev mailbox only when asked for, on this machine).
 * Every variable is described in docs/operations.md (configuration reference).
 *   PORT (3000), HOST (0.0.0.0), DATABASE_URL (PostgreSQL) else PGlite in VP_DATA_DIR
 *   (.data/pglite, relative to the working directory), VP_DB_POOL_SIZE (10),
 *   VP_SESSION_IDLE_SECONDS (900), VP_SESSION_ABSOLUTE_SECONDS (43200), VP_REQUEST_LOG (on | off,
 *   on: one JSON line per request on stdout, never the URL, headers, body or address; see
 *   docs/security.md), VP_TRUST_PROXY (on | off: behind a load balancer, the client address
 *   from X-Forwarded-For), VP_SECURITY_CONTACT (security.txt), VP_METRICS_TOKEN (/metrics needs
 *   it as a bearer token when set), VP_SHUTDOWN_DELAY_SECONDS (0: on SIGTERM, how long /readyz
 *   answers 503 before the server stops listening).
 * Notifications (docs/notifications.md): VP_SENDER (notify | dev-mailbox | none; notify when
 *   VP_NOTIFY_API_KEY is set), VP_NOTIFY_API_KEY, VP_NOTIFY_BASE_URL, VP_NOTIFY_TIMEOUT_MS,
 *   VP_NOTIFY_SENDER_IDS, VP_OUTBOX_WORKER (on | off: off when `node dist/worker-main.js`
 *   sends notifications and webhooks instead), VP_OUTBOX_POLL_MS (1000),
 *   VP_REPLY_NOTIFY_DELAY_SECONDS (120: how long after an officer's message the victim is told,
 *   unless they read it first), VP_CASE_UPDATE_DELAY_SECONDS (120: how long after an update
 *   on a case the victim is told, updates of that time together, unless they read them first).
 */
import { createLogger } from './http/request-log.js';
import { closeOnSignals, numberFromEnv } from './lifecycle.js';
import { loggingSender, notificationConfigFromEnv, notifySenderFrom } from './outbox/configure.js';
import { startServer } from './server.js';

const databaseUrl = process.env['DATABASE_URL'] || undefined;
const host = process.env['HOST'] || '0.0.0.0';
const notifications = notificationConfigFromEnv();
// The dev mailbox page shows live sign-in links: never on an address others can reach.
if (notifications.sender === 'dev-mailbox' && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
  throw new Error('VP_SENDER=dev-mailbox shows live sign-in links at /dev/mailbox: set HOST=127.0.0.1, or use the demo (npm start).');
}
const notify = notifySenderFrom(notifications);
const trustProxy = process.env['VP_TRUST_PROXY'] || 'off';
if (trustProxy !== 'on' && trustProxy !== 'off') throw new Error(`VP_TRUST_PROXY must be on or off, not "${trustProxy}"`);
// One JSON-lines log on stdout: requests (unless VP_REQUEST_LOG=off) and failed deliveries.
const log = createLogger(process.stdout);
const server = await startServer({
  port: numberFromEnv('PORT', 3000),
  host,
  databaseUrl,
  dataDir: databaseUrl ? undefined : process.env['VP_DATA_DIR'] || '.data/pglite',
  poolSize: Math.max(1, numberFromEnv('VP_DB_POOL_SIZE', 10)),
  trustProxy: trustProxy === 'on',
  securityContact: process.env['VP_SECURITY_CONTACT'] || undefined,
  metricsToken: process.env['VP_METRICS_TOKEN'] || undefined,
  sessionPolicy: {
    idleTimeoutSeconds: numberFromEnv('VP_SESSION_IDLE_SECONDS', 900),
    absoluteTimeoutSeconds: numberFromEnv('VP_SESSION_ABSOLUTE_SECONDS', 43_200),
  },
  // Without a sender the server runs no worker: notifications wait in the outbox table.
  devMailbox: notifications.inProcessWorker && notifications.sender === 'dev-mailbox',
  notificationSender: notifications.inProcessWorker && notify ? loggingSender(notify, ({ level: _level, msg, ...line }) => log.warn(line, msg)) : undefined,
  outboxWorker: notifications.inProcessWorker,
  replyNotifyDelaySeconds: numberFromEnv('VP_REPLY_NOTIFY_DELAY_SECONDS', 120),
  caseUpdateDelaySeconds: numberFromEnv('VP_CASE_UPDATE_DELAY_SECONDS', 120),
  outboxPollIntervalMs: notifications.pollIntervalMs,
  logStream: process.env['VP_REQUEST_LOG'] === 'off' ? undefined : process.stdout,
});
process.stdout.write(`Victim Portal API listening on ${server.url} (${databaseUrl ? 'PostgreSQL' : 'PGlite'})\n`);
if (!notifications.inProcessWorker) {
  process.stdout.write('VP_OUTBOX_WORKER=off: notifications wait in the outbox for a separate worker (node dist/worker-main.js).\n');
} else if (notifications.sender === 'none') {
  process.stdout.write('No notification sender is configured (VP_NOTIFY_API_KEY): notifications stay queued in the outbox.\n');
} else {
  process.stdout.write(`Notifications go through ${notifications.sender === 'notify' ? 'GOV.UK Notify' : `the dev mailbox at ${server.url}/dev/mailbox`}.\n`);
}
closeOnSignals(server, undefined, { notReadyForMs: numberFromEnv('VP_SHUTDOWN_DELAY_SECONDS', 0) * 1000 });
