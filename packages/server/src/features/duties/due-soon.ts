import type { Knex } from 'knex';

/** The outbox kind of a scheduled warning: at its time, a `duty.due_soon` webhook or nothing. */
export const dueSoonKind = 'duty_due_soon';

/** What a `duty_due_soon` outbox row holds: which duty, not the duty itself (read at send time). */
export interface DueSoonPayload {
  caseId: string;
  dueBy: string;
  eventId?: string;
  referralId?: string;
}

/**
 * Schedule the `duty.due_soon` webhook for a duty: an outbox row due the force's
 * `deadline_warning_hours` before `dueBy` (now, if that has passed). When it comes due the
 * worker drops it if the duty is done by then, else queues the webhook with the Duty
 * (outbox/due-soon-dispatch.ts). Pass the transaction that creates the duty.
 */
export async function queueDueSoonWarning(
  trx: Knex.Transaction,
  duty: { forceId: string; caseId: string; dueBy: Date; eventId?: string; referralId?: string },
): Promise<void> {
  const payload: DueSoonPayload = { caseId: duty.caseId, dueBy: duty.dueBy.toISOString() };
  if (duty.eventId) payload.eventId = duty.eventId;
  if (duty.referralId) payload.referralId = duty.referralId;
  await trx.raw(
    `insert into outbox (force_id, kind, payload, next_attempt_at)
     select f.id, ?, cast(? as jsonb), greatest(now(), cast(? as timestamptz) - f.deadline_warning_hours * interval '1 hour')
     from forces f where f.id = ?`,
    [dueSoonKind, JSON.stringify(payload), duty.dueBy.toISOString(), duty.forceId],
  );
}
