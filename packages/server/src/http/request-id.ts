import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { tokenPrefixes } from '../auth/tokens.js';

// A caller's own request id is kept so that logs join up across systems, but only if it is
// short and plain: it is echoed in a header and written to logs.
const acceptable = /^[A-Za-z0-9._:-]{8,64}$/;
// Nor one that is one of our credentials, sent there by mistake: it would be logged.
const credential = new RegExp(`^(${Object.values(tokenPrefixes).join('|')})`, 'i');

const current = new AsyncLocalStorage<{ requestId: string }>();

/**
 * @returns the id of the request whose work is running now (its handler, and anything it
 *   started, such as background work after the response), if any: every log line carries it
 */
export function currentRequestId(): string | undefined {
  return current.getStore()?.requestId;
}

/** Gives every request an id, in `ctx.state.requestId` and the `X-Request-Id` response header. */
export function requestId(): Middleware {
  return async (ctx, next) => {
    const offered = ctx.get('X-Request-Id');
    const id = acceptable.test(offered) && !credential.test(offered) ? offered : randomUUID();
    ctx.state['requestId'] = id;
    ctx.set('X-Request-Id', id);
    await current.run({ requestId: id }, next);
  };
}
