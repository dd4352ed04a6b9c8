import { describe, expect, it } from 'vitest';
import { afterQuietHours } from '../src/outbox/quiet-hours.js';

// Worked out by hand: UK time is GMT (UTC) in winter, BST (UTC+1) from the last Sunday of March
// (29 March 2026, 01:00 GMT) to the last Sunday of October (25 October 2026, 01:00 GMT).
const cases: { name: string; at: string; from: string | null; until: string | null; expected: string }[] = [
  { name: 'no quiet hours', at: '2026-01-15T22:30:00Z', from: null, until: null, expected: '2026-01-15T22:30:00Z' },
  { name: 'an empty window', at: '2026-01-15T22:30:00Z', from: '09:00', until: '09:00', expected: '2026-01-15T22:30:00Z' },
  { name: 'winter evening, in a window spanning midnight', at: '2026-01-15T22:30:00Z', from: '21:00:00', until: '07:00:00', expected: '2026-01-16T07:00:00Z' },
  { name: 'winter early morning, same window', at: '2026-01-16T06:59:00Z', from: '21:00', until: '07:00', expected: '2026-01-16T07:00:00Z' },
  { name: 'the window’s end is outside it', at: '2026-01-16T07:00:00Z', from: '21:00', until: '07:00', expected: '2026-01-16T07:00:00Z' },
  { name: 'just before the window', at: '2026-01-15T20:59:59Z', from: '21:00', until: '07:00', expected: '2026-01-15T20:59:59Z' },
  { name: 'summer evening (22:30 BST)', at: '2026-07-15T21:30:00Z', from: '22:00', until: '08:00', expected: '2026-07-16T07:00:00Z' },
  { name: 'summer, 21:30 BST is before a 22:00 start', at: '2026-07-15T20:30:00Z', from: '22:00', until: '08:00', expected: '2026-07-15T20:30:00Z' },
  { name: 'a window within the day (12:30 BST)', at: '2026-07-15T11:30:00Z', from: '12:00', until: '14:00', expected: '2026-07-15T13:00:00Z' },
  { name: 'a night the clocks go back: 08:00 GMT', at: '2026-10-24T22:00:00Z', from: '22:00', until: '08:00', expected: '2026-10-25T08:00:00Z' },
  { name: 'a night the clocks go forward: 08:00 BST', at: '2026-03-28T23:00:00Z', from: '22:00', until: '08:00', expected: '2026-03-29T07:00:00Z' },
  { name: 'an end in the hour that does not exist is taken an hour later', at: '2026-03-29T00:45:00Z', from: '00:00', until: '01:30', expected: '2026-03-29T01:30:00Z' },
];

describe("a notification waits for the end of the victim's quiet hours (UK time)", () => {
  for (const { name, at, from, until, expected } of cases) {
    it(name, () => {
      expect(afterQuietHours(new Date(at), from, until).toISOString()).toBe(new Date(expected).toISOString());
    });
  }
});
