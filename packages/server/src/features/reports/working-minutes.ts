import { isWorkingDay, startOfLondonDay } from '../timeline/working-days.js';
import { addDays } from './period.js';

const minute = 60_000;
const hour = 60 * minute;
/** Working hours: 08:00 to 18:00 UK time. */
const opensAt = 8 * hour;
const closesAt = 18 * hour;

// A report times thousands of replies: each UK midnight is worked out by the time-zone rules
// once, then remembered (one number per calendar day ever asked for).
const midnights = new Map<string, number>();

function midnightOf(date: string): number {
  let midnight = midnights.get(date);
  if (midnight === undefined) {
    midnight = startOfLondonDay(date).getTime();
    midnights.set(date, midnight);
  }
  return midnight;
}

/** The UK date of an instant: its UTC date, or the day after when summer time has begun it (UK time is UTC or UTC+1). */
function ukDateOf(ms: number): string {
  const date = new Date(ms).toISOString().slice(0, 10);
  const next = addDays(date, 1);
  return ms >= midnightOf(next) ? next : date;
}

/**
 * Minutes of working time between two instants: 08:00 to 18:00 UK time on working days
 * (Monday to Friday less the bank holidays of England and Wales, as for Victims' Code
 * deadlines). UK clocks change on Sundays at 01:00 or 02:00, never on a working day, so on a
 * working day 08:00 is always 8 hours after midnight.
 * @returns the working minutes (fractional), 0 when `to` is not after `from`
 */
export function workingMinutesBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  const lastDay = ukDateOf(to.getTime());
  for (let date = ukDateOf(from.getTime()); date <= lastDay; date = addDays(date, 1)) {
    if (!isWorkingDay(date)) continue;
    const midnight = midnightOf(date);
    const start = Math.max(from.getTime(), midnight + opensAt);
    const end = Math.min(to.getTime(), midnight + closesAt);
    if (end > start) total += end - start;
  }
  return total / minute;
}
