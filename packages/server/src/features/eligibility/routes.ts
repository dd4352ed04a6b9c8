import type { EligibilityRules } from '@victim-portal/contract';
import { forceActorOf } from '../../auth/credentials.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { eligibilityRulesOf, replaceEligibilityRules } from './store.js';

/** Which of the force's cases get an invite. */
export function eligibilityOperations({ db }: AppServices): OperationHandlers {
  return {
    getEligibilityRules: async (ctx) => {
      ctx.body = await eligibilityRulesOf(db, forceActorOf(ctx).forceId);
    },
    putEligibilityRules: async (ctx) => {
      ctx.body = await replaceEligibilityRules(db, forceActorOf(ctx), ctx.request.body as EligibilityRules);
    },
  };
}
