import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';

// A caller's own request id is kept so that logs join up across systems, but only if it is
// short and plain: it is echoed in a header and written to logs.
const acceptable = /^[A-Za-z0-9._:-]{8,64}$/;

/** Gives every request an id, in `ctx.state.requestId` and the `X-Request-Id` response header. */
export function requestId(): Middleware {
  return async (ctx, next) => {
    const offered = ctx.get('X-Request-Id');
    const id = acceptable.test(offered) ? offered : randomUUID();
    ctx.state['requestId'] = id;
    ctx.set('X-Request-Id', id);
    await next();
  };
}
