import type { InviteChallengeRequest, InviteRedemption, SignInLinkRequest, VictimSession } from '@victim-portal/contract';
import { hashToken } from '../../auth/tokens.js';
import { requestConcernsForce } from '../../http/cors.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { normaliseContact, redeemWithAnswer, sendSignInLink, startChallenge } from './store.js';

/** A victim signs in: invite plus second factor, or a new sign-in link for a returning victim. */
export function signInOperations({ db, sessionPolicy, rateLimits, background, notificationQueued }: AppServices): OperationHandlers {
  return {
    startInviteChallenge: async (ctx) => {
      await rateLimits.consume('signInByAddress', ctx.ip);
      const { token } = ctx.request.body as InviteChallengeRequest;
      const { challenge, codeQueued } = await startChallenge(
        db,
        token,
        ctx.state['requestId'] as string,
        (inviteId) => rateLimits.consume('codesPerInvite', inviteId),
        (forceId) => requestConcernsForce(ctx, { id: forceId }),
      );
      if (codeQueued) notificationQueued();
      ctx.body = challenge;
    },
    redeemInvite: async (ctx) => {
      await rateLimits.consume('signInByAddress', ctx.ip);
      const { token, answer } = ctx.request.body as InviteRedemption;
      // Keyed by the token's hash, as stored: the raw token goes no further than this handler.
      await rateLimits.consume('redeemPerInvite', hashToken(token));
      try {
        const signedIn = await redeemWithAnswer(db, token, answer, sessionPolicy, ctx.state['requestId'] as string, (forceId) => requestConcernsForce(ctx, { id: forceId }));
        const session: VictimSession = {
          sessionToken: signedIn.sessionToken,
          expiresAt: signedIn.expiresAt.toISOString(),
          idleExpiresAt: signedIn.idleExpiresAt.toISOString(),
          idleTimeoutSeconds: sessionPolicy.idleTimeoutSeconds,
        };
        ctx.status = 201;
        ctx.body = session;
      } finally {
        // A lock may have queued an alert to the force.
        notificationQueued();
      }
    },
    requestSignInLink: async (ctx) => {
      const { force, contact } = ctx.request.body as SignInLinkRequest;
      // By the slug alone, never the contact: the answer is the same for every contact.
      requestConcernsForce(ctx, { slug: force });
      await rateLimits.consume('signInByAddress', ctx.ip);
      // Per contact, whether or not it is known, so the limit itself reveals nothing; keyed by
      // the contact as stored, so that typing a number another way ("07700 900123",
      // "+447700900123") does not open a fresh allowance of texts to the same phone.
      const limitedContact = normaliseContact(contact)?.value ?? contact.trim().toLowerCase();
      await rateLimits.consume('linksPerContact', hashToken(`${force}:${limitedContact}`));
      const requestId = ctx.state['requestId'] as string;
      background.run(async () => {
        if (await sendSignInLink(db, force, contact, requestId)) notificationQueued();
      });
      ctx.status = 202;
      ctx.body = { status: 'accepted' };
    },
  };
}
