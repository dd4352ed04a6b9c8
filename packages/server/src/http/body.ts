import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { problem } from './problem.js';
import type { OperationSpec } from './validation.js';

/** Bodies above this are refused with a 413 before they are read in full. */
export const bodyLimitBytes = 64 * 1024;

const parseJson = bodyParser({
  enableTypes: ['json'],
  jsonLimit: bodyLimitBytes,
  // Only an object or array at the top level; co-body's parser refuses __proto__ keys.
  jsonStrict: true,
  // Errors carry a status (400 malformed, 413 too large) that toProblem maps to a problem.
  onError: (error) => {
    throw error;
  },
});

/**
 * Reads a JSON request body for operations that take one: 415 unless the body is declared as
 * application/json, 413 over 64 KB, 400 when it is not JSON. Operations without a body skip it.
 */
export function jsonBody(spec: OperationSpec): Middleware {
  if (spec.bodyMediaTypes.length === 0) return (_ctx, next) => next();
  return async (ctx, next) => {
    // A declared length over the limit is refused without reading the body at all.
    if (ctx.request.length !== undefined && ctx.request.length > bodyLimitBytes) {
      throw problem('payloadTooLarge', `The request body is larger than ${bodyLimitBytes / 1024} KB.`);
    }
    // No body at all is left to validation, which says a body is required.
    const mediaType = ctx.is(...spec.bodyMediaTypes);
    if (mediaType === null || ctx.request.length === 0) return next();
    if (mediaType === false) {
      throw problem('unsupportedMediaType', `Send the request body with Content-Type: ${spec.bodyMediaTypes.join(' or ')}.`);
    }
    await parseJson(ctx, next);
  };
}
