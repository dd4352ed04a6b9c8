import type { UsageReport } from '@victim-portal/contract';

/** The CSV's columns (the contract's `text/csv` response). */
export const csvHeader = ['section', 'key', 'measure', 'value'] as const;

type Cell = string | number | boolean | null;

// The breakdowns, each becoming rows of its section keyed by one of its fields.
const breakdowns = [
  ['byWeek', 'week', 'weekStarting'],
  ['byCrimeTypeGroup', 'crime_type_group', 'group'],
  ['byChannel', 'channel', 'channel'],
] as const;
const periodFields = ['from', 'to', 'asOf'] as const;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or return) as a formula: a force's
 * own group label could then act in whoever opens the file (OWASP "CSV injection"). Such a
 * text gets a leading apostrophe, which spreadsheets show as text. Numbers are never affected.
 */
function cellText(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Nested figures as `measure` paths: `reasons.risk_flag`, `elapsedMinutes.median`. */
function measures(value: unknown, path = ''): Array<[string, Cell]> {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, inner]) => measures(inner, path ? `${path}.${name}` : name));
  }
  return [[path, value as Cell]];
}

/**
 * The report as CSV (RFC 4180, CRLF line ends), made from the JSON object itself so the two
 * can never disagree: `section,key,measure,value`, one row per figure. First the `total` rows
 * (key: the JSON's section, `report` for the period and `asOf`), then `week` rows keyed by the
 * week's Monday, `crime_type_group` rows by group key (its `label` included) and `channel` rows.
 * A null (nothing to measure) is an empty value.
 * @returns the CSV text
 */
export function usageReportCsv(report: UsageReport): string {
  const rows: Cell[][] = [[...csvHeader]];
  for (const field of periodFields) rows.push(['total', 'report', field, report[field]]);
  for (const [section, figures] of Object.entries(report)) {
    if ((periodFields as readonly string[]).includes(section) || breakdowns.some(([name]) => name === section)) continue;
    for (const [measure, value] of measures(figures)) rows.push(['total', section, measure, value]);
  }
  for (const [name, section, keyField] of breakdowns) {
    for (const item of report[name] as unknown as Array<Record<string, Cell>>) {
      for (const [measure, value] of Object.entries(item)) {
        if (measure !== keyField) rows.push([section, item[keyField] as Cell, measure, value]);
      }
    }
  }
  return rows.map((row) => row.map(cellText).join(',')).join('\r\n') + '\r\n';
}
