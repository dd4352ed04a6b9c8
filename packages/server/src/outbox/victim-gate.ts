import type { Knex } from 'knex';
import type { Cancellation } from './cancellation.js';
import { afterQuietHours } from './quiet-hours.js';
import { victimContactFor } from './victim-contact.js';

/**
 * The victim's own rules, checked again when a worker picks up a "sign in to read it"
 * notification (they may have changed since it was queued): none for a victim who opted out or
 * whose case is now hidden from them (or gone), and none inside their quiet hours.
 * @returns a cancellation, the time to wait until, or undefined to send now
 */
export async function victimGate(db: Knex, forceId: string, caseId: string, now: Date = new Date()): Promise<Cancellation | { deferUntil: Date } | undefined> {
  const victim = await victimContactFor(db, forceId, caseId);
  if (!victim || victim.hidden_from_victim) return { cancelled: 'cancelled_hidden' };
  if (victim.opted_out) return { cancelled: 'cancelled_opted_out' };
  const until = afterQuietHours(now, victim.quiet_from, victim.quiet_until);
  return until > now ? { deferUntil: until } : undefined;
}
