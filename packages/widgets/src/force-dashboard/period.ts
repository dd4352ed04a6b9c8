/**
 * The dashboard's period: whole days (`YYYY-MM-DD`) on UK time, as the usage report takes them.
 * Checked here before anything is asked of the service, with the same rules it applies.
 */

/** A period of whole days, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** The service's longest period: `to` at most 366 days after `from`. */
export const maxPeriodDays = 366;

/** The periods offered as one press. */
export type PeriodPreset = 'last-4-weeks' | 'last-3-months' | 'last-12-months';
export const periodPresets: readonly PeriodPreset[] = ['last-4-weeks', 'last-3-months', 'last-12-months'];

/** What can be wrong with a period as typed. */
export type PeriodProblem = 'from-missing' | 'from-invalid' | 'to-missing' | 'to-invalid' | 'from-after-to' | 'too-long';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** @returns today's date on UK time (the force's day, whatever the computer's time zone) */
export function ukToday(now: number = Date.now()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** @returns the day as milliseconds at UTC midnight, or undefined when it is not a real day */
export function dayValue(day: string): number | undefined {
  const match = dayPattern.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 31 February over into March: only a day that comes back as typed is real.
  return new Date(value).toISOString().slice(0, 10) === day ? value : undefined;
}

/** @returns `day` moved by `days` (negative for earlier) */
export function addDays(day: string, days: number): string {
  return new Date((dayValue(day) ?? 0) + days * dayMs).toISOString().slice(0, 10);
}

/** @returns the day after the same date `months` months earlier (the end of a short month when it has no such date) */
function monthsBack(day: string, months: number): string {
  const date = new Date(dayValue(day) ?? 0);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return addDays(target.toISOString().slice(0, 10), 1);
}

/**
 * @returns the period a preset stands for, ending today
 * @param today UK today (see {@link ukToday})
 */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  switch (preset) {
    case 'last-4-weeks':
      return { from: addDays(today, -27), to: today };
    case 'last-3-months':
      return { from: monthsBack(today, 3), to: today };
    case 'last-12-months':
      return { from: monthsBack(today, 12), to: today };
  }
}

/** @returns the preset that gives exactly this period today, if any */
export function presetOf(period: Period, today: string): PeriodPreset | undefined {
  return periodPresets.find((preset) => {
    const candidate = presetPeriod(preset, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

/**
 * Checks a period as typed into the date inputs.
 * @returns the period, or what is wrong with it (each field's problem, then the two together)
 */
export function checkPeriod(from: string, to: string): { period: Period; problems?: undefined } | { period?: undefined; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = [];
  const start = dayValue(from);
  const end = dayValue(to);
  if (!from) problems.push('from-missing');
  else if (start === undefined) problems.push('from-invalid');
  if (!to) problems.push('to-missing');
  else if (end === undefined) problems.push('to-invalid');
  if (start !== undefined && end !== undefined) {
    if (start > end) problems.push('from-after-to');
    else if ((end - start) / dayMs > maxPeriodDays) problems.push('too-long');
  }
  return problems.length > 0 ? { problems } : { period: { from, to } };
}
