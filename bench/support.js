// What the benches share: the bench database, a pinned child process serving one target, and
// a listening HTTP server for the target side.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import pg from 'pg';

/** Creates the database named in `databaseUrl` when it does not exist yet. */
export async function ensureDatabase(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  await admin.end();
}

/**
 * Runs `node [nodeArgs] script name` pinned to core 0 (taskset), and waits for the JSON line
 * `{"url": …}` it prints once listening.
 * @returns the child and the target's URL
 */
export function startPinnedTarget(script, name, { env = {}, nodeArgs = [], ipc = false } = {}) {
  const child = spawn('taskset', ['-c', '0', process.execPath, ...nodeArgs, script, name], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', ...(ipc ? ['ipc'] : [])],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, url: JSON.parse(line).url }));
  });
}

/** @returns the URL of a Node HTTP server for `callback`, listening on a free port of 127.0.0.1 */
export function listen(callback) {
  return new Promise((resolve) => {
    const server = createServer(callback);
    server.keepAliveTimeout = 65_000;
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}
