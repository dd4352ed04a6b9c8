import type { Knex } from 'knex';

/**
 * CREATE INDEX CONCURRENTLY, so that a deployment with a year of rows keeps taking writes while
 * it builds (the migration must have `config = { transaction: false }`). A build cut off
 * part-way leaves an invalid index of its name, which is dropped and built again here.
 */
export async function createIndexConcurrently(db: Knex, name: string, definition: string): Promise<void> {
  const { rows } = await db.raw<{ rows: unknown[] }>(
    `select 1 from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ? and not i.indisvalid`,
    [name],
  );
  if (rows.length > 0) await db.raw(`drop index concurrently if exists ${name}`);
  await db.raw(`create index concurrently if not exists ${name} on ${definition}`);
}
