// Types for console-server.js (plain JavaScript, so that it runs with no build step).

/** The officer console's Content-Security-Policy: this origin only, no inline script or style. */
export declare const consoleContentSecurityPolicy: string;

export interface OfficerConsoleOptions {
  /** The Victim Portal API's base URL, e.g. http://127.0.0.1:3000 */
  apiUrl: string;
  /** The force's API key; it stays in this process. */
  apiKey: string;
  /** Default 3001; 0 picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The built widgets (dist/ with officer-inbox.js and force-dashboard.js); default the workspace's. */
  widgetsDir?: string;
}

export interface RunningOfficerConsole {
  /** Base URL without a trailing slash. */
  url: string;
  /** Stops taking requests and cuts open event streams. */
  close(): Promise<void>;
}

/**
 * Starts the officer console: the officer's page and the admin page (/admin.html), the widget
 * bundles, POST /rms/officer-token and POST /rms/admin-token (both mint with the force's API
 * key) and the relay of /v1/officer/ and /v1/reports/ to the API.
 */
export declare function startOfficerConsole(options: OfficerConsoleOptions): Promise<RunningOfficerConsole>;
