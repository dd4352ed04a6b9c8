import { forceActorOf } from '../../auth/credentials.js';
import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { loadForceCase, settleInvite } from '../cases/store.js';
import { eligibilityRulesOf } from '../eligibility/store.js';
import { invitingForce, latestCaseInvite, resendOpenInvite, revokeUnusedInvites, toInviteOutcome } from './store.js';

function caseIdOf(ctx: unknown): string {
  return (ctx as { params: { caseId: string } }).params.caseId;
}

const noCase = () => problem('notFound', 'The force has no case with this id.');
const notOpen = () => problem('inviteNotOpen', 'The case has no open invite (it was used, has expired, was locked or withdrawn). Reissue it instead.');

/** A records system manages a case's invite: send it again, replace it, or stop it working. */
export function inviteOperations({ db, notificationQueued }: AppServices): OperationHandlers {
  return {
    resendInvite: async (ctx) => {
      const actor = forceActorOf(ctx);
      const outcome = await db.transaction(async (trx) => {
        const found = await loadForceCase(trx, actor.forceId, caseIdOf(ctx));
        if (!found) throw noCase();
        const resent = await resendOpenInvite(trx, await invitingForce(trx, actor.forceId), found.id, found, { type: 'force_api_key', id: actor.apiKeyId, requestId: actor.requestId });
        if (!resent) throw notOpen();
        return resent;
      });
      notificationQueued();
      ctx.body = outcome;
    },
    reissueInvite: async (ctx) => {
      const actor = forceActorOf(ctx);
      const outcome = await db.transaction(async (trx) => {
        // The rules' lock before any invite row, as every transaction that judges a case takes
        // them, so a concurrent PUT of the rules waits rather than deadlocks.
        await eligibilityRulesOf(trx, actor.forceId, { lock: true });
        const found = await loadForceCase(trx, actor.forceId, caseIdOf(ctx));
        if (!found) throw noCase();
        await revokeUnusedInvites(trx, actor.forceId, found.id, { type: 'force_api_key', id: actor.apiKeyId, requestId: actor.requestId }, 'records system reissued the invite');
        // settleInvite sends a new one only if the case is eligible now.
        const reloaded = await loadForceCase(trx, actor.forceId, found.id);
        if (!reloaded || !(await settleInvite(trx, actor, reloaded, { alwaysSend: true }))) {
          const reason = reloaded ? (await loadForceCase(trx, actor.forceId, found.id))?.not_invited_reason : undefined;
          throw problem('caseNotEligible', `The case does not meet the force's eligibility rules (${reason ?? 'unknown'}), so no invite can be issued.`);
        }
        const invite = await latestCaseInvite(trx, actor.forceId, found.id);
        if (!invite) throw new Error('the new invite could not be read back');
        return toInviteOutcome(invite);
      });
      notificationQueued();
      ctx.status = 201;
      ctx.body = outcome;
    },
    revokeInvite: async (ctx) => {
      const actor = forceActorOf(ctx);
      ctx.body = await db.transaction(async (trx) => {
        const found = await loadForceCase(trx, actor.forceId, caseIdOf(ctx));
        if (!found) throw noCase();
        const open = await latestCaseInvite(trx, actor.forceId, found.id);
        if (!open || open.status !== 'pending') throw notOpen();
        await revokeUnusedInvites(trx, actor.forceId, found.id, { type: 'force_api_key', id: actor.apiKeyId, requestId: actor.requestId }, 'records system revoked the invite', 'revoked_by_force');
        return toInviteOutcome({ ...open, status: 'revoked' });
      });
    },
  };
}
