import type Router from '@koa/router';
import Koa from 'koa';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { openapiDocument, type OperationId } from '@victim-portal/contract';
import { ActivityRecorder } from './audit/activity-recorder.js';
import { defaultSessionPolicy, type SessionPolicy } from './auth/victim-session.js';
import { BackgroundTasks } from './background.js';
import { caseOperations } from './features/cases/routes.js';
import { dutyOperations } from './features/duties/routes.js';
import { eligibilityOperations } from './features/eligibility/routes.js';
import { forceSettingsOperations } from './features/force-settings/routes.js';
import { healthOperations } from './features/health/routes.js';
import { inviteOperations } from './features/invites/routes.js';
import { defaultStreamTimings, type StreamTimings } from './features/live/event-stream.js';
import { LiveHub } from './features/live/hub.js';
import { liveOperations } from './features/live/routes.js';
import { messageOperations } from './features/messages/routes.js';
import { meOperations } from './features/me/routes.js';
import { officerOperations } from './features/officers/routes.js';
import { preferencesOperations } from './features/preferences/routes.js';
import { reportOperations } from './features/reports/routes.js';
import { rightsOperations } from './features/rights/routes.js';
import { signInOperations } from './features/sign-in/routes.js';
import { supportOperations } from './features/support/routes.js';
import { timelineOperations } from './features/timeline/routes.js';
import { AllowedOrigins, cors } from './http/cors.js';
import { operationsTakingIdempotencyKey } from './http/idempotency.js';
import { ServiceMetrics } from './http/metrics.js';
import { contractRouter, notFoundOrWrongMethod } from './http/operations.js';
import { problemResponses, type FaultLogger } from './http/problem.js';
import { RateLimits, signInLimits, type Limit } from './http/rate-limit.js';
import { faultLogger, requestLog } from './http/request-log.js';
import { requestId } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { staticFiles } from './http/static-files.js';
import { ContractValidator } from './http/validation.js';
import type { DevMailbox } from './outbox/dev-mailbox.js';
import { devMailboxRouter } from './outbox/dev-mailbox-routes.js';
import type { AppServices } from './services.js';

export interface AppOptions {
  db: Knex;
  /** Session lifetimes; defaults 15 min idle, 12 h absolute. */
  sessionPolicy?: Partial<SessionPolicy>;
  /** Called after a commit that queued a notification (the outbox worker's nudge). */
  notificationQueued?: () => void;
  /** Demo/dev only: serve this mailbox at /dev/mailbox and /dev/mailbox.json. */
  devMailbox?: DevMailbox;
  /** Demo only: the force website at `/` (a placeholder page when the folder is missing). */
  siteDir?: string;
  /** Demo only: the widget bundle at `/widgets/` (skipped when the folder is missing). */
  widgetsDir?: string;
  /** Where faults are reported; defaults to `logger`, else one JSON line on stderr. */
  logFault?: FaultLogger;
  /** Log one line per request (and faults) here; see http/request-log.ts for what is logged. */
  logger?: Logger;
  /** Work after the response (sign-in links); give one to wait for it, e.g. in tests. */
  background?: BackgroundTasks;
  /** RFC 9116 Contact for /.well-known/security.txt (VP_SECURITY_CONTACT). */
  securityContact?: string;
  /** Behind a load balancer: take the client address from X-Forwarded-For (for rate limits). */
  trustProxy?: boolean;
  /** Override rate limits by name (see http/rate-limit.ts), e.g. for tests. */
  rateLimits?: Partial<Record<keyof typeof signInLimits, Limit>>;
  /** The live hub for event streams; default one of its own, listening from the first stream. */
  live?: LiveHub;
  /** Live stream pacing; defaults in features/live/event-stream.ts. */
  streamTimings?: Partial<StreamTimings>;
  /** Prometheus metrics; default a registry of this app's own, /metrics public. */
  metrics?: ServiceMetrics;
  /** True once shutdown has begun (/readyz answers 503); default never. */
  shuttingDown?: () => boolean;
}

/** Failures of background work, logged like faults: by name only, never personal data. */
export function backgroundFailureLogger(logFault: FaultLogger): (error: unknown) => void {
  return (error) =>
    logFault({ requestId: undefined, method: '(background)', route: '(background)', name: error instanceof Error ? error.name : 'Error', code: undefined, message: 'background task failed' });
}

const logToStderr: FaultLogger = (fault) => process.stderr.write(`${JSON.stringify({ level: 'error', ...fault })}\n`);

// Compiled once per process: the contract does not change while it runs.
let sharedValidator: ContractValidator | undefined;
/** @returns the validators for the contract this service implements */
export function contractValidator(): ContractValidator {
  sharedValidator ??= new ContractValidator(openapiDocument);
  return sharedValidator;
}

let sharedIdempotent: Set<OperationId> | undefined;
/** @returns the operations whose contract parameters include the Idempotency-Key header */
function idempotentOperations(): Set<OperationId> {
  sharedIdempotent ??= operationsTakingIdempotencyKey(openapiDocument);
  return sharedIdempotent;
}

/**
 * The Victim Portal service as a Koa application: every operation of the contract, plus the
 * demo's pages when asked for. It does not listen, migrate or send: see startServer.
 * @returns the Koa app (`app.callback()` for a Node HTTP server)
 */
export function createApp(options: AppOptions): Koa {
  const logFault = options.logFault ?? (options.logger ? faultLogger(options.logger) : logToStderr);
  const origins = new AllowedOrigins(options.db);
  const live = options.live ?? new LiveHub(options.db, backgroundFailureLogger(logFault));
  const services: AppServices = {
    db: options.db,
    sessionPolicy: { ...defaultSessionPolicy, ...options.sessionPolicy },
    activity: new ActivityRecorder(options.db),
    rateLimits: new RateLimits(options.db, { ...signInLimits, ...options.rateLimits }),
    background: options.background ?? new BackgroundTasks(backgroundFailureLogger(logFault)),
    notificationQueued: options.notificationQueued ?? (() => undefined),
    originsChanged: () => origins.invalidate(),
    securityContact: options.securityContact ?? 'mailto:security@example.com',
    live,
    streamTimings: { ...defaultStreamTimings, ...options.streamTimings },
    metrics: options.metrics ?? new ServiceMetrics({ db: options.db, openStreams: () => live.openStreams() }),
    shuttingDown: options.shuttingDown ?? (() => false),
  };
  const api = contractRouter(options.db, contractValidator(), {
    ...healthOperations(services),
    ...forceSettingsOperations(services),
    ...eligibilityOperations(services),
    ...officerOperations(services),
    ...caseOperations(services),
    ...inviteOperations(services),
    ...signInOperations(services),
    ...meOperations(services),
    ...messageOperations(services),
    ...liveOperations(services),
    ...rightsOperations(services),
    ...supportOperations(services),
    ...preferencesOperations(services),
    ...timelineOperations(services),
    ...dutyOperations(services),
    ...reportOperations(services),
  }, { idempotent: idempotentOperations() });
  const routers: Router[] = [api];
  const methodsAt = (path: string) => [...new Set(api.match(path, 'OPTIONS').path.flatMap((layer) => layer.methods))];

  const app = new Koa();
  app.proxy = options.trustProxy ?? false;
  // Only the address our own load balancer appended (the last in X-Forwarded-For) is trusted:
  // anything to its left was written by the client and would let it pick its rate-limit key.
  app.maxIpsCount = 1;
  // Only failures after the response started reach here (a streamed body). A client that goes
  // away from a live stream is normal; anything else is logged as a fault, without detail.
  app.on('error', (error: { code?: unknown; name?: string }) => {
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    logFault({ requestId: undefined, method: '(response)', route: '(response)', name: error.name ?? 'Error', code: typeof error.code === 'string' ? error.code : undefined, message: 'response failed' });
  });
  app.use(securityHeaders());
  app.use(requestId());
  app.use(services.metrics.middleware());
  if (options.logger) app.use(requestLog(options.logger));
  app.use(problemResponses(logFault));
  app.use(cors(origins, methodsAt));
  app.use(api.routes());
  if (options.devMailbox) {
    const mailbox = devMailboxRouter(options.devMailbox);
    routers.push(mailbox);
    app.use(mailbox.routes());
  }
  if (options.siteDir !== undefined || options.widgetsDir !== undefined) {
    app.use(staticFiles({ siteDir: options.siteDir, widgetsDir: options.widgetsDir }));
  }
  app.use(notFoundOrWrongMethod(routers));
  return app;
}
