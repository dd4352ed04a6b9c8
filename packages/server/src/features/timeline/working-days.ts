import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import Holidays from 'date-holidays';

/**
 * Working days for the Victims' Code: Monday to Friday, less the bank holidays of England and
 * Wales (which are the same), in UK time. Bank holidays come from the `date-holidays` data
 * package, which carries the substitute days and one-off holidays (a coronation, a state
 * funeral) that a hand-typed list would miss; keeping it up to date is keeping the package up
 * to date. Dates are YYYY-MM-DD strings in UK time.
 */
const zone = 'Europe/London';
const calendar = new Holidays('GB', 'ENG');
const bankHolidaysByYear = new Map<number, ReadonlySet<string>>();

function bankHolidays(year: number): ReadonlySet<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    const found = calendar.getHolidays(year).filter((holiday) => holiday.type === 'public' || holiday.type === 'bank');
    days = new Set(found.map((holiday) => holiday.date.slice(0, 10)));
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

function dateString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  const next = new Date(Date.UTC(year, month - 1, day + days));
  return dateString(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** @returns the day `instant` falls on in the UK, as YYYY-MM-DD */
export function londonDate(instant: Date): string {
  const local = new TZDate(instant.getTime(), zone);
  return dateString(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** @returns whether `date` is a weekday that is not a bank holiday in England and Wales */
export function isWorkingDay(date: string): boolean {
  const [year, month, day] = parts(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(year).has(date);
}

/** @returns `date` itself when it is a working day, else the next working day after it */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** @returns the instant a UK day starts (midnight, GMT or BST as the day has it) */
export function startOfLondonDay(date: string): Date {
  const [year, month, day] = parts(date);
  return new Date(new TZDate(year, month - 1, day, zone).getTime());
}

/** @returns `date` plus whole calendar months; the 31st becomes the month's last day where it is shorter */
export function addCalendarMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const moved = addMonths(new Date(year, month - 1, day), months);
  return dateString(moved.getFullYear(), moved.getMonth() + 1, moved.getDate());
}

/**
 * The Victims' Code deadline `workingDays` working days after `start`. The clock starts at
 * `start`: on a working day the deadline is the same UK wall-clock time on the Nth working day
 * after it; on a weekend or bank holiday the clock starts when the next working day does, and
 * the deadline is the end of the Nth working day counted from (and including) that day.
 * @returns the deadline
 */
export function addWorkingDays(start: Date, workingDays: number): Date {
  const startDay = londonDate(start);
  if (isWorkingDay(startDay)) {
    let day = startDay;
    for (let counted = 0; counted < workingDays; counted++) day = nextWorkingDay(addDays(day, 1));
    const local = new TZDate(start.getTime(), zone);
    const [year, month, date] = parts(day);
    const due = new TZDate(year, month - 1, date, local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds(), zone);
    return new Date(due.getTime());
  }
  let day = nextWorkingDay(startDay);
  for (let counted = 1; counted < workingDays; counted++) day = nextWorkingDay(addDays(day, 1));
  return startOfLondonDay(addDays(day, 1));
}
