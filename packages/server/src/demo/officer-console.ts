/**
 * The demo's officer console (examples/officer-console): a records system's screen with the
 * officer widget, on a port of its own, as a records system would be on an origin of its own.
 * Its back end holds the force API key and mints officer tokens; the page never sees the key.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface DemoOfficerConsole {
  url: string;
  close(): Promise<void>;
}

// The example is plain JavaScript outside this package (the service must not depend on its
// examples), so it is loaded by path and described here.
interface OfficerConsoleModule {
  startOfficerConsole(options: { apiUrl: string; apiKey: string; port?: number; host?: string; widgetsDir?: string }): Promise<DemoOfficerConsole>;
}

/**
 * Starts the officer console in front of the demo's API, when the example is present.
 * @param repoRoot the repository root, with a trailing slash
 * @returns the running console, or undefined when examples/officer-console is missing
 */
export async function startDemoOfficerConsole(repoRoot: string, options: { apiUrl: string; apiKey: string; port: number; host: string }): Promise<DemoOfficerConsole | undefined> {
  const entry = `${repoRoot}examples/officer-console/src/console-server.js`;
  if (!existsSync(entry)) return undefined;
  const { startOfficerConsole } = (await import(pathToFileURL(entry).href)) as OfficerConsoleModule;
  return startOfficerConsole({ ...options, widgetsDir: `${repoRoot}packages/widgets/dist/` });
}
