/**
 * The outbox worker on its own (`node dist/worker-main.js`): sends queued notifications through
 * GOV.UK Notify for servers started with VP_OUTBOX_WORKER=off. Run one or several.
 *   DATABASE_URL (PostgreSQL, required), VP_NOTIFY_API_KEY (required), VP_NOTIFY_BASE_URL,
 *   VP_NOTIFY_TIMEOUT_MS (10000), VP_NOTIFY_SENDER_IDS, VP_OUTBOX_POLL_MS (1000),
 *   VP_WORKER_METRICS_PORT (unset: none; else /metrics on that port, VP_METRICS_TOKEN as for the
 *   server), VP_WORKER_METRICS_HOST (0.0.0.0).
 * docs/notifications.md, docs/operations.md
 */
import { createServer, type Server } from 'node:http';
import { ServiceMetrics } from './http/metrics.js';
import { createLogger } from './http/request-log.js';
import { numberFromEnv } from './lifecycle.js';
import { startWorkerProcess, type WorkerProcess } from './outbox/worker-process.js';

// The same JSON-lines log as the server's (stdout): failed deliveries and failed batches.
const log = createLogger(process.stdout);
let running: WorkerProcess;
let metrics: ServiceMetrics | undefined;
try {
  running = await startWorkerProcess(process.env, ({ level, msg, ...line }) => log[level](line, msg), {
    countFailure: (failure) => metrics?.deliveryFailed(failure),
  });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.stdout.write('Victim Portal outbox worker: sending queued notifications through GOV.UK Notify. Ctrl-C to stop.\n');

// Its failures are counted here, not by any server: a scraper reads them from this port.
let metricsServer: Server | undefined;
if (process.env['VP_WORKER_METRICS_PORT']) {
  const workerMetrics = new ServiceMetrics({ db: running.db, token: process.env['VP_METRICS_TOKEN'] || undefined });
  metrics = workerMetrics;
  metricsServer = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (!workerMetrics.accepts(request.headers.authorization)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    workerMetrics.render().then(
      ({ contentType, text }) => response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  const port = numberFromEnv('VP_WORKER_METRICS_PORT', 9464);
  metricsServer.listen(port, process.env['VP_WORKER_METRICS_HOST'] || '0.0.0.0');
  process.stdout.write(`Worker metrics on port ${port} at /metrics.\n`);
}

// The worker's poll timer does not hold the process open (inside a server, the server does):
// here this one does, until a signal.
const keepAlive = setInterval(() => undefined, 3_600_000);
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(1);
  stopping = true;
  clearInterval(keepAlive);
  metricsServer?.close();
  process.stdout.write(`${signal}: finishing the batch in hand…\n`);
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
