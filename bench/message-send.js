// Benchmark: POST /v1/me/cases/{caseId}/messages (session check, per-force thread lock, insert,
// audit, outbox, live notification) against a bare Koa route parsing the same body and a Koa
// route doing one prepared insert into the messages table with `pg`, on PostgreSQL. Every
// request carries a message id of its own, so each one is a new message, never a replay.
// Not a test; run with `npm run bench:messaging` (or `node bench/message-send.js`) after
// `npm run build`. Each server runs alone in a child pinned to core 0 (taskset -c 0) and
// autocannon runs on core 1.
//   DATABASE_URL  default postgres://root@127.0.0.1:5432/vp_bench (created if missing)
//   BENCH_SECONDS default 10, BENCH_CONNECTIONS default 50, BENCH_ROUNDS default 3 (the
//   targets run interleaved, round after round; the summary is the median of the rounds)
//   BENCH_PREFILL default 0: messages put in the measured thread (so in its force) first, to
//   see how a send's cost grows with what the force already holds
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedThread } from './messaging-seed.js';
import { ensureDatabase, startPinnedTarget } from './support.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/vp_bench';
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const rounds = Number(process.env.BENCH_ROUNDS || 3);
const prefill = Number(process.env.BENCH_PREFILL || 0);

if (!existsSync(`${repoRoot}packages/server/dist/index.js`)) {
  console.error('Build first: npm run build (the bench runs the compiled server).');
  process.exit(1);
}

function startTarget(name, thread) {
  const env = { DATABASE_URL: databaseUrl, BENCH_FORCE_ID: thread.forceId, BENCH_CASE_ID: thread.caseId };
  return startPinnedTarget(`${repoRoot}bench/send-targets.js`, name, { env });
}

function autocannon(url, headers, duration) {
  const config = JSON.stringify({ url, headers, connections, duration });
  const child = spawn('taskset', ['-c', '1', process.execPath, `${repoRoot}bench/autocannon-post.js`, config], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

async function measure(name, path, headers, thread) {
  const { child, url } = await startTarget(name, thread);
  try {
    await autocannon(url + path, headers, 2); // warm-up: JIT, pools, prepared statements
    const result = await autocannon(url + path, headers, seconds);
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) throw new Error(`${name}: ${bad} failed requests (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}): ${JSON.stringify(result.statusCodeStats)}`);
    return { name, requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, p50Ms: result.latency.p50 };
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

await ensureDatabase(databaseUrl);
const thread = await seedThread(databaseUrl);
// The raw-insert baseline writes to a force and case of its own, so that its rows do not swell
// the thread (and the force) the service is measured on.
const baselineThread = await seedThread(databaseUrl);
const messagesPath = `/v1/me/cases/${thread.caseId}/messages`;
if (prefill > 0) {
  // Straight into the table, in one statement: an insert is all the append-only rule allows.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `insert into messages (id, force_id, case_id, kind, author_type, body)
     select gen_random_uuid(), $1, $2, 'text', 'victim', 'Earlier message ' || n from generate_series(1, $3) as n`,
    [thread.forceId, thread.caseId, prefill],
  );
  await client.query('analyze messages');
  await client.end();
}
const labels = {
  'bare-post': '(a) bare Koa, parse body, 201',
  'pg-insert': '(b) Koa + one prepared pg insert',
  'victim-portal': '(c) POST /v1/me/cases/{caseId}/messages',
};
console.log(
  `Message send, PostgreSQL ${new URL(databaseUrl).pathname.slice(1)}, ${connections} connections, ${seconds} s each; server on core 0, autocannon on core 1` +
    `${prefill ? `; the thread's force already holds ${prefill} messages` : ''}\n`,
);
const all = [];
for (let round = 1; round <= rounds; round++) {
  if (rounds > 1) console.log(`Round ${round} of ${rounds}`);
  const results = [
    await measure('bare-post', messagesPath, {}, thread),
    await measure('pg-insert', messagesPath, {}, baselineThread),
    await measure('victim-portal', messagesPath, { Authorization: `Bearer ${thread.sessionToken}` }, thread),
  ];
  for (const r of results) {
    console.log(`${labels[r.name].padEnd(42)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50Ms).padStart(4)} ms   p99 ${String(r.p99Ms).padStart(4)} ms`);
  }
  console.log(`(c)/(b) = ${((results[2].requestsPerSecond / results[1].requestsPerSecond) * 100).toFixed(1)}%\n`);
  all.push(results);
}
if (rounds > 1) {
  console.log(`Median of ${rounds} rounds`);
  for (const [i, name] of ['bare-post', 'pg-insert', 'victim-portal'].entries()) {
    const rps = median(all.map((results) => results[i].requestsPerSecond));
    const p99 = median(all.map((results) => results[i].p99Ms));
    console.log(`${labels[name].padEnd(42)} ${rps.toFixed(0).padStart(7)} req/s   p99 ${String(p99).padStart(4)} ms`);
  }
  console.log(`(c)/(b) = ${(median(all.map((results) => results[2].requestsPerSecond / results[1].requestsPerSecond)) * 100).toFixed(1)}%`);
}
