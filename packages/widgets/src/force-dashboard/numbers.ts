import { msg, str } from '@lit/localize';

// British English digits and separators read the same in Welsh (1,234 and 56.7%), and Chrome
// ships without Welsh locale data (see shared/dates.ts), so one format serves both.
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const estimate = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** @returns a count as words show it ("18,475") */
export function formatCount(value: number): string {
  return whole.format(value);
}

/** @returns an estimate, which may have a fraction when the force's assumptions have one ("812.5") */
export function formatEstimate(value: number): string {
  return estimate.format(value);
}

/** @returns a share as a percentage ("56.7%"), or words saying there was nothing to divide by */
export function formatRate(value: number | null): string {
  return value === null ? msg('None to measure') : percent.format(value);
}

/** @returns `met` out of `due` as a share, or null when nothing was due */
export function rate(met: number, due: number): number | null {
  return due === 0 ? null : met / due;
}

/** @returns minutes in hours and minutes ("3 h 5 min"), or words saying there was nothing to measure */
export function formatMinutes(value: number | null): string {
  if (value === null) return msg('None to measure');
  const minutes = Math.round(value);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return msg(str`${rest} min`, { desc: 'A duration in minutes, e.g. "45 min"' });
  return msg(str`${formatCount(hours)} h ${rest} min`, { desc: 'A duration in hours and minutes, e.g. "3 h 5 min"' });
}
