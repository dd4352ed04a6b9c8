import { describe, expect, test } from 'vitest';
import { addCalendarMonths, addWorkingDays, isWorkingDay, londonDate, nextWorkingDay, startOfLondonDay } from '../src/features/timeline/working-days.js';

// Every expected date below was worked out by hand from the GOV.UK bank holiday list for England
// and Wales and a calendar; the comment on each row shows the counting.
describe('Victims\' Code deadlines in working days', () => {
  test.each([
    // decision (UTC)            days  deadline (UTC)             how it was counted
    ['2026-11-30T10:00:00Z', 5, '2026-12-07T10:00:00Z'], // Mon → Tue 1, Wed 2, Thu 3, Fri 4, Mon 7
    ['2026-11-27T15:00:00Z', 1, '2026-11-30T15:00:00Z'], // Fri (enhanced) → weekend skipped → Mon
    ['2026-12-24T10:00:00Z', 5, '2027-01-05T10:00:00Z'], // Thu 24 Dec → 25 Fri, 28 Mon (Boxing Day substitute) off; Tue 29, Wed 30, Thu 31, (Fri 1 Jan off) Mon 4, Tue 5
    ['2026-12-24T16:00:00Z', 1, '2026-12-29T16:00:00Z'], // Thu 24 Dec (enhanced) → Fri 25, Sat, Sun, Mon 28 off → Tue 29
    ['2026-11-28T11:00:00Z', 1, '2026-12-01T00:00:00Z'], // Sat → clock starts Mon 30 Nov → end of Mon 30
    ['2026-11-28T11:00:00Z', 5, '2026-12-05T00:00:00Z'], // Sat → Mon 30 (1) … Fri 4 Dec (5) → end of Fri 4
    ['2027-03-25T09:00:00Z', 1, '2027-03-30T08:00:00Z'], // Thu before Easter, 09:00 GMT → Good Friday, weekend, Easter Monday off → Tue 30, 09:00 BST
    ['2027-12-24T12:00:00Z', 5, '2028-01-05T12:00:00Z'], // Fri 24 Dec 2027 → 27, 28 Dec substitutes off; Wed 29, Thu 30, Fri 31, (Mon 3 Jan New Year substitute off) Tue 4, Wed 5
    ['2026-08-31T13:00:00Z', 1, '2026-09-01T23:00:00Z'], // Summer bank holiday 14:00 BST → clock starts Tue 1 Sep → end of Tue 1 (midnight BST)
    ['2023-05-05T09:00:00Z', 1, '2023-05-09T09:00:00Z'], // Fri 5 May 2023 10:00 BST → Mon 8 May (coronation) off → Tue 9 May 10:00 BST
    ['2026-03-27T12:30:00Z', 1, '2026-03-30T11:30:00Z'], // Fri 12:30 GMT → clocks go forward Sun 29 → Mon 30, 12:30 BST
    ['2026-10-23T12:30:00Z', 1, '2026-10-26T13:30:00Z'], // Fri 13:30 BST → clocks go back Sun 25 → Mon 26, 13:30 GMT
  ])('%s plus %i working days is %s', (decision, days, deadline) => {
    expect(addWorkingDays(new Date(decision), days).toISOString()).toBe(new Date(deadline).toISOString());
  });

  test.each([
    ['2026-12-25', false], // Christmas Day
    ['2026-12-28', false], // Boxing Day's substitute (26th is a Saturday)
    ['2026-12-29', true],
    ['2027-01-01', false],
    ['2028-01-03', false], // New Year's Day's substitute (1st is a Saturday)
    ['2026-05-04', false], // early May bank holiday
    ['2026-11-28', false], // Saturday
    ['2026-11-30', true],
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  test('the next working day skips weekends and bank holidays', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-24');
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-29');
  });

  test('UK days follow British Summer Time', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(startOfLondonDay('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  test.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-29', 3, '2028-02-29'],
    ['2026-12-15', 3, '2027-03-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});
