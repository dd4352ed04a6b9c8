import { msg } from '@lit/localize';
import { formatLocale, numberLocale } from './localization.js';

const ukTime = 'Europe/London';

/**
 * @returns the day a timestamp falls on, written out in the active language ("3 March 2025",
 * "3 Mawrth 2025"). Dates are shown on UK time: the force, its records and the report are all
 * in the UK, and a victim abroad should see the same day the officer does.
 */
export function formatDay(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const locale = formatLocale();
  if (Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: ukTime }).format(date);
  }
  // Chrome ships a reduced set of ICU locales without Welsh, and Intl then silently falls
  // back to American English ("March 3, 2025") on a Welsh page. Spell the date out ourselves,
  // with the month names from the language's catalogue.
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: ukTime }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return `${part('day')} ${monthName(part('month'))} ${part('year')}`;
}

function monthName(month: number): string {
  const names = [
    msg('January', { desc: 'Month, as in a date like "3 January 2025"' }),
    msg('February', { desc: 'Month, as in a date like "3 February 2025"' }),
    msg('March', { desc: 'Month, as in a date like "3 March 2025"' }),
    msg('April', { desc: 'Month, as in a date like "3 April 2025"' }),
    msg('May', { desc: 'Month, as in a date like "3 May 2025"' }),
    msg('June', { desc: 'Month, as in a date like "3 June 2025"' }),
    msg('July', { desc: 'Month, as in a date like "3 July 2025"' }),
    msg('August', { desc: 'Month, as in a date like "3 August 2025"' }),
    msg('September', { desc: 'Month, as in a date like "3 September 2025"' }),
    msg('October', { desc: 'Month, as in a date like "3 October 2025"' }),
    msg('November', { desc: 'Month, as in a date like "3 November 2025"' }),
    msg('December', { desc: 'Month, as in a date like "3 December 2025"' }),
  ];
  return names[month - 1] ?? '';
}

/** @returns the time of day a timestamp falls at on UK time, on the 24-hour clock ("14:05") */
export function formatTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(numberLocale(), { hour: '2-digit', minute: '2-digit', timeZone: ukTime }).format(date);
}
