import type { Knex } from 'knex';
import type { CaseUpdateNotification } from '../../outbox/outbox.js';
import { afterQuietHours } from '../../outbox/quiet-hours.js';
import { mayNotify, victimContactFor } from '../../outbox/victim-contact.js';
import { enqueueWebhook } from '../../outbox/webhooks.js';
import { readToldEvent } from './told-event.js';

/** How long a case-update notification waits for further updates to join it (s). */
export const defaultCaseUpdateDelaySeconds = 120;

const delayByDatabase = new WeakMap<object, number>();
const configOf = (db: Knex | Knex.Transaction): object => (db as unknown as { client: { config: object } }).client.config;

/**
 * Set the case-update delay for notifications queued through this database (like
 * configureAnnouncements for the reply notification).
 * @returns a function that puts back what was there before
 */
export function configureCaseUpdates(db: Knex, settings: { delaySeconds?: number }): () => void {
  const key = configOf(db);
  const before = delayByDatabase.get(key);
  const mine = settings.delaySeconds ?? defaultCaseUpdateDelaySeconds;
  delayByDatabase.set(key, mine);
  return () => {
    if (delayByDatabase.get(key) !== mine) return;
    if (before === undefined) delayByDatabase.delete(key);
    else delayByDatabase.set(key, before);
  };
}

/**
 * Queue, in the transaction that records a victim-visible event, the "there is an update on
 * your case: sign in to read it" notification (no case data). One per case at a time: while one
 * waits (and no worker is sending it), the event joins it. Nothing is queued for a case hidden
 * from its victim, a victim with no contact, one who has never signed in, or one who opted out.
 * It goes after a short delay, and never inside the victim's quiet hours. When the provider
 * accepts it, its events still untold become told by 'notification' (outbox/case-update.ts).
 * Call it holding the case's row lock (createCaseEvent does), so that two events on the case
 * cannot both find none waiting.
 */
export async function queueCaseUpdateNotification(trx: Knex.Transaction, target: { forceId: string; caseId: string; eventId: string }): Promise<void> {
  const { forceId, caseId, eventId } = target;
  const joined = await trx('outbox')
    .where({ force_id: forceId, kind: 'notification' })
    .whereNull('sent_at')
    .whereNull('failed_at')
    .whereNull('lease_id')
    .whereRaw(`payload->>'template' = 'case_update' and payload->>'caseId' = ?`, [caseId])
    .update({
      payload: trx.raw(
        `case when payload->'eventIds' @> to_jsonb(array[cast(? as text)]) then payload
              else jsonb_set(payload, '{eventIds}', (payload->'eventIds') || to_jsonb(array[cast(? as text)])) end`,
        [eventId, eventId],
      ),
    });
  if (joined > 0) return;
  const victim = await victimContactFor(trx, forceId, caseId);
  if (!mayNotify(victim)) return;
  const notification: CaseUpdateNotification = {
    template: 'case_update',
    channel: victim.channel,
    to: victim.to,
    senderName: victim.sender_name,
    language: victim.language,
    caseId,
    eventIds: [eventId],
  };
  const delaySeconds = delayByDatabase.get(configOf(trx)) ?? defaultCaseUpdateDelaySeconds;
  const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select now() as now');
  const due = afterQuietHours(new Date((rows[0] as { now: Date }).now.getTime() + delaySeconds * 1000), victim.quiet_from, victim.quiet_until);
  await trx('outbox').insert({ force_id: forceId, kind: 'notification', payload: JSON.stringify(notification), next_attempt_at: due });
}

/**
 * Record that the victim was told of these events (the first telling only), and send a
 * `victim.told` webhook for each one that was untold.
 * @returns the ids of the events told now
 */
export async function recordTold(trx: Knex.Transaction, target: { forceId: string; caseId: string; eventIds: string[] }, toldBy: 'portal' | 'notification'): Promise<string[]> {
  const { forceId, caseId, eventIds } = target;
  if (eventIds.length === 0) return [];
  const told = await trx('case_events')
    .where({ force_id: forceId, case_id: caseId, victim_visible: true })
    .whereIn('id', eventIds)
    .whereNull('told_at')
    .update({ told_at: trx.fn.now(), told_by: toldBy })
    .returning<{ id: string }[]>('id');
  if (told.length === 0) return [];
  const { crime_reference: crimeReference } = await trx('cases').select('crime_reference').where({ force_id: forceId, id: caseId }).first();
  const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select now() as now');
  const timestamp = (rows[0] as { now: Date }).now.toISOString();
  for (const { id } of told) {
    const event = await readToldEvent(trx, forceId, caseId, id);
    if (!event) continue;
    await enqueueWebhook(trx, forceId, { type: 'victim.told', timestamp, data: { caseId, crimeReference, event } });
  }
  return told.map(({ id }) => id);
}

/**
 * The victim opened the timeline: each listed event still untold becomes told by 'portal', with
 * a `victim.told` webhook each. Events already told keep their first telling.
 */
export async function markToldByPortal(trx: Knex.Transaction, target: { forceId: string; caseId: string; eventIds: string[] }): Promise<void> {
  await recordTold(trx, target, 'portal');
}
