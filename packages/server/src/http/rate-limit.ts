import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { problem } from './problem.js';

/** A limit: at most `points` attempts per `seconds`, per key. */
export interface Limit {
  points: number;
  seconds: number;
}

/** The service's limits: generous for people, tight enough to make guessing pointless. */
export const signInLimits = {
  // Per client address, across the public sign-in operations. Generous, because many people
  // can share one address (a library, a mobile network); wrong answers lock each invite anyway.
  signInByAddress: { points: 300, seconds: 15 * 60 },
  // New one-time codes per invite.
  codesPerInvite: { points: 5, seconds: 60 * 60 },
  // Redemption attempts per invite token, right or wrong, from any address: a second brake,
  // behind the lock at 5 wrong answers, on anyone spreading guesses over many addresses.
  redeemPerInvite: { points: 20, seconds: 15 * 60 },
  // Sign-in links per contact (email or mobile), whoever asks.
  linksPerContact: { points: 3, seconds: 60 * 60 },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof signInLimits;

/** The table migration 0005 creates; one table for every limit (keys carry the limit's name). */
export const rateLimitTable = 'rate_limits';

interface QueryConnection {
  exec?: unknown;
  query(config: { name?: string; text: string; values?: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null; affectedRows?: number }>;
}

/**
 * rate-limiter-flexible's PostgreSQL store speaks node-postgres (`query({ name, text, values })`);
 * its own knex mode hands it knex's raw connection, which on PGlite has no such call. This
 * adapter lends it a connection from knex's pool either way, so PostgreSQL and PGlite run the
 * same limiter, and several instances sharing one PostgreSQL share one count.
 */
function knexStoreClient(db: Knex) {
  return {
    async query(config: { name?: string; text: string; values?: unknown[] }) {
      const connection = (await db.client.acquireConnection()) as QueryConnection;
      try {
        if (typeof connection.exec === 'function') {
          const result = await connection.query(config.text, config.values ?? []);
          return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
        }
        return await connection.query(config);
      } finally {
        await db.client.releaseConnection(connection);
      }
    },
  };
}

/**
 * Rate limits for the public sign-in operations, counted in the database so that every
 * instance behind a load balancer sees the same count (a limit per instance would multiply
 * by the number of instances). Keys are hashed before they are stored: they are addresses,
 * invite tokens and contacts.
 */
export class RateLimits {
  private readonly limiters = new Map<LimitName, RateLimiterPostgres>();
  private readonly client: ReturnType<typeof knexStoreClient>;

  constructor(
    db: Knex,
    private readonly limits: Record<LimitName, Limit>,
  ) {
    this.client = knexStoreClient(db);
  }

  private limiter(name: LimitName): RateLimiterPostgres {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const limit = this.limits[name];
      limiter = new RateLimiterPostgres({
        storeClient: this.client,
        // 'client': use storeClient as it is (the adapter above), no pool handling of its own.
        storeType: 'client',
        tableName: rateLimitTable,
        tableCreated: true,
        // The table is swept by the limiter itself, at most every 5 minutes, on an unref'd timer.
        clearExpiredByTimeout: true,
        keyPrefix: name,
        points: limit.points,
        duration: limit.seconds,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /**
   * Count an attempt, or refuse it with a 429 problem and Retry-After.
   * @param name which limit
   * @param key what is being limited: an address, an invite, a contact (hashed here)
   */
  async consume(name: LimitName, key: string): Promise<void> {
    try {
      await this.limiter(name).consume(createHash('sha256').update(key).digest('hex'));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw problem('rateLimited', `Too many attempts. Try again in ${retryAfter} seconds.`, { headers: { 'Retry-After': String(retryAfter) } });
    }
  }
}
