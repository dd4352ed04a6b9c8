import type { Knex } from 'knex';
import type { DueSoonPayload } from '../features/duties/due-soon.js';
import { readOpenDuty } from '../features/duties/duty-read.js';
import { cancelClaimed } from './cancellation.js';
import { recordSent, type ClaimedRow } from './claimed-row.js';
import { enqueueWebhook } from './webhooks.js';

/**
 * A scheduled `duty.due_soon` warning that has come due (features/duties/due-soon.ts): dropped
 * if the duty is done by now ('dropped_done'), else it becomes a `duty.due_soon` webhook with the
 * Duty as it now stands, queued and delivered like every other webhook. One transaction: the
 * warning is either dropped, or turned into exactly one webhook.
 * @returns whether a webhook was queued
 */
export async function dispatchDueSoon(db: Knex, row: ClaimedRow, leaseId: string): Promise<boolean> {
  const payload = row.payload as DueSoonPayload;
  return db.transaction(async (trx) => {
    const duty = await readOpenDuty(trx, row.force_id, { eventId: payload.eventId, referralId: payload.referralId });
    if (!duty) {
      await cancelClaimed(trx, row, leaseId, { cancelled: 'dropped_done' });
      return false;
    }
    // Only once: a worker whose lease ran out finds the row already turned into its webhook.
    if (!(await recordSent(trx, row, leaseId, null))) return false;
    const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select now() as now');
    await enqueueWebhook(trx, row.force_id, {
      type: 'duty.due_soon',
      timestamp: (rows[0] as { now: Date }).now.toISOString(),
      data: { caseId: duty.caseId, crimeReference: duty.crimeReference, duty },
    });
    return true;
  });
}
