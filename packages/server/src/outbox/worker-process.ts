import type { Knex } from 'knex';
import { createDatabase, migrateToLatest } from '../db/connection.js';
import { loggingSender, notificationConfigFromEnv, notifySenderFrom, type DeliveryLogLine } from './configure.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './worker.js';

export interface WorkerProcess {
  worker: OutboxWorker;
  db: Knex;
  /** Stop polling, wait for sends in flight to be recorded, close the database. */
  close(): Promise<void>;
}

type Env = Record<string, string | undefined>;

/**
 * The outbox worker on its own, beside servers started with VP_OUTBOX_WORKER=off (or as well as
 * their workers: any number may share the table). Needs PostgreSQL: PGlite's files belong to
 * one process. Sends through GOV.UK Notify: the dev mailbox lives inside the demo server.
 * @param extra for tests: worker options that have no environment variable
 */
export async function startWorkerProcess(
  env: Env = process.env,
  log: (line: DeliveryLogLine | { level: 'error'; msg: string; error: string }) => void = (line) => process.stderr.write(`${JSON.stringify(line)}\n`),
  extra: Partial<OutboxWorkerOptions> = {},
): Promise<WorkerProcess> {
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (!databaseUrl) throw new Error('The separate outbox worker needs DATABASE_URL (PostgreSQL): PGlite cannot be shared between processes.');
  const config = notificationConfigFromEnv(env);
  const notify = notifySenderFrom(config);
  if (!notify) throw new Error(`The separate outbox worker sends through GOV.UK Notify: set VP_NOTIFY_API_KEY (VP_SENDER is "${config.sender}").`);
  const db = createDatabase({ databaseUrl, poolSize: 4 });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const worker = createOutboxWorker({
    db,
    sender: loggingSender(notify, log),
    pollIntervalMs: config.pollIntervalMs,
    // Failures of the batch itself (the database unreachable); deliveries log through the sender.
    onDeliveryFailure: ({ outboxId, error }) => {
      if (outboxId === '(batch)') log({ level: 'error', msg: 'outbox batch failed', error });
    },
    ...extra,
  });
  worker.start();
  return {
    worker,
    db,
    async close() {
      await worker.stop();
      await db.destroy();
    },
  };
}
