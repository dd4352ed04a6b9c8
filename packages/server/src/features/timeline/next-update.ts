import type { CaseStatus } from '@victim-portal/contract';
import { finalStatuses } from './vocabulary.js';
import { londonDate, nextWorkingDay } from './working-days.js';

/**
 * SQL (over a case aliased `c`) for the victim's last contact on the case: the later of the
 * last victim-visible event recorded and the last message an officer sent. An event counts
 * from when it was recorded, since that is when the victim can read it, however far back it
 * happened. Kept on the case row by triggers on both tables (migration 0013).
 */
export const lastContactSql = 'c.last_contact_at';

/**
 * SQL (over a case aliased `c`) for the agreed update frequency in days: the victim's own
 * (preferences), else the force's default.
 */
export const updateEveryDaysSql = `coalesce(
    (select uv.update_every_days from victims uv where uv.force_id = c.force_id and uv.id = c.victim_id),
    (select uf.default_update_every_days from forces uf where uf.id = c.force_id)
  )`;

function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The day by which the victim should next hear: the agreed number of days after the last
 * contact (counted in UK days), moved to the next working day when it falls on a weekend or
 * bank holiday. None once the case has its final outcome.
 * @param lastContact the last contact (see lastContactSql); the case's creation if none
 * @returns YYYY-MM-DD, or null when no update is due
 */
export function nextUpdateDue(status: CaseStatus, lastContact: Date | null, updateEveryDays: number): string | null {
  if (finalStatuses.has(status) || !lastContact) return null;
  return nextWorkingDay(addCalendarDays(londonDate(lastContact), updateEveryDays));
}
