import { isProblem, problemTypes } from '@victim-portal/sdk';
import type { InviteProblem } from './sign-in-view.js';

/**
 * @returns what was wrong with the invite, from the service's problem, or undefined when the
 * failure was not about the invite (offline, a fault of the service, a rate limit) and is
 * worth retrying
 */
export function inviteProblemOf(error: unknown): InviteProblem | undefined {
  if (!isProblem(error)) return undefined;
  if (error.type === problemTypes.inviteUsed || error.status === 409) return 'used';
  if (error.type === problemTypes.inviteExpired || error.status === 410) return 'expired';
  if (error.type === problemTypes.inviteLocked || error.status === 423) return 'locked';
  // A token the contract rejects outright (invalid-request) is as unusable as an unknown one.
  if (error.type === problemTypes.inviteInvalid || error.status === 400) return 'invalid';
  return undefined;
}

/** @returns whether the service asked us to slow down (429) */
export function isRateLimited(error: unknown): boolean {
  return isProblem(error) && (error.type === problemTypes.rateLimited || error.status === 429);
}

/** @returns whether the second-factor answer was wrong (422, with tries left) */
export function isWrongAnswer(error: unknown): boolean {
  return isProblem(error) && (error.type === problemTypes.secondFactorIncorrect || error.status === 422);
}
