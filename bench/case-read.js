// Benchmark: GET /v1/me/cases/{caseId} (session check + case read + audit insert) against a
// bare Koa route and a Koa route doing one prepared pg primary-key join, on PostgreSQL.
// Not a test; run with `npm run bench` after `npm run build`. Each server runs alone in a
// child pinned to core 0 (taskset -c 0) and autocannon runs on core 1.
//   DATABASE_URL  default postgres://root@127.0.0.1:5432/vp_bench (created if missing)
//   BENCH_SECONDS default 10, BENCH_CONNECTIONS default 50, BENCH_ROUNDS default 3 (the
//   targets run interleaved, round after round, and the result is the median of the rounds'
//   ratios: single rounds swing by ±15 points on a 2-core machine, where the PostgreSQL
//   backends are left to the scheduler; pinning them to autocannon's core was tried and made
//   (c), the heavier on PostgreSQL, database-bound rather than steadier)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startPinnedTarget } from './support.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/vp_bench';
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const rounds = Number(process.env.BENCH_ROUNDS || 3);
const target = 0.7;

if (!existsSync(`${repoRoot}packages/server/dist/index.js`)) {
  console.error('Build first: npm run build (the bench runs the compiled server).');
  process.exit(1);
}

// A force, an officer, a case and a signed-in victim, made through the real API.
async function seed() {
  const { startServer } = await import('@victim-portal/server');
  const { createTestForce, createTestOfficer, waitForInviteLink, inviteTokenFrom } = await import('@victim-portal/server/testing');
  const server = await startServer({ port: 0, databaseUrl, devMailbox: true, outboxPollIntervalMs: 50 });
  try {
    // Date of birth as the second factor, so the bench can sign in without reading a code.
    const force = await createTestForce(server.db, { secondFactor: 'date_of_birth' });
    const officer = await createTestOfficer(server.db, force.forceId);
    const email = `bench-${Date.now()}@example.com`;
    const created = await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${force.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        crimeReference: `BENCH/${Date.now()}`,
        offence: { code: '028/01', label: 'Burglary of a home' },
        reportedAt: new Date().toISOString(),
        reportedVia: 'online',
        officerInCharge: { collarNumber: officer.collarNumber },
        victim: { givenName: 'Bench', familyName: 'Victim', email, dateOfBirth: '1980-01-31' },
      }),
    }).then((r) => r.json());
    const token = inviteTokenFrom(await waitForInviteLink(server.url, email));
    const session = await fetch(`${server.url}/v1/invites/redeem`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, answer: '1980-01-31' }),
    }).then((r) => r.json());
    if (!session.sessionToken) throw new Error(`could not sign in: ${JSON.stringify(session)}`);
    return { caseId: created.id, sessionToken: session.sessionToken };
  } finally {
    await server.close();
  }
}

function startTarget(name) {
  return startPinnedTarget(`${repoRoot}bench/targets.js`, name, { env: { DATABASE_URL: databaseUrl } });
}

function autocannon(url, headers, duration) {
  const args = [`${repoRoot}node_modules/autocannon/autocannon.js`, '-c', String(connections), '-d', String(duration), '-j'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  const child = spawn('taskset', ['-c', '1', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

async function measure(name, path, headers) {
  const { child, url } = await startTarget(name);
  try {
    await autocannon(url + path, headers, 2); // warm-up: JIT, pools, prepared statements
    const result = await autocannon(url + path, headers, seconds);
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) throw new Error(`${name}: ${bad} failed requests (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
    return { name, requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, total: result.requests.total };
  } finally {
    child.kill('SIGTERM');
  }
}

await ensureDatabase(databaseUrl);
const { caseId, sessionToken } = await seed();
console.log(`PostgreSQL ${new URL(databaseUrl).pathname.slice(1)}, ${connections} connections, ${seconds} s each; server on core 0, autocannon on core 1\n`);
const labels = {
  bare: '(a) bare Koa, constant JSON',
  'pg-join': '(b) Koa + one prepared pg PK join',
  'victim-portal': '(c) GET /v1/me/cases/{caseId}',
};
const ratios = [];
for (let round = 1; round <= rounds; round++) {
  if (rounds > 1) console.log(`Round ${round} of ${rounds}`);
  const results = [
    await measure('bare', '/healthz', {}),
    await measure('pg-join', `/cases/${caseId}`, {}),
    await measure('victim-portal', `/v1/me/cases/${caseId}`, { Authorization: `Bearer ${sessionToken}` }),
  ];
  for (const r of results) {
    console.log(`${labels[r.name].padEnd(38)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99Ms).padStart(4)} ms`);
  }
  const ratio = results[2].requestsPerSecond / results[1].requestsPerSecond;
  ratios.push(ratio);
  console.log(`(c)/(b) = ${(ratio * 100).toFixed(1)}%\n`);
}
const median = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)];
console.log(`${rounds > 1 ? 'Median (c)/(b)' : '(c)/(b)'} = ${(median * 100).toFixed(1)}%  (target ≥ ${target * 100}%): ${median >= target ? 'met' : 'NOT met'}`);
process.exitCode = median >= target ? 0 : 1;
