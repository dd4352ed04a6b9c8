import type { ReactiveControllerHost } from 'lit';
import { isProblem, ReportsClient, type UsageReport } from '@victim-portal/sdk';
import type { Period } from './period.js';

/** Where reading the report stands. */
export type ReportState = 'waiting' | 'loading' | 'ready' | 'failed';

/**
 * Why a read failed, for the words shown: `signed-out` when the service refused a new token too
 * (or the host page could not give one), `refused` for another 4xx, else `unavailable`.
 */
export type ReportFailure = 'signed-out' | 'refused' | 'unavailable';

/** Where the CSV download stands. */
export type DownloadState = 'idle' | 'preparing' | 'ready' | 'failed';

/** What the controller needs from the element. */
export interface UsageReportHost extends ReactiveControllerHost, HTMLElement {
  /** Saves the CSV for the member of staff (a Blob URL on an `a[download]`). */
  saveCsv(csv: string, fileName: string): void;
}

/**
 * Reads the force's usage report for a period, and its CSV for download, with the admin token
 * the host page's `getToken()` gives (through ReportsClient, which asks for a new one once when
 * the service refuses the one held). An answer that comes after another period was asked for
 * is dropped, so the figures shown are always the period shown.
 */
export class UsageReportRead {
  state: ReportState = 'waiting';
  report: UsageReport | undefined;
  /** The period asked for last (shown while it loads, and after it failed). */
  period: Period | undefined;
  failure: ReportFailure | undefined;
  /** The service's request id of a failed read, to quote to the service desk. */
  requestId: string | undefined;
  download: DownloadState = 'idle';
  downloadFailure: ReportFailure | undefined;
  downloadRequestId: string | undefined;
  readonly #host: UsageReportHost;
  #client: ReportsClient | undefined;
  #reads = 0;

  constructor(host: UsageReportHost) {
    this.#host = host;
  }

  /** Whether it can ask the service yet (the host page has given `getToken`). */
  get started(): boolean {
    return this.#client !== undefined;
  }

  /**
   * Starts with the host page's `getToken` and the API's base URL.
   * @param options.fetch a fetch to use instead of the global one
   */
  start(options: { baseUrl: string; getToken: () => Promise<string>; fetch?: typeof globalThis.fetch | undefined }): void {
    const { fetch, ...rest } = options;
    this.#client = new ReportsClient({ ...rest, ...(fetch ? { fetch } : {}) });
  }

  /** Reads the figures for `period`; what was shown goes, so no figure is shown under another period. */
  async load(period: Period): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const read = ++this.#reads;
    this.period = period;
    this.state = 'loading';
    this.report = undefined;
    this.download = 'idle';
    this.#host.requestUpdate();
    try {
      const report = await client.usageReport(period);
      if (read !== this.#reads) return;
      this.report = report;
      this.state = 'ready';
    } catch (error) {
      if (read !== this.#reads) return;
      [this.failure, this.requestId] = failureOf(error);
      this.state = 'failed';
    }
    this.#host.requestUpdate();
  }

  /** Fetches the CSV of the period shown and hands it to the host to save. */
  async downloadCsv(): Promise<void> {
    const client = this.#client;
    const report = this.report;
    if (!client || !report || this.download === 'preparing') return;
    const period = { from: report.from, to: report.to };
    this.download = 'preparing';
    this.#host.requestUpdate();
    try {
      const csv = await client.usageReportCsv(period);
      this.#host.saveCsv(csv, `victim-portal-usage-${period.from}-to-${period.to}.csv`);
      this.download = 'ready';
    } catch (error) {
      [this.downloadFailure, this.downloadRequestId] = failureOf(error);
      this.download = 'failed';
    }
    this.#host.requestUpdate();
  }
}

/** @returns why a read failed, and the service's request id when it answered */
function failureOf(error: unknown): [ReportFailure, string | undefined] {
  // Not a problem from the service: the host page's getToken() failed.
  if (!isProblem(error)) return ['signed-out', undefined];
  if (error.status === 401 || error.status === 403) return ['signed-out', error.requestId];
  if (error.status >= 400 && error.status < 500) return ['refused', error.requestId];
  return ['unavailable', error.requestId];
}
