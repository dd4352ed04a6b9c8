/**
 * Production entry: the API only (no demo pages, no dev mailbox).
 *   PORT (3000), HOST (0.0.0.0), DATABASE_URL (PostgreSQL) else PGlite in VP_DATA_DIR
 *   (.data/pglite, relative to the working directory), VP_SESSION_IDLE_SECONDS (900),
 *   VP_SESSION_ABSOLUTE_SECONDS (43200).
 */
import { closeOnSignals, numberFromEnv } from './lifecycle.js';
import { startServer } from './server.js';

const databaseUrl = process.env['DATABASE_URL'] || undefined;
const server = await startServer({
  port: numberFromEnv('PORT', 3000),
  host: process.env['HOST'] || '0.0.0.0',
  databaseUrl,
  dataDir: databaseUrl ? undefined : process.env['VP_DATA_DIR'] || '.data/pglite',
  sessionPolicy: {
    idleTimeoutSeconds: numberFromEnv('VP_SESSION_IDLE_SECONDS', 900),
    absoluteTimeoutSeconds: numberFromEnv('VP_SESSION_ABSOLUTE_SECONDS', 43_200),
  },
});
process.stdout.write(`Victim Portal API listening on ${server.url} (${databaseUrl ? 'PostgreSQL' : 'PGlite'})\n`);
// GOV.UK Notify arrives with issue 3; until then invites wait, safely, in the outbox table.
process.stdout.write('No notification sender is configured: invite notifications stay queued in the outbox.\n');
closeOnSignals(server);
