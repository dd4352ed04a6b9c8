import type { Knex } from 'knex';
import type { ComplianceFigures, ComplianceReport } from '@victim-portal/contract';
import { problem } from '../../http/problem.js';
import { startOfLondonDay } from '../timeline/working-days.js';

/** The longest period a report covers: a year, leap day included. */
export const maxPeriodDays = 366;

interface FiguresRow {
  met: number;
  late: number;
  overdue: number;
  not_yet_due: number;
}

// A duty counts once its deadline has passed: met if done at or before it, late if done after,
// overdue if not done. One whose deadline is still to come counts apart (not_yet_due), done or not.
const figureColumns = (done: string) => `
  cast(count(*) filter (where due_by < now() and ${done} is not null and ${done} <= due_by) as integer) as met,
  cast(count(*) filter (where due_by < now() and ${done} > due_by) as integer) as late,
  cast(count(*) filter (where due_by < now() and ${done} is null) as integer) as overdue,
  cast(count(*) filter (where due_by >= now()) as integer) as not_yet_due`;

function toFigures(row: FiguresRow | undefined): ComplianceFigures {
  const met = row?.met ?? 0;
  const late = row?.late ?? 0;
  const overdue = row?.overdue ?? 0;
  const due = met + late + overdue;
  return { due, met, late, overdue, rate: due === 0 ? null : met / due, notYetDue: row?.not_yet_due ?? 0 };
}

function sum(a: FiguresRow | undefined, b: FiguresRow | undefined): FiguresRow {
  return {
    met: (a?.met ?? 0) + (b?.met ?? 0),
    late: (a?.late ?? 0) + (b?.late ?? 0),
    overdue: (a?.overdue ?? 0) + (b?.overdue ?? 0),
    not_yet_due: (a?.not_yet_due ?? 0) + (b?.not_yet_due ?? 0),
  };
}

/** Whole days from one YYYY-MM-DD to another (calendar days, no clock). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The force's Victims' Code compliance for the duties whose deadline falls in the UK days
 * `from` to `to` inclusive: [start of `from`, start of the day after `to`), UK time.
 * docs/victims-code.md defines the figures.
 */
export async function complianceReport(db: Knex, forceId: string, from: string, to: string): Promise<ComplianceReport> {
  const days = daysBetween(from, to);
  if (days < 0) throw problem('invalidPeriod', '`from` is after `to`.');
  if (days > maxPeriodDays) throw problem('invalidPeriod', `A report covers at most ${maxPeriodDays} days after \`from\`.`);
  const start = startOfLondonDay(from).toISOString();
  const dayAfter = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = startOfLondonDay(dayAfter).toISOString();
  const [telling, referrals, clock] = await Promise.all([
    db.raw<{ rows: (FiguresRow & { enhanced: boolean })[] }>(
      `select c.enhanced_rights as enhanced, ${figureColumns('e.told_at')}
       from case_events e join cases c on c.force_id = e.force_id and c.id = e.case_id
       where e.force_id = ? and e.due_by >= cast(? as timestamptz) and e.due_by < cast(? as timestamptz)
       group by c.enhanced_rights`,
      [forceId, start, end],
    ),
    db.raw<{ rows: FiguresRow[] }>(
      `select ${figureColumns('referred_at')}
       from support_referrals
       where force_id = ? and due_by >= cast(? as timestamptz) and due_by < cast(? as timestamptz)`,
      [forceId, start, end],
    ),
    db.raw<{ rows: { now: Date }[] }>('select now() as now'),
  ]);
  const enhanced = telling.rows.find((row) => row.enhanced);
  const standard = telling.rows.find((row) => !row.enhanced);
  return {
    from,
    to,
    asOf: (clock.rows[0] as { now: Date }).now.toISOString(),
    tellVictim: toFigures(sum(enhanced, standard)),
    enhanced: toFigures(enhanced),
    standard: toFigures(standard),
    supportReferrals: toFigures(referrals.rows[0]),
  };
}
