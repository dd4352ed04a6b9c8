import type { Knex } from 'knex';
import type { EligibilityRules } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import { defaultEligibilityRules } from './rules.js';

/**
 * @param options.lock in a transaction that judges cases: hold the force's row FOR SHARE, so a
 *   PUT of the rules waits for it to commit (and it waits for a PUT in progress), and no case
 *   is ever judged under rules that a concurrent PUT is replacing. Take it before locking a case.
 * @returns the force's rules, or the defaults while it has not set its own
 */
export async function eligibilityRulesOf(db: Knex | Knex.Transaction, forceId: string, options: { lock?: boolean } = {}): Promise<EligibilityRules> {
  const query = db('forces').select<{ eligibility_rules: EligibilityRules | null }[]>('eligibility_rules').where({ id: forceId });
  const row = await (options.lock ? query.forShare() : query).first();
  return row?.eligibility_rules ?? defaultEligibilityRules;
}

/**
 * Replace the force's rules, in the caller's transaction, which then judges the force's cases
 * again (cases/store.ts, reevaluateForceCases). The UPDATE locks the force's row until commit.
 */
export async function replaceEligibilityRules(
  trx: Knex.Transaction,
  who: { forceId: string; apiKeyId: string; requestId: string | undefined },
  rules: EligibilityRules,
): Promise<EligibilityRules> {
  await trx('forces').where({ id: who.forceId }).update({ eligibility_rules: JSON.stringify(rules) });
  await recordAudit(trx, {
    forceId: who.forceId,
    actorType: 'force_api_key',
    actorId: who.apiKeyId,
    action: auditActions.eligibilityRulesReplaced,
    subjectType: 'force',
    subjectId: who.forceId,
    reason: 'records system replaced the eligibility rules',
    requestId: who.requestId,
  });
  return rules;
}
