import type { Knex } from 'knex';
import { recordTold } from '../features/duties/telling.js';
import { recordSent, type ClaimedRow } from './claimed-row.js';
import type { CaseUpdateNotification } from './outbox.js';

/**
 * Whether a queued case-update notification should no longer go because the victim already knows
 * of every event it announces (they opened the timeline, or an officer told them).
 */
export async function caseUpdateCancelled(db: Knex, forceId: string, notification: CaseUpdateNotification): Promise<'cancelled_told' | undefined> {
  if (notification.eventIds.length === 0) return 'cancelled_told';
  const untold = await db('case_events')
    .where({ force_id: forceId, case_id: notification.caseId })
    .whereIn('id', notification.eventIds)
    .whereNull('told_at')
    .first('id');
  return untold ? undefined : 'cancelled_told';
}

/**
 * Record a case-update notification the provider accepted, and in the same transaction tell the
 * victim of its events: each still untold becomes told by 'notification' now, with a
 * `victim.told` webhook. Only the first record does so (a row sent twice after a lost lease
 * tells nobody twice).
 * @returns whether this call recorded it
 */
export async function recordCaseUpdateSent(db: Knex, row: ClaimedRow, leaseId: string, providerReference: string | null): Promise<boolean> {
  const notification = row.payload as CaseUpdateNotification;
  return db.transaction(async (trx) => {
    const recorded = await recordSent(trx, row, leaseId, providerReference);
    if (recorded) await recordTold(trx, { forceId: row.force_id, caseId: notification.caseId, eventIds: notification.eventIds }, 'notification');
    return recorded;
  });
}
