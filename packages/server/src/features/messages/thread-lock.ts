import type { Knex } from 'knex';

/**
 * Take the force's thread lock for the rest of the transaction. Every writer of `messages` or
 * `read_receipts` takes it BEFORE its insert draws a seq, so within a force seqs are drawn in
 * commit order: a reader that has seen seq N (a live stream's Last-Event-ID) will never later
 * find a committed event of that force below N. Forces do not wait for each other.
 */
export async function lockForceThreads(trx: Knex.Transaction, forceId: string): Promise<void> {
  await trx.raw("select pg_advisory_xact_lock(hashtextextended('thread:' || cast(? as text), 0))", [forceId]);
}
