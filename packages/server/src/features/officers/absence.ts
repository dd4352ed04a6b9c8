/**
 * An officer's absence as the contract shows it, read with the officer in one query: the SQL
 * columns to select (under a prefix, so a case query can read its OIC's), and their mapping.
 */
import type { OfficerAbsence, OfficerInCharge, Rank } from '@victim-portal/contract';
import { absentNow } from './cover.js';

/**
 * @param officer the alias of the officers row
 * @param cover the alias of its covering officer, joined with {@link coverJoin}
 * @param prefix put before each column name, e.g. `oic_`
 * @returns the select-list columns of the absence
 */
export function absenceColumns(officer: string, cover: string, prefix = ''): string {
  return `${officer}.absent_from as ${prefix}absent_from, ${officer}.absent_until as ${prefix}absent_until,
    coalesce(${absentNow(officer)}, false) as ${prefix}absent_now,
    ${cover}.collar_number as ${prefix}cover_collar_number, ${cover}.display_name as ${prefix}cover_display_name, ${cover}.rank as ${prefix}cover_rank`;
}

/** @returns a left join of the officer's covering officer, in the same force */
export function coverJoin(officer: string, cover: string): string {
  return `left join officers ${cover} on ${cover}.force_id = ${officer}.force_id and ${cover}.id = ${officer}.covered_by_officer_id`;
}

/** The columns {@link absenceColumns} gives, without a prefix. */
export interface AbsenceRow {
  absent_from: Date | null;
  absent_until: Date | null;
  /** Computed by the database, on its clock: now is within [from, until). */
  absent_now: boolean;
  cover_collar_number: string | null;
  cover_display_name: string | null;
  cover_rank: Rank | null;
}

/**
 * @param row a row read with {@link absenceColumns}
 * @param prefix the prefix the columns were read under
 * @returns the recorded absence (past, present or future), or null
 */
export function toAbsence(row: object, prefix = ''): OfficerAbsence | null {
  const get = <Key extends keyof AbsenceRow>(key: Key) => (row as Record<string, unknown>)[prefix + key] as AbsenceRow[Key];
  const from = get('absent_from');
  const until = get('absent_until');
  if (!from || !until) return null;
  const collarNumber = get('cover_collar_number');
  const displayName = get('cover_display_name');
  const rank = get('cover_rank');
  return {
    from: from.toISOString(),
    until: until.toISOString(),
    coveredBy: collarNumber && displayName && rank ? { collarNumber, displayName, rank } : null,
  };
}

/**
 * The officer in charge as the victim sees them: with their absence only while it is in force,
 * so the victim is told who covers and when the officer is back, and nothing ahead of time.
 * @param row a row with the officer's columns under `prefix` (collar_number, display_name,
 *   rank) and their absence read with {@link absenceColumns}
 * @returns the officer, or null when the row has none
 */
export function toOfficerInCharge(row: object, prefix: string): OfficerInCharge | null {
  const get = (key: string) => (row as Record<string, unknown>)[prefix + key];
  const collarNumber = get('collar_number') as string | null;
  const displayName = get('display_name') as string | null;
  const rank = get('rank') as Rank | null;
  if (!collarNumber || !displayName || !rank) return null;
  const officer: OfficerInCharge = { collarNumber, displayName, rank };
  const absence = get('absent_now') === true ? toAbsence(row, prefix) : null;
  if (absence) officer.absence = absence;
  return officer;
}
