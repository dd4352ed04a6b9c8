// <vp-force-dashboard> against the real service (test/report-service.ts, on Vitest's Node side):
// a seeded force, the element mounted with a getToken that mints real admin tokens, and helpers
// to read what it shows.
import { expect } from 'vitest';
import { commands } from 'vitest/browser';
import type { UsageReport } from '@victim-portal/sdk';
import type { VpForceDashboard } from '../src/force-dashboard/force-dashboard.js';
import { mount } from './render.js';
import type { ReportPeriod, SeededForce } from './report-service.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    seedUsageHistory(): Promise<SeededForce>;
    mintAdminToken(forceId: string): Promise<string>;
    expireAdminTokens(forceId: string): Promise<void>;
    usageReport(forceId: string, period: ReportPeriod): Promise<UsageReport>;
    usageReportCsv(forceId: string, period: ReportPeriod): Promise<string>;
  }
}

export type { ReportPeriod, SeededForce };
export { commands };

/** Where the test page reaches the real service (the relay in test/report-service.ts). */
export const serviceBase = '/report-service/';

/**
 * Mounts the dashboard for a seeded force, with a getToken that mints a real admin token each
 * time it is called, as a force's back end does.
 * @returns the element and the tokens minted so far (the list grows)
 */
export async function mountDashboard(
  force: SeededForce,
  options: { apiBase?: string; getToken?: () => Promise<string> } = {},
): Promise<{ dashboard: VpForceDashboard; tokens: string[] }> {
  const tokens: string[] = [];
  const getToken =
    options.getToken ??
    (async () => {
      const token = await commands.mintAdminToken(force.forceId);
      tokens.push(token);
      return token;
    });
  const dashboard = await mount('vp-force-dashboard', { getToken }, { 'api-base': options.apiBase ?? serviceBase });
  return { dashboard, tokens };
}

/** Waits until the dashboard shows a report (or gives up on one). */
export async function untilSettled(dashboard: VpForceDashboard, state: 'ready' | 'failed' = 'ready'): Promise<void> {
  await expect.poll(() => dashboard.read.state, { timeout: 20_000 }).toBe(state);
  await dashboard.updateComplete;
}

/** @returns the first element matching `selector` in the dashboard's shadow root */
export function inDashboard<T extends Element = HTMLElement>(dashboard: VpForceDashboard, selector: string): T {
  const found = dashboard.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** @returns every element matching `selector` in the dashboard's shadow root */
export function allInDashboard<T extends Element = HTMLElement>(dashboard: VpForceDashboard, selector: string): T[] {
  return [...dashboard.shadowRoot!.querySelectorAll<T>(selector)];
}

/** @returns a headline figure as shown, e.g. figure(dashboard, 'sign-ins') → "18,475" */
export function figure(dashboard: VpForceDashboard, key: string): string {
  return inDashboard(dashboard, `[data-figure="${key}"] .value`).textContent!.trim();
}

/** @returns the button whose words are `name` */
export function button(dashboard: VpForceDashboard, name: string): HTMLButtonElement {
  const found = allInDashboard<HTMLButtonElement>(dashboard, 'button').find((candidate) => candidate.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** @returns the text of a table's cells, a row a week (the row header first) */
export function tableRows(table: HTMLTableElement): string[][] {
  return [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent!.trim()));
}

/**
 * Catches the next file the dashboard saves: its `a[download]` is clicked inside the shadow root,
 * and the test takes the Blob URL instead of letting the browser save it.
 * @returns the file's name and its text, when it comes
 */
export function nextDownload(dashboard: VpForceDashboard): Promise<{ fileName: string; text: string }> {
  return new Promise((resolve, reject) => {
    const root = dashboard.shadowRoot!;
    const onClick = (event: Event) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      root.removeEventListener('click', onClick, true);
      fetch(link.href)
        .then((response) => response.text())
        .then((text) => resolve({ fileName: link.download, text }), reject);
    };
    root.addEventListener('click', onClick, true);
  });
}

/** @returns CSV lines without the time the figures were counted at, which differs from one reading to the next */
export function csvWithoutAsOf(csv: string): string[] {
  return csv.split(/\r?\n/).filter((line) => !/asof|as_of/i.test(line));
}
