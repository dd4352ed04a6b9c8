import type { Knex } from 'knex';
import type { ActivityRecorder } from './audit/activity-recorder.js';
import type { SessionPolicy } from './auth/victim-session.js';
import type { BackgroundTasks } from './background.js';
import type { StreamTimings } from './features/live/event-stream.js';
import type { LiveHub } from './features/live/hub.js';
import type { ServiceMetrics } from './http/metrics.js';
import type { RateLimits } from './http/rate-limit.js';

/** What the features need from the running service. */
export interface AppServices {
  db: Knex;
  sessionPolicy: SessionPolicy;
  /** Batched audit rows for reads, and victim session activity. */
  activity: ActivityRecorder;
  rateLimits: RateLimits;
  /** Work that carries on after the response. */
  background: BackgroundTasks;
  /** Called after a commit that queued a notification, so it goes out without waiting to be polled. */
  notificationQueued: () => void;
  /** Called after a force changed its allowed origins (CORS). */
  originsChanged: () => void;
  /** RFC 9116 Contact for security.txt. */
  securityContact: string;
  /** This instance's live streams, fed by LISTEN/NOTIFY. */
  live: LiveHub;
  /** Heartbeat, credential checks and reconnect delay of live streams. */
  streamTimings: StreamTimings;
  /** This app's Prometheus metrics (/metrics). */
  metrics: ServiceMetrics;
  /** True once shutdown has begun: /readyz answers 503 from then on. */
  shuttingDown: () => boolean;
}
