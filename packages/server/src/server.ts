import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import type { DestinationStream } from 'pino';
import { backgroundFailureLogger, createApp, type AppOptions } from './app.js';
import { BackgroundTasks } from './background.js';
import type { SessionPolicy } from './auth/victim-session.js';
import { createDatabase, migrateToLatest, type DatabaseOptions } from './db/connection.js';
import { configureAnnouncements } from './features/live/announce.js';
import { configureCaseUpdates } from './features/duties/telling.js';
import type { StreamTimings } from './features/live/event-stream.js';
import { LiveHub } from './features/live/hub.js';
import { ServiceMetrics } from './http/metrics.js';
import type { FaultLogger } from './http/problem.js';
import { createLogger, faultLogger } from './http/request-log.js';
import { DevMailbox } from './outbox/dev-mailbox.js';
import type { NotificationSender } from './outbox/sender.js';
import type { WebhookSender } from './outbox/webhook-sender.js';
import { createOutboxWorker } from './outbox/worker.js';

export interface ServerOptions extends DatabaseOptions {
  /** TCP port; 0 picks a free one (see `url`). Default 3000. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1; use 0.0.0.0 in a container. */
  host?: string;
  /** Use this knex instance instead of opening one (it is then left open by close()). */
  db?: Knex;
  /** Run migrations first. Default true. */
  migrate?: boolean;
  /** Demo/dev only: deliver notifications to an in-memory mailbox served at /dev/mailbox. */
  devMailbox?: boolean;
  /** Where notifications go when devMailbox is off. Without one, they wait in the outbox. */
  notificationSender?: NotificationSender;
  /**
   * Run the outbox worker in this process (webhooks, and notifications when there is a sender).
   * Default true; false when separate workers (`node dist/worker-main.js`) send instead.
   */
  outboxWorker?: boolean;
  /** Where webhooks go. Default: posted to each force's webhookUrl, signed (Standard Webhooks). */
  webhookSender?: WebhookSender;
  /** Demo: the force website folder served at `/`. */
  siteDir?: string;
  /** Demo: the widget bundle folder served at `/widgets/`. */
  widgetsDir?: string;
  sessionPolicy?: Partial<SessionPolicy>;
  /** RFC 9116 Contact for /.well-known/security.txt. */
  securityContact?: string;
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Override rate limits by name: signInByAddress, codesPerInvite, redeemPerInvite, linksPerContact. */
  rateLimits?: AppOptions['rateLimits'];
  /**
   * Seconds between an officer's message and the victim's "new message" notification, which is
   * cancelled if they read it first. Default 120 (VP_REPLY_NOTIFY_DELAY_SECONDS).
   */
  replyNotifyDelaySeconds?: number;
  /**
   * Seconds between a new update on a case and the victim's "there is an update" notification,
   * which gathers the updates of that time into one and is cancelled if they read them first.
   * Default 120 (VP_CASE_UPDATE_DELAY_SECONDS).
   */
  caseUpdateDelaySeconds?: number;
  /** How often the outbox worker looks for due notifications (ms); 0 only when nudged. Default 1000. */
  outboxPollIntervalMs?: number;
  logFault?: FaultLogger;
  /** Live stream pacing (heartbeat, credential checks, retry); for tests. */
  streamTimings?: Partial<StreamTimings>;
  /** Write one JSON line per request, and faults, here (e.g. process.stdout). Without it, only faults are logged, to stderr. */
  logStream?: DestinationStream;
  /** When set, /metrics needs `Authorization: Bearer <this>` (VP_METRICS_TOKEN). */
  metricsToken?: string;
}

export interface CloseOptions {
  /**
   * Answer /readyz with 503 for this long first, still serving everything else, so that the
   * load balancer has seen it and sends no new requests before the instance stops listening
   * (VP_SHUTDOWN_DELAY_SECONDS). Default 0. Calling close() again ends the wait at once.
   */
  notReadyForMs?: number;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** The knex instance the server uses (PostgreSQL or PGlite). */
  db: Knex;
  /** The dev mailbox when `devMailbox` was set. */
  mailbox: DevMailbox | undefined;
  /** Deliver every due notification now. @returns how many were sent */
  deliverNotifications(): Promise<number>;
  /** This server's Prometheus metrics. */
  metrics: ServiceMetrics;
  /**
   * Shut down gracefully: answer /readyz with 503 (at once), stop listening, end live streams
   * with a retry hint, let requests in flight finish (5 s at most), let the outbox worker finish
   * the batch in hand, then close the database.
   */
  close(options?: CloseOptions): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Start the service: open the database (PostgreSQL when `databaseUrl` is set, else PGlite in
 * `dataDir` or in memory), migrate, start the outbox worker and listen.
 * @returns the running server
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownsDb = !options.db;
  const db = options.db ?? createDatabase(options);
  try {
    if (options.migrate ?? true) await migrateToLatest(db);
  } catch (error) {
    if (ownsDb) await db.destroy();
    throw error;
  }
  const restoreReplies = configureAnnouncements(db, { replyNotifyDelaySeconds: options.replyNotifyDelaySeconds });
  const restoreCaseUpdates = configureCaseUpdates(db, { delaySeconds: options.caseUpdateDelaySeconds });
  const restoreAnnouncements = () => {
    restoreCaseUpdates();
    restoreReplies();
  };
  const mailbox = options.devMailbox ? new DevMailbox() : undefined;
  const sender = mailbox ?? options.notificationSender;
  const logger = options.logStream ? createLogger(options.logStream) : undefined;
  const logFault = options.logFault ?? (logger ? faultLogger(logger) : undefined);
  const reportFailure = backgroundFailureLogger(logFault ?? ((fault) => process.stderr.write(`${JSON.stringify({ level: 'error', ...fault })}\n`)));
  const background = new BackgroundTasks(reportFailure);
  // One LISTEN connection for this instance's streams.
  const live = new LiveHub(db, reportFailure);
  const metrics = new ServiceMetrics({ db, token: options.metricsToken, openStreams: () => live.openStreams() });
  // Webhooks need no sender configured, so the worker runs whenever it is wanted here.
  const worker = options.outboxWorker === false
    ? undefined
    : createOutboxWorker({ db, sender, webhooks: options.webhookSender, pollIntervalMs: options.outboxPollIntervalMs, countFailure: (failure) => metrics.deliveryFailed(failure) });
  // Each committed thread event also nudges the worker, so its webhook goes without waiting for a poll.
  live.onEvent(() => worker?.nudge());
  // From the start of close(): /readyz answers 503 and connections are not kept alive.
  let shuttingDown = false;
  try {
    await live.start();
  } catch (error) {
    restoreAnnouncements();
    if (ownsDb) await db.destroy();
    throw error;
  }
  const app = createApp({
    db,
    background,
    securityContact: options.securityContact,
    trustProxy: options.trustProxy,
    rateLimits: options.rateLimits,
    sessionPolicy: options.sessionPolicy,
    notificationQueued: () => worker?.nudge(),
    devMailbox: mailbox,
    siteDir: options.siteDir,
    widgetsDir: options.widgetsDir,
    logFault,
    logger,
    live,
    streamTimings: options.streamTimings,
    metrics,
    shuttingDown: () => shuttingDown,
  });
  const handle = app.callback();
  // While shutting down, a connection is not kept alive after its response: the client's next
  // request opens a new one, which the load balancer sends to an instance still ready.
  const server = createServer((request, response) => {
    if (shuttingDown) response.setHeader('Connection', 'close');
    void handle(request, response);
  });
  // Behind a load balancer, idle keep-alive connections must outlive its own idle timeout.
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await listen(server, options.port ?? 3000, host);
  } catch (error) {
    await live.close();
    restoreAnnouncements();
    if (ownsDb) await db.destroy();
    throw error;
  }
  worker?.start();
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  let endWait: () => void = () => undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    db,
    mailbox,
    // Background work (a sign-in link being prepared) may be about to queue a notification.
    deliverNotifications: async () => {
      await background.idle();
      return (await worker?.deliverDue()) ?? 0;
    },
    metrics,
    close(closeOptions: CloseOptions = {}) {
      if (closing) {
        // A second call (a second signal, a test) ends the not-ready wait at once.
        endWait();
        return closing;
      }
      shuttingDown = true;
      closing = (async () => {
        const waitMs = closeOptions.notReadyForMs ?? 0;
        if (waitMs > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, waitMs);
            endWait = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
        // No new connections from here; those open finish their request and are closed.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Open streams would hold the close up: end them, each with a retry hint (clients resume elsewhere).
        const streamsEnded = live.close();
        server.closeIdleConnections();
        // The worker stops taking batches now, and finishes the one in hand while requests finish.
        const workerStopped = worker?.stop();
        // Requests in flight get a few seconds to finish; then their connections are cut.
        const deadline = setTimeout(() => server.closeAllConnections(), 5_000);
        await Promise.all([closed, streamsEnded]);
        clearTimeout(deadline);
        // Work that requests left behind (a sign-in link being prepared) may queue a notification:
        // it waits in the outbox for another instance's worker.
        await background.idle();
        await workerStopped;
        restoreAnnouncements();
        if (ownsDb) await db.destroy();
      })();
      return closing;
    },
  };
}
