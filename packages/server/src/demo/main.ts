/**
 * `npm start`: the demo, with no configuration. PGlite in `.data/pglite` under the working
 * directory (VP_DATA_DIR overrides; DATABASE_URL switches to PostgreSQL), the seeded
 * Kingsmoor Constabulary, the example force website, the widgets and the dev mailbox.
 */
import { fileURLToPath } from 'node:url';
import { closeOnSignals, numberFromEnv } from '../lifecycle.js';
import { startServer } from '../server.js';
import { demoApiKey, seedDemo } from './seed.js';

// dist/demo/main.js → the repository root, four folders up.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const databaseUrl = process.env['DATABASE_URL'] || undefined;

const server = await startServer({
  port: numberFromEnv('PORT', 3000),
  // The dev mailbox shows live sign-in links: keep the demo on this machine unless told.
  host: process.env['HOST'] || '127.0.0.1',
  databaseUrl,
  dataDir: databaseUrl ? undefined : process.env['VP_DATA_DIR'] || '.data/pglite',
  devMailbox: true,
  siteDir: `${repoRoot}examples/force-website/public`,
  widgetsDir: `${repoRoot}packages/widgets/dist`,
  outboxPollIntervalMs: 500,
});
const portalUrl = `${server.url.replace('127.0.0.1', 'localhost')}/`;
await seedDemo(server.db, portalUrl);
await server.deliverNotifications();

const base = portalUrl.replace(/\/$/, '');
process.stdout.write(`
Victim Portal demo (${databaseUrl ? 'PostgreSQL' : 'PGlite'}), Kingsmoor Constabulary (fictional)

  Force website with the portal  ${base}/
  Dev mailbox (sign-in links)    ${base}/dev/mailbox
  API                            ${base}/v1/…   health: ${base}/healthz
  Widgets                        ${base}/widgets/

  Demo force API key (public, demo only):
    ${demoApiKey}
  e.g. curl -H 'Authorization: Bearer ${demoApiKey}' ${base}/v1/cases/<id>

Ctrl-C to stop.
`);
closeOnSignals(server);
