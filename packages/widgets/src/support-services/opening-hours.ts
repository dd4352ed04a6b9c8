import { msg, str } from '@lit/localize';
import type { OpeningHours, Weekday } from '@victim-portal/sdk';

const week: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function dayName(day: Weekday): string {
  switch (day) {
    case 'mon':
      return msg('Monday');
    case 'tue':
      return msg('Tuesday');
    case 'wed':
      return msg('Wednesday');
    case 'thu':
      return msg('Thursday');
    case 'fri':
      return msg('Friday');
    case 'sat':
      return msg('Saturday');
    case 'sun':
      return msg('Sunday');
  }
}

/** @returns "Monday, Wednesday and Friday": a list in the active language */
function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items.at(-1)!;
  return msg(str`${items.slice(0, -1).join(', ')} and ${last}`, { desc: 'The end of a list: "Monday, Tuesday and Friday"' });
}

/** @returns the days in words: "Every day", "Monday to Friday", "Saturday and Sunday" */
export function daysWords(days: Weekday[]): string {
  const open = week.filter((day) => days.includes(day));
  if (open.length === 7) return msg('Every day');
  // Runs of consecutive days; three or more read as a range.
  const runs: Weekday[][] = [];
  for (const day of open) {
    const run = runs.at(-1);
    if (run && week.indexOf(run.at(-1)!) === week.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [msg(str`${dayName(run[0]!)} to ${dayName(run.at(-1)!)}`, { desc: 'A range of days: "Monday to Friday"' })] : run.map(dayName),
  );
  return listWords(parts);
}

/** @returns a time of day in words: "9am", "5:30pm", "midday", "midnight" (times are UK time) */
export function timeWords(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (minutes === 0 && (hours === 0 || hours === 24)) return msg('midnight');
  if (minutes === 0 && hours === 12) return msg('midday');
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  const clock = minutes === 0 ? String(hour) : `${hour}:${String(minutes).padStart(2, '0')}`;
  return hours < 12 ? msg(str`${clock}am`, { desc: 'A morning time: "9am", "8:30am"' }) : msg(str`${clock}pm`, { desc: 'An afternoon or evening time: "5pm", "5:30pm"' });
}

/** @returns one line of opening hours: "Monday to Friday: 8am to 8pm", "Every day: open 24 hours" */
export function openingHoursWords(hours: OpeningHours): string {
  const days = daysWords(hours.days);
  if (hours.opens === '00:00' && hours.closes === '24:00') return msg(str`${days}: open 24 hours`);
  return msg(str`${days}: ${timeWords(hours.opens)} to ${timeWords(hours.closes)}`, { desc: 'Opening hours: "Monday to Friday: 8am to 8pm"' });
}
