// The usage report bench's data: a year of a large force and a smaller neighbour on one
// PostgreSQL, seeded by the demo's own generator (packages/server/src/demo/seed-usage.ts) from
// the build, set-based. A force already seeded (BENCH_KEEP=1 on an earlier run) is reused.
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dist = `${repoRoot}packages/server/dist`;

/** The forces the bench seeds: the one measured, and a neighbour sharing the tables. */
export function benchForces({ cases, neighbourCases }) {
  return [
    { slug: 'bench-usage-large', name: 'Largeshire Police (bench)', cases, referencePrefix: 'LG/', victimRefPrefix: 'LG-', officerPrefix: 'LG', officers: 400 },
    { slug: 'bench-usage-neighbour', name: 'Smallshire Police (bench)', cases: neighbourCases, referencePrefix: 'SM/', victimRefPrefix: 'SM-', officerPrefix: 'SM', officers: 80 },
  ].filter((force) => force.cases > 0);
}

/**
 * Migrate, then seed each force's year unless it has cases already; a fresh API key each time
 * (only hashes are stored, so an earlier run's key cannot be read back).
 * @returns each force's id, API key and, when seeded now, the generator's counts
 */
export async function seedBenchForces(databaseUrl, forces, days) {
  const { createDatabase, migrateToLatest } = await import(`${dist}/index.js`);
  const { saveForce, issueApiKey } = await import(`${dist}/features/forces/store.js`);
  const { seedUsageHistory } = await import(`${dist}/demo/seed-usage.js`);
  const db = createDatabase({ databaseUrl, poolSize: 2 });
  try {
    await migrateToLatest(db);
    const seeded = [];
    for (const [index, force] of forces.entries()) {
      const forceId = await saveForce(db, { name: force.name, slug: force.slug, portalUrl: 'https://force.example/portal', senderName: force.name });
      const { apiKey, apiKeyId } = await issueApiKey(db, forceId, 'usage report bench');
      const existing = await db('cases').first('id').where({ force_id: forceId });
      const counts = existing
        ? undefined
        : await seedUsageHistory(db, {
            forceId,
            apiKeyId,
            cases: force.cases,
            days,
            referencePrefix: force.referencePrefix,
            victimRefPrefix: force.victimRefPrefix,
            officerPrefix: force.officerPrefix,
            officers: force.officers,
            // A large force leaves a few duties untold: the report's overdue ones.
            untoldShare: 0.02,
            randomSeed: 0.1 + index / 10,
            workMem: '256MB',
          });
      seeded.push({ ...force, forceId, apiKey, counts });
    }
    // As autovacuum would have left a year of inserts: statistics, and pages marked all-visible
    // (so that index-only scans need not visit the table).
    await db.raw('vacuum analyze');
    return seeded;
  } finally {
    await db.destroy();
  }
}

/** @returns the force's rows per table, counted in the database (reused forces included) */
export async function rowsOfForce(client, forceId, from, to) {
  const tables = ['cases', 'victims', 'invites', 'sessions', 'messages', 'case_events', 'outbox', 'audit_log'];
  const counts = {};
  for (const table of tables) {
    const { rows } = await client.query(`select count(*)::int as n from ${table} where force_id = $1`, [forceId]);
    counts[table] = rows[0].n;
  }
  const { rows } = await client.query(
    `select count(*)::int as n from audit_log where force_id = $1 and occurred_at >= $2::date and occurred_at < $3::date + 1`,
    [forceId, from, to],
  );
  counts.auditInPeriod = rows[0].n;
  return counts;
}
