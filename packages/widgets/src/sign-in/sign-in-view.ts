import type { SignInChallenge } from '@victim-portal/sdk';

/** Why nobody is signed in. */
export type SignedOutReason = 'not-yet' | 'signed-out' | 'session-ended' | 'timed-out';

/** What went wrong with an invite link, for good: only a new link helps. */
export type InviteProblem = 'invalid' | 'used' | 'expired' | 'locked';

/** A problem with what the victim typed: the message, and the id of the field to fix. */
export interface FieldError {
  message: string;
  field: string;
}

/** Where the sign-in is. Each change moves focus to the new screen's heading. */
export type SignInView =
  /** Before the element has looked at its invite. */
  | { name: 'starting' }
  /** No invite: how to get in, or why the victim was signed out. */
  | { name: 'welcome'; reason: SignedOutReason }
  | { name: 'checking-invite' }
  /** Asking for the second factor. `notice` says a new code was just sent. */
  | { name: 'challenge'; challenge: SignInChallenge; error?: FieldError; notice?: 'new-code'; busy?: boolean }
  | { name: 'invite-problem'; problem: InviteProblem }
  /** Rate-limited: wait this long (if the service said), then "Try again". */
  | { name: 'wait'; retryAfterSeconds: number | undefined }
  /** The service could not be reached or failed: "Try again" repeats what failed. */
  | { name: 'failed'; requestId: string | undefined }
  | { name: 'request-link'; error?: FieldError; busy?: boolean }
  /** The same answer whether or not the force holds that contact. */
  | { name: 'link-sent' }
  | { name: 'signed-in' }
  /** A quick exit was used: nothing is shown, and nothing that arrives afterwards is kept. */
  | { name: 'exited' };
