import { problem } from '../../http/problem.js';
import { maxPeriodDays } from '../duties/compliance.js';
import { startOfLondonDay } from '../timeline/working-days.js';

/** A report's period: whole UK days `from` to `to` inclusive, i.e. the instants [start, end). */
export interface ReportPeriod {
  from: string;
  to: string;
  /** Midnight starting `from`, UK time (GMT or BST as the day has it). */
  start: Date;
  /** Midnight starting the day after `to`, UK time. */
  end: Date;
  /** The Mondays of the weeks the period touches, in order; the first can be before `from`. */
  weeks: string[];
}

const day = 86_400_000;

/** A YYYY-MM-DD date moved by whole calendar days (no clock involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
}

/** @returns the Monday of the week `date` falls in (weeks start on Monday, as ISO 8601 and PostgreSQL's date_trunc have them) */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The period of a report, refused as `invalidPeriod` (422) when it ends before it starts or is
 * longer than the compliance report allows (366 days after `from`). The contract has already
 * checked that both are dates.
 */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / day);
  if (days < 0) throw problem('invalidPeriod', '`from` is after `to`.');
  if (days > maxPeriodDays) throw problem('invalidPeriod', `A report covers at most ${maxPeriodDays} days after \`from\`.`);
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return { from, to, start: startOfLondonDay(from), end: startOfLondonDay(addDays(to, 1)), weeks };
}
