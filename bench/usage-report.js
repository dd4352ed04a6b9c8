// Benchmark: GET /v1/reports/usage over a year of a large force (about 150,000 cases and
// 2 million audit events) on PostgreSQL, against its limit (1 s) and a baseline: one pg query
// counting that force's audit rows for the year. Not a test; run with `npm run bench:reports`
// after `npm run build`. The server runs alone in a child pinned to core 0 (taskset -c 0), as
// in case-read.js; requests go one at a time, so the figure is one report's latency.
//   DATABASE_URL   default postgres://root@127.0.0.1:5432/vp_bench_usage: created, seeded (a few
//                  minutes) and dropped at the end
//   BENCH_KEEP=1   keep the database, and reuse its forces on the next run (no seeding)
//   BENCH_CASES    the large force's cases in the year (150000); BENCH_NEIGHBOUR_CASES the other
//                  force's (30000), which shares the tables as forces do
//   BENCH_RUNS     measured requests per figure (7), after 2 unmeasured
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDatabase, startPinnedTarget } from './support.js';
import { benchForces, rowsOfForce, seedBenchForces } from './usage-seed.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/vp_bench_usage';
const keep = process.env.BENCH_KEEP === '1';
const runs = Number(process.env.BENCH_RUNS || 7);
const limitMs = 1000;
const days = 365;

if (!existsSync(`${repoRoot}packages/server/dist/demo/seed-usage.js`)) {
  console.error('Build first: npm run build (the bench runs the compiled server and seeds with its generator).');
  process.exit(1);
}

/** A report's period: the last `length` UK days, today included. */
function period(length) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (length - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

/** Time `once` over 2 unmeasured and `runs` measured calls. @returns milliseconds: p50, min, max */
async function timed(once) {
  for (let i = 0; i < 2; i++) await once();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return { p50: median(times), min: Math.min(...times), max: Math.max(...times) };
}

function reportRequest(url, apiKey, accept) {
  return async () => {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${apiKey}`, Accept: accept } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /v1/reports/usage answered ${response.status}: ${body.slice(0, 300)}`);
    return body;
  };
}

function line(label, figure) {
  return `${label.padEnd(62)} p50 ${fmt(figure.p50)}   min ${fmt(figure.min)}   max ${fmt(figure.max)}`;
}

async function dropDatabase() {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  await admin.end();
}

async function main() {
  await ensureDatabase(databaseUrl);
  const { from, to } = period(days);
  const month = period(28);
  const seedStarted = Date.now();
  const sizes = { cases: Number(process.env.BENCH_CASES || 150_000), neighbourCases: Number(process.env.BENCH_NEIGHBOUR_CASES || 30_000) };
  const forces = await seedBenchForces(databaseUrl, benchForces(sizes), days);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const large = forces[0];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let target;
  try {
    console.log(`Usage report, PostgreSQL ${new URL(databaseUrl).pathname.slice(1)}; server on core 0, one request at a time; p50 of ${runs} after 2 warm-ups\n`);
    console.log(forces.some((force) => force.counts) ? `Seeded in ${seedSeconds.toFixed(0)} s:` : 'Reused (BENCH_KEEP):');
    for (const force of forces) {
      const c = force.counts;
      const seeded = c
        ? `${c.cases} cases, ${c.invites} invites, ${c.victimsSignedIn} victims signed in ${c.signIns} times, ${c.messages} messages, ${c.caseEvents} case events, ${c.notifications} notifications, ${c.auditEvents} audit events (${(c.milliseconds / 1000).toFixed(0)} s)`
        : 'as seeded before';
      console.log(`  ${force.name}: ${seeded}`);
    }
    const rows = await rowsOfForce(client, large.forceId, from, to);
    console.log(`  ${large.name}, rows in the database: ${Object.entries(rows).map(([table, n]) => `${table} ${n.toLocaleString('en-GB')}`).join(', ')}`);
    console.log(`\nPeriod ${from} to ${to}\n`);

    const baseline = await timed(() =>
      client.query(
        `select count(*) from audit_log where force_id = $1
           and occurred_at >= ($2::date)::timestamp at time zone 'Europe/London' and occurred_at < ($3::date + 1)::timestamp at time zone 'Europe/London'`,
        [large.forceId, from, to],
      ),
    );
    console.log(line("(a) baseline: count the force's audit rows in the year (pg)", baseline));

    let url;
    ({ child: target, url } = await startPinnedTarget(`${repoRoot}bench/targets.js`, 'victim-portal', { env: { DATABASE_URL: databaseUrl } }));
    const reportUrl = `${url}/v1/reports/usage?from=${from}&to=${to}`;
    const monthUrl = `${url}/v1/reports/usage?from=${month.from}&to=${month.to}`;
    const json = await timed(reportRequest(reportUrl, large.apiKey, 'application/json'));
    console.log(line('(b) GET /v1/reports/usage, the year, JSON', json));
    const csv = await timed(reportRequest(reportUrl, large.apiKey, 'text/csv'));
    console.log(line('(c) GET /v1/reports/usage, the year, text/csv', csv));
    const lastMonth = await timed(reportRequest(monthUrl, large.apiKey, 'application/json'));
    console.log(line('(d) GET /v1/reports/usage, the last 28 days, JSON', lastMonth));
    const worst = Math.max(json.p50, csv.p50);
    console.log(`\n(b)/(a) = ${(json.p50 / baseline.p50).toFixed(1)}x; limit ${limitMs} ms: ${worst < limitMs ? 'met' : 'NOT met'} (p50 ${worst.toFixed(0)} ms)`);
    const report = JSON.parse(await reportRequest(reportUrl, large.apiKey, 'application/json')());
    console.log(`The report: ${report.invites.sent} invites sent, ${report.signIns.victims} victims signed in ${report.signIns.signIns} times, ` +
      `${report.messages.fromVictims + report.messages.fromOfficers} messages, ${report.messages.updateRequests} update requests, compliance ${report.victimsCode.met}/${report.victimsCode.due}, ` +
      `calls avoided ${report.callsAvoided.estimate}`);
    process.exitCode = worst < limitMs ? 0 : 1;
  } finally {
    target?.kill('SIGTERM');
    await client.end();
    if (!keep) await dropDatabase();
  }
}

await main();
