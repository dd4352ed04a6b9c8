import type { Context } from 'koa';
import type { CaseRights, CaseStage, Language } from '@victim-portal/contract';
import { auditActions } from '../../audit/audit-log.js';
import type { VictimCaller } from '../../auth/credentials.js';
import { requestConcernsForce } from '../../http/cors.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { victimsCode } from '../../content/victims-code.js';
import { rightToReviewFor } from './right-to-review.js';
import { stageOf } from './stage.js';
import { findVictimCase, victimCaseAudit, type VictimWho } from './victim-case.js';

/** @returns the signed-in victim making the request */
export function victimWhoOf(ctx: Context): VictimWho {
  const caller = ctx.state['caller'] as VictimCaller;
  return {
    sessionTokenHash: caller.sessionTokenHash,
    requestId: ctx.state['requestId'] as string | undefined,
    onSession: (forceId) => requestConcernsForce(ctx, { id: forceId }),
  };
}

/** @returns the `lang` query parameter (already checked against the contract), if given */
export function langOf(ctx: Context): Language | undefined {
  return ctx.query['lang'] as Language | undefined;
}

/** The Victims' Code for anyone, and the rights of a victim's case. */
export function rightsOperations({ db, activity }: AppServices): OperationHandlers {
  return {
    getVictimsCode: async (ctx) => {
      ctx.body = victimsCode(langOf(ctx) ?? 'en', ctx.query['stage'] as CaseStage | undefined);
    },
    getMyRights: async (ctx) => {
      const { caseId } = (ctx as unknown as { params: { caseId: string } }).params;
      const who = victimWhoOf(ctx);
      const found = await findVictimCase(db, activity, who, caseId);
      const stage = stageOf(found.status);
      const rightToReview = await rightToReviewFor(db, found.forceId, found.caseId);
      await activity.record(
        { audit: victimCaseAudit(found, who.requestId, auditActions.rightsRead, "victim viewed their rights under the Victims' Code") },
        ...(found.touchSessionId ? [{ touchSessionId: found.touchSessionId }] : []),
      );
      ctx.body = { stage, code: victimsCode(langOf(ctx) ?? found.language, stage), rightToReview } satisfies CaseRights;
    },
  };
}
