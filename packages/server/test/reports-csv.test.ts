import { beforeAll, describe, expect, it } from 'vitest';
import type { UsageReport } from '@victim-portal/contract';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';
import { randomUsageHistory } from './support/random-usage-history.js';
import { UsageHistory, usageReportOf } from './support/usage-history.js';

const from = '2026-03-02';
const to = '2026-04-12';

let h: Harness;
let force: TestForce;

/** RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break, rows ending in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  expect(field, 'the last row ends in CRLF').toBe('');
  return rows;
}

/** A CSV value as the JSON has it: empty is null, a number is a number, a text with a leading apostrophe before = + - @ is the text. */
function valueOf(measure: string, cell: string): unknown {
  if (cell === '') return null;
  if (measure === 'label' || measure === 'from' || measure === 'to' || measure === 'asOf') return cell.replace(/^'(?=[=+\-@\t\r])/, '');
  const number = Number(cell);
  expect(Number.isNaN(number), `${measure} ${cell}`).toBe(false);
  return number;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

/** The report rebuilt from its CSV alone. */
function reportFromCsv(rows: string[][]): Record<string, unknown> {
  const report: Record<string, unknown> = { byWeek: [], byCrimeTypeGroup: [], byChannel: [] };
  const items = new Map<string, Record<string, unknown>>();
  const breakdowns = { week: ['byWeek', 'weekStarting'], crime_type_group: ['byCrimeTypeGroup', 'group'], channel: ['byChannel', 'channel'] } as const;
  for (const [section, key, measure, cell] of rows) {
    const value = valueOf(measure!, cell!);
    if (section === 'total') {
      setPath(report, key === 'report' ? [measure!] : [key!, ...measure!.split('.')], value);
      continue;
    }
    const [list, keyField] = breakdowns[section as keyof typeof breakdowns];
    let item = items.get(`${section} ${key}`);
    if (!item) {
      item = { [keyField]: key };
      items.set(`${section} ${key}`, item);
      (report[list] as unknown[]).push(item);
    }
    item[measure!] = value;
  }
  return report;
}

beforeAll(async () => {
  h = await harness();
  force = await createTestForce(h.db);
  await randomUsageHistory(await UsageHistory.of(h, force.forceId), 4121, '2026-02-16T00:00:00Z', '2026-04-27T00:00:00Z', 15);
  // Labels a spreadsheet could misread: a comma, quotes, and a leading = (a formula).
  const groups = [
    { key: 'homes', label: 'Burglary, homes', offenceCodes: ['028/01'] },
    { key: 'quoted', label: 'The "other" burglary', offenceCodes: ['028/*'] },
    { key: 'formula', label: '=HYPERLINK("https://example.com")', offenceCodes: ['049/*', '045/*'] },
  ];
  const patched = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { crimeTypeGroups: groups } });
  expect(patched.status, patched.text).toBe(200);
}, 120_000);

describe('the usage report as CSV', () => {
  it('holds every figure of the JSON, one row each, and nothing else', async () => {
    const json = await usageReportOf(h, force.apiKey, from, to);
    const response = await call<string>(h.url, 'getUsageReport', `/v1/reports/usage?from=${from}&to=${to}`, { token: force.apiKey, headers: { Accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="usage-report-${from}-to-${to}.csv"`);
    expect(response.headers.get('vary')).toContain('Accept');
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual(['section', 'key', 'measure', 'value']);
    expect(rows.slice(1).every((row) => row.length === 4)).toBe(true);
    expect([...new Set(rows.slice(1).map((row) => row[0]))]).toEqual(['total', 'week', 'crime_type_group', 'channel']);

    const fromCsv = reportFromCsv(rows.slice(1)) as unknown as UsageReport;
    // Counted a moment apart: only the time of counting may differ.
    expect({ ...fromCsv, asOf: json.asOf }).toEqual(json);
    expect(Date.parse(fromCsv.asOf)).toBeGreaterThanOrEqual(Date.parse(json.asOf));
    expect(json.invites.sent).toBeGreaterThan(0);
    expect(json.byCrimeTypeGroup.map((g) => g.label)).toContain('=HYPERLINK("https://example.com")');
    // The formula is shown as text in a spreadsheet; the comma and quotes stay inside their field.
    expect(response.text).toContain(`crime_type_group,formula,label,"'=HYPERLINK(""https://example.com"")"\r\n`);
    expect(response.text).toContain('crime_type_group,homes,label,"Burglary, homes"\r\n');
    expect(response.text).toContain('total,officerReplyTime,workingMinutes.median,');
  });

  it('answers JSON unless CSV is asked for, to an admin token too', async () => {
    const token = (await call<{ token: string }>(h.url, 'mintAdminToken', '/v1/admin-tokens', { token: force.apiKey, json: { name: 'Analyst' } })).body.token;
    for (const accept of [undefined, '*/*', 'application/json', 'text/html', 'application/json, text/csv;q=0.5']) {
      const response = await call<UsageReport>(h.url, 'getUsageReport', `/v1/reports/usage?from=${from}&to=${to}`, { token, headers: accept ? { Accept: accept } : {} });
      expect(response.headers.get('content-type'), accept).toMatch(/^application\/json/);
    }
    const csv = await call<string>(h.url, 'getUsageReport', `/v1/reports/usage?from=${from}&to=${to}`, { token, headers: { Accept: 'text/csv, application/json;q=0.5' } });
    expect(csv.text.startsWith('section,key,measure,value\r\n')).toBe(true);
    // A refusal is a problem in JSON whatever was asked for.
    const refused = await call(h.url, 'getUsageReport', `/v1/reports/usage?from=${to}&to=${from}`, { token, headers: { Accept: 'text/csv' } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
