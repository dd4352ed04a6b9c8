import type { UsageReport } from '@victim-portal/contract';
import type { UsagePeriod } from './force-requests.js';
import { Http, type HttpOptions } from './http.js';
import { TokenKeeper } from './token-keeper.js';

/** Options for the force staff's client (the dashboard, in the force's own admin pages). */
export interface ReportsClientOptions extends HttpOptions {
  /**
   * Gets a short-lived admin token (`vpa_…`) from the host page's own back end, which mints it
   * with `ForceClient.mintAdminToken` once the member of staff has signed in there. Called at
   * first use and again whenever the service refuses the token held (it expired); its errors
   * reach the caller as they are.
   */
  getToken: () => Promise<string>;
}

/**
 * What force staff can read with an admin token: the force's usage report, as figures or as
 * CSV. The token stays in memory; on a 401 the client gets a new one and tries once more.
 */
export class ReportsClient {
  readonly #http: Http;
  readonly #tokens: TokenKeeper;

  constructor(options: ReportsClientOptions) {
    this.#tokens = new TokenKeeper(options.getToken);
    // Each request sends its token itself (see TokenKeeper.authorized), to know which one a 401 refused.
    this.#http = new Http(options, () => undefined);
  }

  /**
   * Reads what the portal did for the force's victims in a period (docs/reporting.md).
   * @param period `from` and `to`, whole days (`YYYY-MM-DD`), UK time, at most 366 days apart
   * @returns the figures, with breakdowns by week, crime-type group and channel
   */
  usageReport(period: UsagePeriod): Promise<UsageReport> {
    return this.#tokens.authorized((auth) => this.#http.json('get', 'v1/reports/usage', undefined, { ...auth, searchParams: { ...period } }));
  }

  /**
   * The same figures as {@link usageReport}, as CSV: `section,key,measure,value`, one row a figure.
   * @param period as for {@link usageReport}
   * @returns the CSV text, as the service wrote it
   */
  usageReportCsv(period: UsagePeriod): Promise<string> {
    return this.#tokens.authorized((auth) => this.#http.text('v1/reports/usage', 'text/csv', { ...auth, searchParams: { ...period } }));
  }
}
