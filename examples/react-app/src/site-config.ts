/** What the host page tells the app: where the API is and which force this is. */
export interface SiteConfig {
  /** The Victim Portal API's base URL (`/` when the same server serves both). */
  apiBase: string;
  /** The force's slug in the Victim Portal. */
  force: string;
  /** Where the quick exit goes; the portal's neutral default when the page says nothing. */
  exitUrl: string | undefined;
}

/**
 * Read from the root element's data attributes, so one build serves every environment and
 * no configuration has to be written into an inline script (which the CSP would refuse).
 * @returns the page's settings
 */
export function readSiteConfig(root: HTMLElement): SiteConfig {
  return {
    apiBase: root.dataset.apiBase ?? '/',
    force: root.dataset.force ?? '',
    exitUrl: root.dataset.exitUrl,
  };
}
