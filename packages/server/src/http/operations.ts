import Router from '@koa/router';
import type { Knex } from 'knex';
import type { Context, Middleware } from 'koa';
import type { OperationId } from '@victim-portal/contract';
import { authenticate } from '../auth/credentials.js';
import { jsonBody } from './body.js';
import { idempotencyKeys } from './idempotency.js';
import { problem } from './problem.js';
import type { ContractValidator, OperationSpec } from './validation.js';

/** Answers one operation of the contract; runs after authentication and validation. */
export type OperationHandler = (ctx: Context) => Promise<void>;
export type OperationHandlers = Partial<Record<OperationId, OperationHandler>>;

function validateRequest(validator: ContractValidator, spec: OperationSpec): Middleware {
  return async (ctx, next) => {
    const errors = validator.validateRequest(spec.operationId, {
      path: (ctx as unknown as { params: Record<string, string> }).params,
      query: ctx.query,
      header: ctx.headers,
      body: ctx.request.body,
    });
    if (errors.length > 0) {
      const first = errors[0];
      const summary = first ? `${first.pointer} ${first.detail}` : 'invalid';
      throw problem('invalidRequest', `The request does not match the contract: ${summary}.`, { errors });
    }
    await next();
  };
}

export interface ContractRouterOptions {
  /** Operations that honour an `Idempotency-Key` header (see idempotency.ts). */
  idempotent?: ReadonlySet<OperationId>;
}

/**
 * A router with every operation of the contract, each behind the same steps: credential
 * (from the operation's `security`), JSON body, contract validation, the Idempotency-Key
 * (where the contract takes one), then its handler. Refuses to build unless every operation
 * has exactly one handler, so the service cannot quietly lag behind the contract.
 */
export function contractRouter(db: Knex, validator: ContractValidator, handlers: OperationHandlers, options: ContractRouterOptions = {}): Router {
  const router = new Router();
  const missing = [...validator.operations.keys()].filter((id) => !handlers[id]);
  const unknown = Object.keys(handlers).filter((id) => !validator.operations.has(id as OperationId));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`The service does not match the contract. Missing: ${missing.join(', ') || 'none'}. Not in the contract: ${unknown.join(', ') || 'none'}.`);
  }
  for (const spec of validator.operations.values()) {
    const handler = handlers[spec.operationId] as OperationHandler;
    const steps: Middleware[] = [authenticate(db, spec.security), jsonBody(spec), validateRequest(validator, spec)];
    if (options.idempotent?.has(spec.operationId)) steps.push(idempotencyKeys(db, spec.operationId));
    router.register(
      spec.routerPath,
      [spec.method.toUpperCase()],
      [...steps, (ctx) => handler(ctx as unknown as Context)],
      { name: spec.operationId },
    );
  }
  return router;
}

/** After every router: a known path with the wrong method is a 405, anything else a 404. */
export function notFoundOrWrongMethod(routers: Router[]): Middleware {
  return async (ctx) => {
    const allowed = new Set<string>();
    for (const router of routers) {
      for (const layer of router.match(ctx.path, ctx.method).path) for (const method of layer.methods) allowed.add(method);
    }
    if (allowed.size > 0) {
      throw problem('methodNotAllowed', `${ctx.method} is not allowed here. Allowed: ${[...allowed].join(', ')}.`, { headers: { Allow: [...allowed].join(', ') } });
    }
    throw problem('notFound', 'There is nothing at this address.');
  };
}
