/**
 * `npm start`: the demo, with no configuration. PGlite in `.data/pglite` under the working
 * directory (VP_DATA_DIR overrides; DATABASE_URL switches to PostgreSQL), the seeded
 * Kingsmoor Constabulary with 3 months of portal use for its reports (seed-usage.ts), the
 * example force website, the widgets, the dev mailbox, and the officer console on the next
 * port (OFFICER_CONSOLE_PORT overrides).
 */
import { fileURLToPath } from 'node:url';
import { closeOnSignals, numberFromEnv } from '../lifecycle.js';
import { startServer } from '../server.js';
import { startDemoOfficerConsole } from './officer-console.js';
import { demoThread } from './seed-thread.js';
import { demoApiKey, seedDemo } from './seed.js';
import { seedDemoUsage } from './seed-usage.js';

// dist/demo/main.js → the repository root, four folders up.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const databaseUrl = process.env['DATABASE_URL'] || undefined;

const port = numberFromEnv('PORT', 3000);
// The dev mailbox shows live sign-in links: keep the demo on this machine unless told.
const host = process.env['HOST'] || '127.0.0.1';
const server = await startServer({
  port,
  host,
  databaseUrl,
  dataDir: databaseUrl ? undefined : process.env['VP_DATA_DIR'] || '.data/pglite',
  devMailbox: true,
  siteDir: `${repoRoot}examples/force-website/public`,
  widgetsDir: `${repoRoot}packages/widgets/dist`,
  outboxPollIntervalMs: 500,
});
const portalUrl = `${server.url.replace('127.0.0.1', 'localhost')}/`;
const forceId = await seedDemo(server.db, portalUrl);
// The force's last 3 months for its reports, on the first start only (a few seconds).
const usage = await seedDemoUsage(server.db, forceId);
if (usage) {
  process.stdout.write(
    `Seeded 3 months of portal use for the force's reports: ${usage.cases} cases, ${usage.victimsSignedIn} victims signed in ${usage.signIns} times, ${usage.messages} messages (${(usage.milliseconds / 1000).toFixed(1)} s)\n`,
  );
}
await server.deliverNotifications();

// Its own port, as a records system has its own origin; it reaches the API server to server.
const officerConsole = await startDemoOfficerConsole(repoRoot, {
  apiUrl: server.url,
  apiKey: demoApiKey,
  port: numberFromEnv('OFFICER_CONSOLE_PORT', port === 0 ? 0 : port + 1),
  host,
});

const base = portalUrl.replace(/\/$/, '');
function officerConsoleLines(consoleUrl: string): string {
  return `
  Officer console (a records system's screen, as ${demoThread.officerName}, collar number ${demoThread.collarNumber}):
    ${consoleUrl}/?officer=${demoThread.collarNumber}
    Force dashboard (3 months of the portal's use, for force staff): ${consoleUrl}/admin.html
    ${demoThread.crimeReference} (${demoThread.victimName}) has a thread waiting: sign in as Alex from the
    dev mailbox on the force website, open both side by side, and message each other live.
`;
}
process.stdout.write(`
Victim Portal demo (${databaseUrl ? 'PostgreSQL' : 'PGlite'}), Kingsmoor Constabulary (fictional)

  Force website with the portal  ${base}/
  Dev mailbox (sign-in links)    ${base}/dev/mailbox
  API                            ${base}/v1/…   health: ${base}/healthz
  Widgets                        ${base}/widgets/
${officerConsole ? officerConsoleLines(officerConsole.url.replace('127.0.0.1', 'localhost')) : ''}
  Demo force API key (public, demo only):
    ${demoApiKey}
  e.g. curl -H 'Authorization: Bearer ${demoApiKey}' ${base}/v1/cases/<id>

Ctrl-C to stop.
`);
closeOnSignals({
  ...server,
  close: async () => {
    await officerConsole?.close();
    await server.close();
  },
});
