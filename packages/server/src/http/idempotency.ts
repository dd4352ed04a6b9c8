import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Context, Middleware } from 'koa';
import type { OperationId } from '@victim-portal/contract';
import { problem, sendProblem, toProblem } from './problem.js';

/** The request header (draft-ietf-httpapi-idempotency-key-header), as Node gives it. */
export const idempotencyKeyHeader = 'idempotency-key';

/** How long a key is remembered; after that the same key starts a new request. */
const keptSeconds = 24 * 60 * 60;
/**
 * A claim with no outcome after this long belongs to an instance that died mid-request (its
 * requests time out long before): another request with the key may take it over.
 */
const abandonedAfterSeconds = 60;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The operations whose contract parameters include the `Idempotency-Key` header, read from the
 * contract itself so that an operation given the header there gets the behaviour here.
 * @returns their operationIds
 */
export function operationsTakingIdempotencyKey(document: Readonly<Record<string, unknown>>): Set<OperationId> {
  const resolve = (value: unknown): unknown => {
    let current = value;
    for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string' && hops < 10; hops++) {
      const pointer = current['$ref'].replace(/^#\//, '').split('/');
      current = pointer.reduce<unknown>((node, segment) => (isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), document);
    }
    return current;
  };
  const found = new Set<OperationId>();
  const paths = isObject(document['paths']) ? document['paths'] : {};
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) continue;
    const shared = Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : [];
    for (const operation of Object.values(pathItem)) {
      if (!isObject(operation) || typeof operation['operationId'] !== 'string') continue;
      const own = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
      const takesKey = [...shared, ...own].map(resolve).some((p) => isObject(p) && p['in'] === 'header' && String(p['name']).toLowerCase() === idempotencyKeyHeader);
      if (takesKey) found.add(operation['operationId'] as OperationId);
    }
  }
  return found;
}

/** How often one process deletes a force's expired keys, at most. */
const pruneEverySeconds = 10 * 60;
const lastPruned = new Map<string, number>();

/**
 * Delete the force's keys older than 24 h (they would only be overwritten otherwise, so the
 * table would grow with every keyed POST). Runs after a keyed request of that force, at most
 * every 10 minutes per force and process, in batches of 1000; scoped to the one force.
 * @returns how many were deleted
 */
export async function pruneExpiredKeys(db: Knex, forceId: string, now = Date.now()): Promise<number> {
  const last = lastPruned.get(forceId);
  if (last !== undefined && now - last < pruneEverySeconds * 1000) return 0;
  lastPruned.set(forceId, now);
  // Raw SQL: knex's delete count is not portable to PGlite's driver.
  const { rows } = await db.raw<{ rows: unknown[] }>(
    `delete from idempotency_keys where force_id = ? and key in (
       select key from idempotency_keys where force_id = ? and created_at < now() - cast(? as integer) * interval '1 second' limit 1000)
     returning 1`,
    [forceId, forceId, keptSeconds],
  );
  return rows.length;
}

/** JSON with object keys sorted, so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** @returns a hash of what makes two requests "the same": the path parameters and the body */
function requestHash(ctx: Context): string {
  const params = (ctx as unknown as { params?: Record<string, string> }).params ?? {};
  return createHash('sha256').update(canonical({ params, body: ctx.request.body ?? null })).digest('base64url');
}

interface KeyRow {
  operation: string;
  request_hash: string;
  status: number | null;
  response_headers: Record<string, string> | null;
  response_body: unknown;
}

/**
 * Take the key for this request: a new key, one older than 24 h, or an abandoned claim.
 * @returns the claim's token (its created_at, exactly), or undefined when another holds the key
 */
async function claim(db: Knex, forceId: string, key: string, operation: string, hash: string): Promise<string | undefined> {
  const { rows } = await db.raw<{ rows: { claimed: string }[] }>(
    `insert into idempotency_keys as k (force_id, key, operation, request_hash) values (?, ?, ?, ?)
     on conflict (force_id, key) do update
       set operation = excluded.operation, request_hash = excluded.request_hash, created_at = clock_timestamp(),
           status = null, response_headers = null, response_body = null
       where k.created_at < now() - cast(? as integer) * interval '1 second'
          or (k.status is null and k.created_at < now() - cast(? as integer) * interval '1 second')
     returning k.created_at::text as claimed`,
    [forceId, key, operation, hash, keptSeconds, abandonedAfterSeconds],
  );
  return rows[0]?.claimed;
}

function replay(ctx: Context, row: KeyRow): void {
  for (const [name, value] of Object.entries(row.response_headers ?? {})) ctx.set(name, value);
  ctx.set('Idempotent-Replayed', 'true');
  ctx.status = row.status as number;
  if (row.response_body === null || row.response_body === undefined) return;
  let body = row.response_body;
  // A stored problem names the request it answered; this answer is to another request.
  if (isObject(body) && typeof body['requestId'] === 'string' && typeof ctx.state['requestId'] === 'string') body = { ...body, requestId: ctx.state['requestId'] };
  ctx.body = JSON.stringify(body);
}

/** What the handler added to the response (Location, Content-Type…), not what was there before. */
function headersSetSince(before: Set<string>, ctx: Context): Record<string, string> {
  const added: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (before.has(name) || value === undefined || name === 'content-length') continue;
    added[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return added;
}

function storedBody(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') {
    try {
      return JSON.stringify(JSON.parse(body));
    } catch {
      return JSON.stringify(body);
    }
  }
  return JSON.stringify(body);
}

/**
 * Idempotency-Key for one operation (draft-ietf-httpapi-idempotency-key-header), per force:
 * the first request with a key runs and its outcome is stored; a retry with the same key and
 * the same request gets that outcome again (`Idempotent-Replayed: true`) and changes nothing;
 * the key on another request is a 422; while the first still runs, a 409 with Retry-After.
 * 5xx outcomes are not stored, so the retry runs. Runs after authentication and validation.
 */
export function idempotencyKeys(db: Knex, operationId: OperationId): Middleware {
  return async (ctx, next) => {
    const key = ctx.get(idempotencyKeyHeader);
    const forceId = (ctx.state['caller'] as { forceId?: string } | undefined)?.forceId;
    if (!key || !forceId) return next();
    const hash = requestHash(ctx as Context);
    let claimed: string | undefined;
    // Twice at most: a key released (5xx) between the claim and the read is free again.
    for (let tries = 0; tries < 2 && !claimed; tries++) {
      claimed = await claim(db, forceId, key, operationId, hash);
      if (claimed) break;
      const row = await db('idempotency_keys')
        .select<KeyRow[]>('operation', 'request_hash', 'status', 'response_headers', 'response_body')
        .where({ force_id: forceId, key })
        .first();
      if (!row) continue;
      if (row.operation !== operationId || row.request_hash !== hash) {
        throw problem('idempotencyKeyReused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
      }
      if (row.status === null) {
        throw problem('idempotencyKeyInUse', 'The first request with this Idempotency-Key is still running. Send it again shortly to get its response.', { headers: { 'Retry-After': '1' } });
      }
      replay(ctx as Context, row);
      return;
    }
    if (!claimed) throw problem('idempotencyKeyInUse', 'The request with this Idempotency-Key is changing hands. Send it again shortly.', { headers: { 'Retry-After': '1' } });

    const mine = db('idempotency_keys').where({ force_id: forceId, key }).whereRaw('created_at = cast(? as timestamptz)', [claimed]);
    const before = new Set(Object.keys(ctx.response.headers));
    try {
      await next();
    } catch (error) {
      const known = toProblem(error);
      if (!known || known.status >= 500) {
        await mine.clone().delete();
        throw error;
      }
      // A refusal (404, 409 crime reference used…) is the outcome too: a retry gets it again.
      sendProblem(ctx as Context, known);
    }
    if (ctx.status >= 500) {
      await mine.clone().delete();
      return;
    }
    await mine.clone().update({ status: ctx.status, response_headers: JSON.stringify(headersSetSince(before, ctx as Context)), response_body: storedBody(ctx.body) });
    await pruneExpiredKeys(db, forceId);
  };
}
