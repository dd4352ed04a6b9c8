// The three HTTP servers that bench/message-send.js compares, one per child process, each
// pinned to one core by the parent. Run as: node bench/send-targets.js <bare-post|pg-insert|victim-portal>
// with DATABASE_URL set (and BENCH_FORCE_ID, BENCH_CASE_ID for pg-insert). Prints one JSON
// line {"url": …} once it is listening.
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import pg from 'pg';
import { pino } from 'pino';
import { listen } from './support.js';

const target = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;

// (a) Koa parsing the JSON body, as the service does, and answering 201 without storing it.
async function barePost() {
  const app = new Koa();
  app.use(bodyParser());
  app.use((ctx) => {
    ctx.status = 201;
    ctx.body = { id: ctx.request.body.id, body: ctx.request.body.body };
  });
  return listen(app.callback());
}

// (b) The reference point: the same, plus one prepared insert into the real messages table
// (its keys, checks and append-only triggers), in its own implicit transaction.
async function pgInsert() {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const forceId = process.env.BENCH_FORCE_ID;
  const caseId = process.env.BENCH_CASE_ID;
  const app = new Koa();
  app.use(bodyParser());
  app.use(async (ctx) => {
    const { id, body } = ctx.request.body;
    const { rows } = await pool.query({
      name: 'bench_message_insert',
      text: `insert into messages (id, force_id, case_id, kind, author_type, body)
             values ($1, $2, $3, 'text', 'victim', $4) returning seq, created_at`,
      values: [id, forceId, caseId, body],
    });
    ctx.status = 201;
    ctx.body = { id, cursor: String(rows[0].seq), caseId, kind: 'text', author: { type: 'victim' }, body, sentAt: rows[0].created_at, readAt: null };
  });
  return listen(app.callback());
}

async function victimPortal() {
  const { startServer } = await import('@victim-portal/server');
  // As in production: one JSON line per request, written synchronously, here to /dev/null.
  const logStream = pino.destination({ dest: '/dev/null', sync: true });
  const server = await startServer({ port: 0, databaseUrl, migrate: false, logStream });
  return server.url;
}

const start = { 'bare-post': barePost, 'pg-insert': pgInsert, 'victim-portal': victimPortal }[target];
if (!start) {
  process.stderr.write(`unknown target ${target}\n`);
  process.exit(2);
}
const url = await start();
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => process.exit(0));
