// The two SSE servers that bench/sse-fanout.js compares, one per child process, pinned to one
// core by the parent. Run as: node --expose-gc bench/fanout-targets.js <bare-sse|victim-portal>
// with DATABASE_URL set. Prints one JSON line {"url": …} once it is listening, then answers
// the parent's IPC message 'memory' with this process's memory after a full collection.
import { createServer } from 'node:http';
import { pino } from 'pino';

const target = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;

// The baseline: what Node itself costs to hold N event-stream responses open and write one
// event to each. GET /stream opens one; POST /publish writes the posted body, as one
// `message.created` event serialised once, to every open stream.
async function bareSse() {
  const streams = new Set();
  let nextId = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/stream') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 2000\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'POST' && req.url === '/publish') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        nextId += 1;
        const event = `id: ${nextId}\nevent: message.created\ndata: ${JSON.stringify(JSON.parse(body))}\n\n`;
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ delivered: streams.size }));
        for (const stream of streams) stream.write(event);
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 65_000;
  // Streams are long-lived: no request or socket timeout may cut them during the bench.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

async function victimPortal() {
  const { startServer } = await import('@victim-portal/server');
  // As in production: one JSON line per request, written synchronously, here to /dev/null.
  const logStream = pino.destination({ dest: '/dev/null', sync: true });
  const server = await startServer({ port: 0, databaseUrl, migrate: false, logStream });
  return server.url;
}

const start = { 'bare-sse': bareSse, 'victim-portal': victimPortal }[target];
if (!start) {
  process.stderr.write(`unknown target ${target}\n`);
  process.exit(2);
}
const url = await start();
process.on('message', (message) => {
  if (message !== 'memory') return;
  // Twice: a first pass may leave finalisable objects for the second.
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.send({ memory: { rss, heapUsed, external, arrayBuffers } });
});
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => process.exit(0));
