import type { Knex } from 'knex';
import type { EligibilityRules } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import { defaultEligibilityRules } from './rules.js';

/** @returns the force's rules, or the defaults while it has not set its own */
export async function eligibilityRulesOf(db: Knex | Knex.Transaction, forceId: string): Promise<EligibilityRules> {
  const row = await db('forces').select<{ eligibility_rules: EligibilityRules | null }[]>('eligibility_rules').where({ id: forceId }).first();
  return row?.eligibility_rules ?? defaultEligibilityRules;
}

/** Replace the force's rules; they apply to cases created or changed from now on. */
export async function replaceEligibilityRules(
  db: Knex,
  who: { forceId: string; apiKeyId: string; requestId: string | undefined },
  rules: EligibilityRules,
): Promise<EligibilityRules> {
  return db.transaction(async (trx) => {
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
  });
}
