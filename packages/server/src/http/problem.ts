import type { Context, Middleware } from 'koa';
import { problemTypes, type Problem, type ProblemType } from '@victim-portal/contract';

export type ProblemKind = keyof typeof problemTypes;
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

// One title per kind: titles name the kind of problem and never change with the request;
// `detail` says what went wrong this time.
const titles: Record<ProblemKind, readonly [number, string]> = {
  invalidRequest: [400, 'The request does not match the API contract'],
  unauthenticated: [401, 'Sign-in needed'],
  notFound: [404, 'Not found'],
  methodNotAllowed: [405, 'Method not allowed'],
  crimeReferenceExists: [409, 'Crime reference already used'],
  inviteUsed: [409, 'Invite already used'],
  inviteExpired: [410, 'Invite expired'],
  inviteInvalid: [400, 'Invite not recognised'],
  inviteLocked: [423, 'Invite locked'],
  inviteNotOpen: [409, 'No open invite'],
  caseNotEligible: [409, 'Case not eligible for an invite'],
  secondFactorIncorrect: [422, 'Answer did not match'],
  rateLimited: [429, 'Too many attempts'],
  payloadTooLarge: [413, 'Request body too large'],
  unsupportedMediaType: [415, 'Request body must be JSON'],
  unknownOfficer: [422, 'Unknown officer'],
  idempotencyKeyReused: [422, 'Idempotency key already used for another request'],
  idempotencyKeyInUse: [409, 'The first request with this idempotency key is still running'],
  messageIdReused: [409, 'Message id already used'],
  notAllowedToReply: [422, 'This officer cannot reply on this case'],
  timeInFuture: [422, 'Time is in the future'],
  timeBeforeEvent: [422, 'Time is before the event'],
  invalidPeriod: [422, 'Invalid period'],
  duplicateCrimeTypeGroup: [422, 'Crime-type group keys must be unique'],
  channelUnavailable: [422, 'No contact details for that channel'],
  unknownSupportService: [422, 'Unknown support service'],
  referralsNotAccepted: [422, 'The service takes no referrals'],
  notReady: [503, 'Not ready to take requests'],
  internal: [500, 'Something went wrong on our side'],
};

export interface ProblemOptions {
  errors?: ProblemFieldError[];
  headers?: Record<string, string>;
  /** For a wrong second-factor answer: tries left before the invite locks. */
  attemptsLeft?: number;
}

/** An error that the problem middleware turns into an RFC 9457 response. */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: ProblemType;
  readonly title: string;
  readonly errors: ProblemFieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly attemptsLeft: number | undefined;
  // Koa convention: an error whose message may be shown to the caller.
  readonly expose = true;

  constructor(kind: ProblemKind, detail: string, options: ProblemOptions = {}) {
    super(detail);
    const [status, title] = titles[kind];
    this.name = 'ProblemError';
    this.status = status;
    this.type = problemTypes[kind];
    this.title = title;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.attemptsLeft = options.attemptsLeft;
  }
}

/**
 * @param kind which stable problem type
 * @param detail what went wrong with this request, in plain words (never personal data)
 * @returns an error to throw from any middleware or handler
 */
export function problem(kind: ProblemKind, detail: string, options?: ProblemOptions): ProblemError {
  return new ProblemError(kind, detail, options);
}

/** Write a problem as the response. */
export function sendProblem(ctx: Context, error: ProblemError): void {
  const body: Problem = { type: error.type, title: error.title, status: error.status, detail: error.message };
  if (error.errors) body.errors = error.errors;
  if (error.attemptsLeft !== undefined) body.attemptsLeft = error.attemptsLeft;
  const requestId = ctx.state['requestId'];
  if (typeof requestId === 'string') body.requestId = requestId;
  for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
  ctx.status = error.status;
  ctx.type = 'application/problem+json';
  ctx.body = JSON.stringify(body);
}

interface ErrorWithStatus {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  code?: unknown;
}

/** Map errors thrown by libraries (body parser, router, database) to problems. */
export function toProblem(error: unknown): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, type, code } = error as ErrorWithStatus;
  const httpStatus = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
  if (httpStatus === 413 || type === 'entity.too.large') return problem('payloadTooLarge', 'The request body is larger than 64 KB.');
  if (httpStatus === 415) return problem('unsupportedMediaType', 'Send the request body as application/json.');
  if (httpStatus === 400 || type === 'entity.parse.failed') return problem('invalidRequest', 'The request body is not valid JSON.', { errors: [{ pointer: '/', detail: 'is not valid JSON' }] });
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) return problem('invalidRequest', 'The request could not be read.');
  // SQLSTATE class 22 is "data exception": a value the contract let through but PostgreSQL
  // cannot store (a NUL character, a year out of range). The caller's input, so a 400.
  if (typeof code === 'string' && code.startsWith('22')) return problem('invalidRequest', 'A value in the request cannot be stored.');
  return undefined;
}

/** Logs a fault without personal data: no bodies, no SQL parameters, no database detail. */
export type FaultLogger = (fault: { requestId: string | undefined; method: string; route: string; name: string; code: string | undefined; message: string }) => void;

/**
 * The outermost error boundary: every failure leaves as a problem, and unexpected ones as a
 * 500 that says nothing about the fault beyond its request id.
 */
export function problemResponses(logFault: FaultLogger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const known = toProblem(error);
      if (known) {
        sendProblem(ctx, known);
        return;
      }
      const fault = error instanceof Error ? error : new Error(String(error));
      const code = (fault as { code?: unknown }).code;
      logFault({
        requestId: ctx.state['requestId'] as string | undefined,
        method: ctx.method,
        route: (ctx as { routerPath?: string }).routerPath ?? '(unrouted)',
        name: fault.name,
        code: typeof code === 'string' ? code : undefined,
        // Database messages can quote values ("Key (email)=(…)"), so only our own are logged.
        message: fault instanceof ProblemError ? fault.message : 'unexpected fault',
      });
      sendProblem(ctx, problem('internal', 'Please try again. If it keeps happening, quote the request id.'));
    }
  };
}
