/**
 * The outbox worker on its own (`node dist/worker-main.js`): sends queued notifications through
 * GOV.UK Notify for servers started with VP_OUTBOX_WORKER=off. Run one or several.
 *   DATABASE_URL (PostgreSQL, required), VP_NOTIFY_API_KEY (required), VP_NOTIFY_BASE_URL,
 *   VP_NOTIFY_TIMEOUT_MS (10000), VP_NOTIFY_SENDER_IDS, VP_OUTBOX_POLL_MS (1000).
 * docs/notifications.md
 */
import { createLogger } from './http/request-log.js';
import { startWorkerProcess, type WorkerProcess } from './outbox/worker-process.js';

// The same JSON-lines log as the server's (stdout): failed deliveries and failed batches.
const log = createLogger(process.stdout);
let running: WorkerProcess;
try {
  running = await startWorkerProcess(process.env, ({ level, msg, ...line }) => log[level](line, msg));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.stdout.write('Victim Portal outbox worker: sending queued notifications through GOV.UK Notify. Ctrl-C to stop.\n');

// The worker's poll timer does not hold the process open (inside a server, the server does):
// here this one does, until a signal.
const keepAlive = setInterval(() => undefined, 3_600_000);
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(1);
  stopping = true;
  clearInterval(keepAlive);
  process.stdout.write(`${signal}: finishing sends in flight…\n`);
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
