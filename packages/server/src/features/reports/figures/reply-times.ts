import type { Knex } from 'knex';
import type { MinutesSummary } from '@victim-portal/contract';
import { statement } from '../../../db/statement.js';
import { workingMinutesBetween } from '../working-minutes.js';
import { runReport, type ReportScope } from './scope.js';

interface ReplyRow {
  asked_at: Date;
  replied_at: Date;
}

// Each officer message written in the period that answers something: the clock runs from the
// first victim message or update request since the officer side last wrote on the case. A
// thread is cut into stretches by officer messages (answered_before counts the officer messages
// before each one); the first victim message of a stretch is when the officer's next message's
// clock started. Officer messages with nothing to answer (the officer wrote first) are not replies.
const replies = statement(
  'report_reply_times',
  `with replied_cases as (
     select distinct case_id from messages
     where force_id = :forceId and author_type = 'officer'
       and created_at >= cast(:start as timestamptz) and created_at < cast(:end as timestamptz)
   ),
   thread as (
     select m.case_id, m.author_type, m.created_at,
            count(*) filter (where m.author_type = 'officer') over (
              partition by m.case_id order by m.created_at, m.seq rows between unbounded preceding and 1 preceding
            ) as answered_before
     from messages m join replied_cases r on r.case_id = m.case_id
     where m.force_id = :forceId and m.author_type <> 'system' and m.created_at < cast(:end as timestamptz)
   ),
   stretches as (
     select author_type, created_at,
            min(created_at) filter (where author_type = 'victim') over (partition by case_id, answered_before) as first_asked_at
     from thread
   )
   select first_asked_at as asked_at, created_at as replied_at
   from stretches
   where author_type = 'officer' and first_asked_at is not null and created_at >= cast(:start as timestamptz)`,
);

/**
 * The value at the nearest rank: the smallest value with at least `fraction` of the values at
 * or below it (rank ⌈fraction × n⌉). No interpolation, so it is always a time that was measured.
 * @returns it, or null when there are no values
 */
export function nearestRank(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1] as number;
}

function summary(minutes: number[]): MinutesSummary {
  const sorted = [...minutes].sort((a, b) => a - b);
  return { median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

export interface ReplyTimes {
  replies: number;
  elapsedMinutes: MinutesSummary;
  workingMinutes: MinutesSummary;
}

/** @returns how many replies officers wrote in the period, and how long they took, elapsed and in working minutes */
export async function replyTimes(db: Knex, scope: ReportScope): Promise<ReplyTimes> {
  const rows = await runReport<ReplyRow>(db, replies, scope);
  const elapsed = rows.map((row) => (row.replied_at.getTime() - row.asked_at.getTime()) / 60_000);
  const working = rows.map((row) => workingMinutesBetween(row.asked_at, row.replied_at));
  return { replies: rows.length, elapsedMinutes: summary(elapsed), workingMinutes: summary(working) };
}
