// The N event-stream readers of bench/sse-fanout.js, all in this one child process (pinned to
// the other core by the parent), driven over IPC:
//   {open: {url, headers, count, tokens?}} opens `count` streams (with `tokens`, stream i sends
//                                          `Authorization: Bearer tokens[i % tokens.length]`) → {opened, failed}
//   {publish: {url, headers, body, marker}} POSTs once and waits until every open stream has
//                                          seen `marker` → {postMs, latenciesMs: {p50, p99, max}, received}
//   {reset: true}                          ends every stream → {closed}
//   'close'                                 ends every stream and exits
// The POST is sent from here, so its start and every receipt are read from one clock.
import { request } from 'node:http';

const streams = [];
let current; // the publish being waited for

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function openStream(url, headers) {
  return new Promise((resolve) => {
    const stream = { tail: '', seen: -1 };
    // A connection of its own each (agent: false), as N browsers would have.
    const req = request(url, { method: 'GET', headers: { Accept: 'text/event-stream', ...headers }, agent: false });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve(false);
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (!current || stream.seen === current.index) return;
        // The marker may straddle two chunks: keep the end of the previous one.
        const text = stream.tail + chunk;
        if (text.includes(current.marker)) {
          stream.seen = current.index;
          current.times.push(performance.now() - current.startedAt);
          if (current.times.length === streams.length) current.done();
          stream.tail = '';
        } else {
          stream.tail = text.slice(-current.marker.length);
        }
      });
      stream.req = req;
      streams.push(stream);
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function open({ url, headers, count, tokens }) {
  let opened = 0;
  let failed = 0;
  // In waves, so the server's accept queue and its first reads are not the thing measured.
  for (let done = 0; done < count; ) {
    const wave = Math.min(250, count - done);
    const results = await Promise.all(
      Array.from({ length: wave }, (_, i) => openStream(url, tokens ? { ...headers, Authorization: `Bearer ${tokens[(done + i) % tokens.length]}` } : headers)),
    );
    opened += results.filter(Boolean).length;
    failed += results.filter((ok) => !ok).length;
    done += wave;
  }
  return { opened, failed };
}

let publishes = 0;
async function publish({ url, headers, body, marker, timeoutMs = 120_000 }) {
  let resolveAll;
  const allReceived = new Promise((resolve) => (resolveAll = resolve));
  current = { index: publishes++, marker, times: [], startedAt: performance.now(), done: resolveAll };
  const posted = new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, agent: false });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (res.statusCode < 300 ? resolve(performance.now() - current.startedAt) : reject(new Error(`POST ${res.statusCode}: ${text}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  const postMs = await posted;
  const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([allReceived, timeout]);
  const sorted = [...current.times].sort((a, b) => a - b);
  const received = sorted.length;
  current = undefined;
  return { postMs, received, latenciesMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] } };
}

process.on('message', async (message) => {
  if (message === 'close') {
    for (const stream of streams) stream.req.destroy();
    process.exit(0);
  }
  try {
    if (message.open) process.send(await open(message.open));
    else if (message.reset) {
      for (const stream of streams) stream.req.destroy();
      process.send({ closed: streams.splice(0).length });
    }
    else if (message.publish) process.send(await publish(message.publish));
  } catch (error) {
    process.send({ error: error.message });
  }
});
process.send({ ready: true });
