import type { Knex } from 'knex';
import pg from 'pg';

/** A listening connection: closing it stops the notifications. */
export interface ThreadListener {
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** A NOTIFY payload on the channel, after its transaction committed. */
  onNotification(payload: string): void;
  /** The connection dropped: notifications may have been missed until it is back. */
  onLost(): void;
}

interface PGliteLike {
  waitReady: Promise<void>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

// PGlite is one connection in this process, shared by every server on it: one LISTEN for all,
// made once. (A LISTEN issued while a transaction is open on that one connection would belong
// to the transaction, so it is not repeated per server.)
const pgliteChannels = new WeakMap<PGliteLike, Map<string, { callbacks: Set<(payload: string) => void>; listening: Promise<() => Promise<void>> }>>();

async function listenOnPGlite(pglite: PGliteLike, channel: string, handlers: ListenHandlers): Promise<ThreadListener> {
  await pglite.waitReady;
  let channels = pgliteChannels.get(pglite);
  if (!channels) pgliteChannels.set(pglite, (channels = new Map()));
  let entry = channels.get(channel);
  if (!entry) {
    const callbacks = new Set<(payload: string) => void>();
    entry = { callbacks, listening: pglite.listen(channel, (payload) => callbacks.forEach((callback) => callback(payload))) };
    channels.set(channel, entry);
  }
  const { callbacks, listening } = entry;
  const callback = (payload: string) => handlers.onNotification(payload);
  callbacks.add(callback);
  await listening;
  // PGlite lives in this process: the connection cannot drop, and it closes with the database.
  return {
    async close() {
      callbacks.delete(callback);
    },
  };
}

/**
 * A dedicated PostgreSQL connection (not one of the pool's) that LISTENs on the channel, and
 * connects again with backoff when it drops, telling `onLost` each time.
 */
async function listenOnPostgres(connection: string | pg.ClientConfig, channel: string, handlers: ListenHandlers): Promise<ThreadListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const connect = async (reconnecting: boolean): Promise<void> => {
    // Named, so that an operator can tell the listening connections apart in pg_stat_activity.
    const settings: pg.ClientConfig = typeof connection === 'string' ? { connectionString: connection } : connection;
    const next = new pg.Client({ ...settings, application_name: 'victim-portal-live' });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onNotification(message.payload);
    });
    // Only a connection that was up can be lost; a failed attempt is retried by its caller.
    const drop = () => {
      if (client !== next || closed) return;
      client = undefined;
      next.end().catch(() => undefined);
      handlers.onLost();
      scheduleReconnect();
    };
    // An 'error' without a listener would crash the process.
    next.on('error', drop);
    next.on('end', drop);
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    failures = 0;
    // Streams opened while it was down heard nothing meanwhile: they too must resume.
    if (reconnecting) handlers.onLost();
  };

  const scheduleReconnect = () => {
    if (closed) return;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
    failures++;
    retry = setTimeout(() => {
      connect(true).catch(() => scheduleReconnect());
    }, delay);
    retry.unref();
  };

  await connect(false);
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * LISTEN on a channel of the database behind a knex instance: PGlite through its own listen(),
 * PostgreSQL through a connection of its own with the same settings as the pool's.
 * @returns the listener, once it is listening
 */
export async function listenForThreadEvents(db: Knex, channel: string, handlers: ListenHandlers): Promise<ThreadListener> {
  // knex-pglite keeps its PGlite instance on the client.
  const client = db.client as { pglite?: PGliteLike; config: { connection?: unknown } };
  if (client.pglite) return listenOnPGlite(client.pglite, channel, handlers);
  const connection = client.config.connection;
  if (typeof connection !== 'string' && (typeof connection !== 'object' || connection === null)) {
    throw new Error('live streams need the database connection settings as a string or an object');
  }
  return listenOnPostgres(connection as string | pg.ClientConfig, channel, handlers);
}
