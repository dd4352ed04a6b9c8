import type { Knex } from 'knex';

/**
 * A SQL statement written with named parameters (`:caseId`), turned into positional
 * (`$1`) form once, when the module loads, rather than on every request.
 */
export interface Statement {
  /** Unique name: PostgreSQL keeps the parsed statement per connection under it. */
  readonly name: string;
  readonly text: string;
  readonly parameters: readonly string[];
}

/** @returns a statement ready for {@link runStatement} */
export function statement(name: string, sql: string): Statement {
  const parameters: string[] = [];
  // `::type` casts are left alone; `:name` becomes `$n`, the same n each time a name repeats.
  const text = sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_match, parameter: string) => {
    let index = parameters.indexOf(parameter);
    if (index === -1) index = parameters.push(parameter) - 1;
    return `$${index + 1}`;
  });
  return { name, text, parameters };
}

interface QueryConnection {
  query(config: { name: string; text: string; values: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement on a connection from knex's own pool, skipping knex's query builder: on
 * PostgreSQL as a named prepared statement (parsed and planned once per connection), on
 * PGlite as a plain parameterised query. For the hot paths; everything else uses knex.
 * @returns the rows
 */
export async function runStatement<Row>(db: Knex, sql: Statement, values: Record<string, unknown>): Promise<Row[]> {
  const ordered = sql.parameters.map((parameter) => {
    if (!(parameter in values)) throw new Error(`statement ${sql.name} needs :${parameter}`);
    return values[parameter];
  });
  const connection = (await db.client.acquireConnection()) as QueryConnection;
  try {
    const isPglite = typeof (connection as { exec?: unknown }).exec === 'function';
    const result = isPglite
      ? await connection.query(sql.text, ordered)
      : await connection.query({ name: sql.name, text: sql.text, values: ordered });
    return result.rows as Row[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}
