import { msg, str } from '@lit/localize';
import { numberLocale } from '../shared/localization.js';

// Made for each number in the active language ("18,475" in English, "18 475" in Polish): the
// dashboard re-renders when the language changes, and Welsh falls back to British English's
// digits and separators, which read the same (see numberLocale).
const format = (value: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(numberLocale(), options).format(value);

/** @returns a count as words show it ("18,475") */
export function formatCount(value: number): string {
  return format(value, { maximumFractionDigits: 0 });
}

/** @returns an estimate, which may have a fraction when the force's assumptions have one ("812.5") */
export function formatEstimate(value: number): string {
  return format(value, { maximumFractionDigits: 1 });
}

/** @returns a share as a percentage ("56.7%"), or words saying there was nothing to divide by */
export function formatRate(value: number | null): string {
  return value === null ? msg('None to measure') : format(value, { style: 'percent', maximumFractionDigits: 1 });
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
