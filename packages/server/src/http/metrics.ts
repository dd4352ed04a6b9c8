import { createHash, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import type { Middleware } from 'koa';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics (docs/operations.md names each series). Every label has a few
 * fixed values: an operation id from the contract (or '(unrouted)'), a method, a status class,
 * an outbox kind, a stream audience. Never a URL, an id, a force or anything a caller typed.
 */
export interface MetricsOptions {
  db: Knex;
  /** When set, /metrics needs `Authorization: Bearer <token>` (VP_METRICS_TOKEN). */
  token?: string;
  /** Open live streams here, by audience. */
  openStreams?: () => Record<'victim' | 'officer', number>;
  /** How long the scrape's database query may take (ms). Default 2000. */
  queryTimeoutMs?: number;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

interface OutboxRow {
  kind: string;
  pending: number | string;
  oldest_seconds: number | string | null;
  overdue_seconds: number | string | null;
}

// The kinds named in the issue are always reported, at 0 when none waits, so alerts on them
// have a series to watch; other kinds appear while they have rows.
const reportedKinds = ['notification', 'webhook'];
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// Pending rows are exactly the partial index outbox_due's rows (sent_at and failed_at null), so
// this reads that index, not the table's history. A webhook parked until its force sets a URL
// ('infinity') counts as pending but not in the ages: it waits by design.
const outboxQuery = `
  select kind, count(*) as pending,
    extract(epoch from now() - min(created_at) filter (where next_attempt_at <> 'infinity')) as oldest_seconds,
    extract(epoch from now() - min(next_attempt_at) filter (where next_attempt_at <= now())) as overdue_seconds
  from outbox
  where sent_at is null and failed_at is null
  group by kind`;

// Process metrics (CPU, memory, event loop, GC) describe the process, not an app: one set per
// process, shared by every app in it (tests start several), made on the first scrape.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** @returns a promise that rejects after `ms` unless `work` settles first */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** One app's metrics, in a registry of its own (several apps can share a process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly tokenDigest: Buffer | undefined;
  private readonly requests = new Counter({
    name: 'vp_http_requests_total',
    help: 'Requests answered, by contract operation, method and status class.',
    labelNames: ['operation', 'method', 'status_class'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'vp_http_request_duration_seconds',
    help: 'Time to answer a request (to the first byte of a stream), by contract operation, method and status class.',
    labelNames: ['operation', 'method', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly deliveryFailures = new Counter({
    name: 'vp_outbox_delivery_failures_total',
    help: 'Failed delivery attempts of notifications and webhooks, by kind and whether the row was given up on.',
    labelNames: ['kind', 'gave_up'] as const,
    registers: [this.registry],
  });
  private readonly batchFailures = new Counter({
    name: 'vp_outbox_batch_failures_total',
    help: 'Outbox batches that failed as a whole (the database unreachable).',
    registers: [this.registry],
  });
  private readonly outboxPending = new Gauge({
    name: 'vp_outbox_pending',
    help: 'Outbox rows not yet sent or given up on, by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly outboxOldest = new Gauge({
    name: 'vp_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest pending outbox row, by kind (0 when none).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly outboxOverdue = new Gauge({
    name: 'vp_outbox_overdue_seconds',
    help: 'How long the most overdue due row has waited past its due time, by kind: worker lag (0 when none).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly databaseUp = new Gauge({
    name: 'vp_database_up',
    help: '1 when the scrape\'s database query answered in time, else 0.',
    registers: [this.registry],
  });
  private readonly streams = new Gauge({
    name: 'vp_live_streams_open',
    help: 'Live event streams open on this instance, by audience.',
    labelNames: ['audience'] as const,
    registers: [this.registry],
  });
  private readonly poolConnections = new Gauge({
    name: 'vp_db_pool_connections',
    help: 'Database pool connections by state (used, free); PGlite has one connection.',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  private readonly poolPending = new Gauge({
    name: 'vp_db_pool_pending_acquires',
    help: 'Queries waiting for a database connection.',
    registers: [this.registry],
  });
  private readonly poolMax = new Gauge({
    name: 'vp_db_pool_max',
    help: 'The most connections the pool opens.',
    registers: [this.registry],
  });

  constructor(private readonly options: MetricsOptions) {
    this.tokenDigest = options.token ? digest(options.token) : undefined;
  }

  /** Whether /metrics needs a bearer token. */
  get protectedByToken(): boolean {
    return this.tokenDigest !== undefined;
  }

  /** @returns whether the Authorization header carries the metrics token (or none is needed) */
  accepts(authorization: string | undefined): boolean {
    if (!this.tokenDigest) return true;
    const match = /^Bearer (.+)$/i.exec(authorization ?? '');
    return Boolean(match?.[1]) && timingSafeEqual(digest(match?.[1] ?? ''), this.tokenDigest);
  }

  /** Counts and times every request; mount outside the problem middleware, so the status is final. */
  middleware(): Middleware {
    return async (ctx, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        const labels = {
          operation: (ctx as unknown as { routerName?: string }).routerName ?? '(unrouted)',
          method: methods.has(ctx.method) ? ctx.method : 'OTHER',
          status_class: `${Math.floor(ctx.status / 100)}xx`,
        };
        this.requests.inc(labels);
        this.duration.observe(labels, (performance.now() - started) / 1000);
      }
    };
  }

  /** The outbox recorded a failed attempt, or a batch failed (no kind): worker.ts countFailure. */
  deliveryFailed(failure: { kind?: string; gaveUp?: boolean }): void {
    if (failure.kind === undefined) this.batchFailures.inc();
    else this.deliveryFailures.inc({ kind: failure.kind, gave_up: failure.gaveUp ? 'true' : 'false' });
  }

  /** @returns the Prometheus text of this app's series and the process's */
  async render(): Promise<{ contentType: string; text: string }> {
    await this.collect();
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return { contentType: this.registry.contentType, text: `${own}\n${process}` };
  }

  /** The gauges read at scrape time: the outbox (one grouped query), the pool and the streams. */
  private async collect(): Promise<void> {
    const pool = (this.options.db.client as { pool?: TarnPool }).pool;
    if (pool) {
      this.poolConnections.set({ state: 'used' }, pool.numUsed());
      this.poolConnections.set({ state: 'free' }, pool.numFree());
      this.poolPending.set(pool.numPendingAcquires());
      this.poolMax.set(pool.max);
    }
    const open = this.options.openStreams?.() ?? { victim: 0, officer: 0 };
    this.streams.set({ audience: 'victim' }, open.victim);
    this.streams.set({ audience: 'officer' }, open.officer);

    this.outboxPending.reset();
    this.outboxOldest.reset();
    this.outboxOverdue.reset();
    let rows: OutboxRow[];
    try {
      rows = (await within(this.options.db.raw<{ rows: OutboxRow[] }>(outboxQuery), this.options.queryTimeoutMs ?? 2000)).rows;
      this.databaseUp.set(1);
    } catch {
      // Unreachable: the outbox series are left out rather than reported stale or as zero.
      this.databaseUp.set(0);
      return;
    }
    for (const kind of reportedKinds) {
      this.outboxPending.set({ kind }, 0);
      this.outboxOldest.set({ kind }, 0);
      this.outboxOverdue.set({ kind }, 0);
    }
    for (const row of rows) {
      this.outboxPending.set({ kind: row.kind }, Number(row.pending));
      this.outboxOldest.set({ kind: row.kind }, Math.max(0, Number(row.oldest_seconds ?? 0)));
      this.outboxOverdue.set({ kind: row.kind }, Math.max(0, Number(row.overdue_seconds ?? 0)));
    }
  }
}
