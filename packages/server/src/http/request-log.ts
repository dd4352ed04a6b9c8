import type { Middleware } from 'koa';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { FaultLogger } from './problem.js';
import { currentRequestId } from './request-id.js';

/**
 * Keys whose values are personal data or credentials wherever they turn up in a logged object:
 * contacts, names, tokens and keys, message bodies, crime reports, raw requests. Redacted at the
 * top level and two levels down.
 */
export const redactedKeys = [
  // Credentials
  'token', 'sessionToken', 'inviteToken', 'apiKey', 'secret', 'webhookSecret', 'password', 'answer', 'oneTimeCode', 'inviteLink', 'link', 'authorization', 'cookie',
  // Contacts and who someone is
  'contact', 'email', 'mobile', 'phone', 'to', 'postcode', 'address', 'dateOfBirth', 'givenName', 'familyName', 'displayName', 'fullName', 'victim', 'officer', 'officerInCharge',
  // What people wrote, and what happened to them
  'body', 'text', 'note', 'messageText', 'crimeReference', 'offence', 'crimeReport', 'report', 'account', 'location', 'payload', 'notification',
  // Raw requests: a URL or query can carry any of the above
  'headers', 'url', 'query', 'querystring',
] as const;

// At the top level `name`, `message` and `code` are a fault's own fields (an error's class name,
// our fixed text, an error code); below it they may be a person's name or a database's message.
const nestedOnlyKeys = ['name', 'message'] as const;

const redactPaths = [
  ...redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...nestedOnlyKeys.flatMap((key) => [`*.${key}`, `*.*.${key}`]),
];

/** An error logged as `err`: its class and code only. Messages can quote SQL values or contacts. */
function errorWithoutDetail(error: unknown): { type: string; code?: string } {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const { name, code } = error as { name?: unknown; code?: unknown };
  return { type: typeof name === 'string' ? name : 'Error', ...(typeof code === 'string' ? { code } : {}) };
}

/**
 * A JSON-lines logger for the service. What it writes is chosen field by field (see
 * requestLog and faultLogger), never a request or an error object, so personal data cannot
 * slip in; the configuration below is a second line should someone log an object later:
 * redaction of personal keys (redactedKeys), errors reduced to class and code, and an Error
 * logged on its own given its class name as the message. Every line written while a request's
 * work runs carries its requestId (http/request-id.ts).
 * @param destination where the lines go (a file, stdout, a test's capture)
 * @returns a pino logger
 */
export function createLogger(destination: DestinationStream, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'victim-portal' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: errorWithoutDetail },
      // A new object each time: pino merges the line's own fields into it.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      hooks: {
        // pino would use an Error's message as the line's message.
        logMethod(args, method) {
          const [first, second] = args as unknown[];
          if (first instanceof Error && typeof second !== 'string') {
            method.apply(this, [{ err: first }, first.name] as unknown as Parameters<typeof method>);
            return;
          }
          method.apply(this, args);
        },
      },
    },
    destination,
  );
}

interface RoutedContext {
  routerName?: string;
  routerPath?: string;
}

/**
 * One line per request: its id, the operation and route template it matched, status and
 * duration. Never the URL as sent (a path can carry a crime reference or a case id, a query
 * anything), no headers (credentials), no body, no client address.
 */
export function requestLog(logger: Logger): Middleware {
  // The line's fields are fixed above and none is a redacted path, so the redaction (a
  // second line for objects logged later) is skipped here: it was three quarters of the cost
  // of a line (about 7 µs of 9), per request. Faults and anything else still go through `logger`.
  const lines = logger.child({}, { redact: [] });
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const routed = ctx as unknown as RoutedContext;
      lines.info(
        {
          requestId: ctx.state['requestId'] as string | undefined,
          method: ctx.method,
          operation: routed.routerName ?? null,
          route: routed.routerPath ?? '(unrouted)',
          status: ctx.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  };
}

/**
 * @returns a fault logger that writes faults as error lines of this logger. A fault reported
 *   without a request id (background work) gets the id of the request that started the work.
 */
export function faultLogger(logger: Logger): FaultLogger {
  return ({ requestId, ...fault }) => logger.error(requestId === undefined ? fault : { requestId, ...fault }, 'fault');
}
