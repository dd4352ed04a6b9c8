import type { VictimCase } from '@victim-portal/sdk';
import type { SignedOutReason } from '../sign-in/sign-in-view.js';

/** Where the portal is. Each change of view moves focus to the new screen's heading. */
export type PortalView =
  /** Before the element has looked at the URL and storage. */
  | { name: 'starting' }
  /**
   * Nobody is signed in: `<vp-sign-in>` shows, with the invite from the link if there was one
   * (its own `view` says which sign-in screen), or why the victim was signed out.
   */
  | { name: 'sign-in'; reason: SignedOutReason; inviteToken?: string }
  | { name: 'busy'; task: 'getting-cases' }
  /** The service could not be reached or failed; "Try again" loads the cases again. */
  | { name: 'failed'; requestId: string | undefined }
  | { name: 'case-list'; cases: VictimCase[] }
  | { name: 'no-cases' }
  | { name: 'case'; victimCase: VictimCase; hasOtherCases: boolean }
  /** The quick exit was used: nothing is shown while the page is left. */
  | { name: 'exited' };
