// @ts-check
// `npm start -w @victim-portal/example-officer-console`: the officer console on its own, in
// front of a running Victim Portal API. (`npm start` at the root starts it with the demo.)
//   VP_API_URL  default http://127.0.0.1:3000
//   VP_API_KEY  the force's API key (required; the demo's is printed by `npm start`)
//   PORT        default 3001
import { startOfficerConsole } from './console-server.js';

const apiKey = process.env['VP_API_KEY'];
if (!apiKey) {
  process.stderr.write('Set VP_API_KEY to the force API key (the demo prints its key at start).\n');
  process.exit(1);
}
const officerConsole = await startOfficerConsole({
  apiUrl: process.env['VP_API_URL'] || 'http://127.0.0.1:3000',
  apiKey,
  port: Number(process.env['PORT'] || 3001),
});
process.stdout.write(`Officer console: ${officerConsole.url}/?officer=<collar number>\n`);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => void officerConsole.close().then(() => process.exit(0)));
}
