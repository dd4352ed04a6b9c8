import type { Problem } from '@victim-portal/contract';

/** Problem type the SDK uses when no response arrived at all (offline, DNS, timeout). */
export const networkProblemType = 'urn:victim-portal:problem:network-error';

/**
 * The one error the SDK throws: an RFC 9457 problem from the service, or, with `status` 0,
 * a request that got no response. ky's own errors never reach callers.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: Problem['errors'];
  /** For a wrong second-factor answer: tries left before the invite locks. */
  readonly attemptsLeft: number | undefined;
  /** For rate-limited (429) answers: seconds to wait, from the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  /** @param problem the problem body as the service sent it (or as the SDK made it) */
  constructor(problem: Problem, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.errors = problem.errors;
    this.attemptsLeft = problem.attemptsLeft;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** @returns whether `value` is a ProblemError of the given problem `type` (if given). */
export function isProblem(value: unknown, type?: string): value is ProblemError {
  return value instanceof ProblemError && (type === undefined || value.type === type);
}
