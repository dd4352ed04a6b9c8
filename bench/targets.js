// The three HTTP servers that bench/case-read.js compares, one per child process, each pinned
// to one core by the parent. Run as: node bench/targets.js <bare|pg-join|victim-portal>
// with DATABASE_URL set. Prints one JSON line {"url": …} once it is listening.
import Koa from 'koa';
import pg from 'pg';
import { pino } from 'pino';
import { listen } from './support.js';

const target = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;

async function bare() {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { status: 'ok' };
  });
  return listen(app.callback());
}

// The reference point: a bare Koa route doing one prepared primary-key join with `pg`.
async function pgJoin() {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = new Koa();
  app.use(async (ctx) => {
    const caseId = ctx.path.split('/').pop();
    const { rows } = await pool.query({
      name: 'bench_case_join',
      text: `select c.id, c.crime_reference, c.offence_label, c.reported_at, c.reported_via, c.status,
                    o.display_name, o.rank, o.collar_number
             from cases c left join officers o on o.force_id = c.force_id and o.id = c.oic_officer_id
             where c.id = $1`,
      values: [caseId],
    });
    if (rows.length === 0) ctx.throw(404);
    ctx.body = rows[0];
  });
  return listen(app.callback());
}

async function victimPortal() {
  const { startServer } = await import('@victim-portal/server');
  // As in production (src/main.ts logs to stdout): one JSON line per request, written
  // synchronously like stdout to a file or pipe, here to /dev/null so the cost is counted.
  const logStream = pino.destination({ dest: '/dev/null', sync: true });
  const server = await startServer({ port: 0, databaseUrl, migrate: false, logStream });
  return server.url;
}

const start = { bare, 'pg-join': pgJoin, 'victim-portal': victimPortal }[target];
if (!start) {
  process.stderr.write(`unknown target ${target}\n`);
  process.exit(2);
}
const url = await start();
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => process.exit(0));
