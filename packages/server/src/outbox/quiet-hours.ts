/**
 * Victims' times not to contact (victims.quiet_from / quiet_until, UK wall-clock times; the
 * window may span midnight, e.g. 21:00 to 08:00). A notification due inside the window waits
 * until it ends. docs/notifications.md.
 */

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

interface WallClock { year: number; month: number; day: number; seconds: number }

function wallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']),
    seconds: Number(parts['hour']) * 3600 + Number(parts['minute']) * 60 + Number(parts['second']),
  };
}

/** "HH:MM" or "HH:MM:SS" (PostgreSQL `time` as text) in seconds after midnight. */
export function secondsOfDay(time: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map((part) => Number(part));
  return hours * 3600 + minutes * 60 + Math.floor(seconds);
}

/**
 * The instant a UK wall-clock time falls on a UK date. In the hour the clocks go forward, a time
 * that does not exist is taken an hour later; in the hour they go back, the first of the two.
 */
export function londonInstant(year: number, month: number, day: number, seconds: number): Date {
  const asUtc = Date.UTC(year, month - 1, day) + seconds * 1000;
  // London is UTC or UTC+1: try both offsets, keep the one whose wall clock matches.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3600_000);
    const seen = wallClock(candidate);
    if (seen.day === day && seen.seconds === seconds) return candidate;
  }
  return new Date(asUtc - 0);
}

/**
 * @param at when the notification would otherwise go
 * @param quietFrom the start of the window (UK time), or null for none
 * @param quietUntil its end (UK time)
 * @returns `at` itself when it is outside the window, else the window's end
 */
export function afterQuietHours(at: Date, quietFrom: string | null, quietUntil: string | null): Date {
  if (!quietFrom || !quietUntil) return at;
  const from = secondsOfDay(quietFrom);
  const until = secondsOfDay(quietUntil);
  if (from === until) return at;
  const now = wallClock(at);
  const spansMidnight = from > until;
  const inside = spansMidnight ? now.seconds >= from || now.seconds < until : now.seconds >= from && now.seconds < until;
  if (!inside) return at;
  // The window ends today, unless it spans midnight and we are in its evening part.
  const endsTomorrow = spansMidnight && now.seconds >= from;
  const base = new Date(Date.UTC(now.year, now.month - 1, now.day + (endsTomorrow ? 1 : 0)));
  const end = londonInstant(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), until);
  return end > at ? end : at;
}
