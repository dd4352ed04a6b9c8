// Benchmark: one message fanned out to N open event streams on one server instance, against a
// bare Node http server writing one event to N streams. Not a test; run with
// `npm run bench:messaging` (or `node bench/sse-fanout.js`) after `npm run build`.
// The server runs alone in a child pinned to core 0; the N readers and the publisher share one
// child pinned to core 1, so the POST's start and every receipt are read from one clock.
//   DATABASE_URL      default postgres://root@127.0.0.1:5432/vp_bench (created if missing)
//   BENCH_FANOUT      default 1000,10000 (ulimit -n must exceed the largest: both ends hold N sockets)
//   BENCH_PUBLISHES   default 5 messages per N; each figure is the median over them
//   BENCH_TARGETS     default bare-sse,victim-portal
//   BENCH_STREAM      officer (default: all N read /v1/officer/stream, the victim posts) or
//                     victim (all N read /v1/me/stream with the victim's one session)
//   BENCH_TOKENS      officer streams only: one (default; one token shared by all N) or many (a
//                     token of its own per stream: the service checks each distinct credential
//                     once per event, so this is its costliest fan-out)
// Memory per connection: the server's RSS and V8 heap after a full collection with the N
// streams open and one event delivered, minus the same before they opened, over N.
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { seedThread } from './messaging-seed.js';
import { ensureDatabase } from './support.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/vp_bench';
const sizes = (process.env.BENCH_FANOUT || '1000,10000').split(',').map(Number);
const publishes = Number(process.env.BENCH_PUBLISHES || 5);
const streamAs = process.env.BENCH_STREAM || 'officer';
const distinctTokens = process.env.BENCH_TOKENS === 'many';
const targets = (process.env.BENCH_TARGETS || 'bare-sse,victim-portal').split(',');

if (!existsSync(`${repoRoot}packages/server/dist/index.js`)) {
  console.error('Build first: npm run build (the bench runs the compiled server).');
  process.exit(1);
}

/** A child that answers one IPC reply per request, in order. */
function rpc(child) {
  const waiting = [];
  child.on('message', (message) => waiting.shift()?.(message));
  return (message) =>
    new Promise((resolve, reject) => {
      waiting.push((reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply)));
      child.send(message);
    });
}

function startTarget(name) {
  const child = spawn('taskset', ['-c', '0', process.execPath, '--expose-gc', `${repoRoot}bench/fanout-targets.js`, name], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, url: JSON.parse(line).url, call: rpc(child) }));
  });
}

function startReaders() {
  // fork() through taskset: the child is node itself once taskset has exec'd it.
  const child = fork(`${repoRoot}bench/fanout-clients.js`, [], { execPath: 'taskset', execArgv: ['-c', '1', process.execPath], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`readers exited with ${code}`)));
    child.once('message', () => resolve({ child, call: rpc(child) }));
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// How each target is read from and published to.
function routes(name, url, thread) {
  if (name === 'bare-sse') {
    return {
      stream: { url: `${url}/stream`, headers: {} },
      publish: (id) => ({
        url: `${url}/publish`,
        headers: {},
        // The same shape and size as the service's `message.created` event.
        body: { type: 'message.created', caseId: thread.caseId, message: { id, cursor: '1', caseId: thread.caseId, kind: 'text', author: { type: 'victim' }, body: `Bench message ${id}`, sentAt: new Date().toISOString(), readAt: null } },
      }),
    };
  }
  const stream =
    streamAs === 'victim'
      ? { url: `${url}/v1/me/stream`, headers: {}, tokens: [thread.sessionToken] }
      : { url: `${url}/v1/officer/stream`, headers: {}, tokens: thread.officerTokens };
  return {
    stream,
    publish: (id) => ({
      url: `${url}/v1/me/cases/${thread.caseId}/messages`,
      headers: { Authorization: `Bearer ${thread.sessionToken}` },
      body: { id, body: `Bench message ${id}` },
    }),
  };
}

async function publishAndWait(readers, route, expected) {
  const id = randomUUID();
  const result = await readers.call({ publish: { ...route.publish(id), marker: id } });
  if (result.received !== expected) throw new Error(`only ${result.received} of ${expected} streams got the event`);
  return result;
}

async function measure(name, n, thread) {
  const target = await startTarget(name);
  const readers = await startReaders();
  try {
    const route = routes(name, target.url, thread);
    // Warm-up: the code paths of opening, publishing and delivering, then back to no streams.
    const warm = await readers.call({ open: { ...route.stream, count: 10 } });
    if (warm.failed) throw new Error(`${name}: warm-up streams refused`);
    for (let i = 0; i < 3; i++) await publishAndWait(readers, route, 10);
    await readers.call({ reset: true });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server sees the closes
    const before = (await target.call('memory')).memory;

    const { opened, failed } = await readers.call({ open: { ...route.stream, count: n } });
    if (failed) throw new Error(`${name}: ${failed} of ${n} streams refused`);
    // One event delivered to every stream proves each is subscribed; then the memory.
    await publishAndWait(readers, route, opened);
    const after = (await target.call('memory')).memory;

    const runs = [];
    for (let i = 0; i < publishes; i++) runs.push(await publishAndWait(readers, route, opened));
    return {
      name,
      n,
      rssPerConnection: (after.rss - before.rss) / n,
      heapPerConnection: (after.heapUsed - before.heapUsed) / n,
      p50: median(runs.map((r) => r.latenciesMs.p50)),
      p99: median(runs.map((r) => r.latenciesMs.p99)),
      max: median(runs.map((r) => r.latenciesMs.max)),
      postMs: median(runs.map((r) => r.postMs)),
    };
  } finally {
    readers.child.removeAllListeners('exit');
    readers.child.send('close');
    target.child.removeAllListeners('exit');
    target.child.kill('SIGTERM');
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => `${value.toFixed(1)} ms`;

let thread = { caseId: randomUUID() };
if (targets.includes('victim-portal')) {
  await ensureDatabase(databaseUrl);
  const tokens = streamAs !== 'officer' ? 0 : distinctTokens ? Math.max(...sizes) : 1;
  thread = await seedThread(databaseUrl, { officerTokens: tokens });
}
const labels = {
  'bare-sse': '(a) bare Node http, one write per stream',
  'victim-portal': `(b) victim-portal /v1/${streamAs === 'victim' ? 'me' : 'officer'}/stream${distinctTokens && streamAs === 'officer' ? ', N tokens' : ''}`,
};
console.log(`SSE fan-out, PostgreSQL ${new URL(databaseUrl).pathname.slice(1)}; server on core 0, readers and publisher on core 1; median of ${publishes} messages\n`);
for (const n of sizes) {
  console.log(`N = ${n}`);
  for (const name of targets) {
    const r = await measure(name, n, thread);
    console.log(
      `  ${labels[name].padEnd(48)} per connection: RSS ${kib(r.rssPerConnection).padStart(9)}, heap ${kib(r.heapPerConnection).padStart(9)}` +
        `   POST→last receipt p50 ${ms(r.p50).padStart(9)} p99 ${ms(r.p99).padStart(9)} max ${ms(r.max).padStart(9)}   (POST answered in ${ms(r.postMs)})`,
    );
  }
  console.log('');
}
