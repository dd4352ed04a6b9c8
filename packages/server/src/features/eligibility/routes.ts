import type { EligibilityRules } from '@victim-portal/contract';
import { forceActorOf } from '../../auth/credentials.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { reevaluateForceCases } from '../cases/store.js';
import { eligibilityRulesOf, replaceEligibilityRules } from './store.js';

/** Which of the force's cases get an invite, and which their victims may see. */
export function eligibilityOperations({ db, notificationQueued }: AppServices): OperationHandlers {
  return {
    getEligibilityRules: async (ctx) => {
      ctx.body = await eligibilityRulesOf(db, forceActorOf(ctx).forceId);
    },
    putEligibilityRules: async (ctx) => {
      const actor = forceActorOf(ctx);
      const rules = ctx.request.body as EligibilityRules;
      // One transaction: the new rules, and every case of the force judged under them.
      const invited = await db.transaction(async (trx) => {
        await replaceEligibilityRules(trx, actor, rules);
        return reevaluateForceCases(trx, actor, rules);
      });
      if (invited > 0) notificationQueued();
      ctx.body = rules;
    },
  };
}
