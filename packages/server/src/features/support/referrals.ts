import type { Knex } from 'knex';
import type { Language, SupportReferral, VictimSupportService } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { problem } from '../../http/problem.js';
import { enqueueWebhook } from '../../outbox/webhooks.js';
import { queueDueSoonWarning } from '../duties/due-soon.js';
import { victimCaseAudit, type VictimCase } from '../rights/victim-case.js';
import { addWorkingDays } from '../timeline/working-days.js';
import { listServices, type SupportServiceRow } from './directory.js';
import { serviceFits } from './fit.js';

/** Right 4: the force refers the victim within 2 working days of their asking. */
export const referralWorkingDays = 2;

/** Clocks differ a little between the records system and us: a referral this far ahead is not "in the future". */
const clockSkewMs = 60_000;

interface ReferralRow {
  id: string;
  case_id: string;
  service_id: string;
  service_key: string;
  service_name: string;
  requested_at: Date;
  due_by: Date;
  referred_at: Date | null;
}

function toSupportReferral(row: ReferralRow): SupportReferral {
  return {
    id: row.id,
    caseId: row.case_id,
    serviceKey: row.service_key,
    serviceName: row.service_name,
    requestedAt: row.requested_at.toISOString(),
    dueBy: row.due_by.toISOString(),
    referredAt: row.referred_at?.toISOString() ?? null,
  };
}

/** @returns the case's referral requests, oldest first, with their services' keys and names */
function referralsOf(db: Knex | Knex.Transaction, forceId: string, caseId: string) {
  return db('support_referrals as r')
    .join('support_services as s', function () {
      this.on('s.force_id', 'r.force_id').andOn('s.id', 'r.service_id');
    })
    .where({ 'r.force_id': forceId, 'r.case_id': caseId })
    .orderBy([{ column: 'r.requested_at' }, { column: 'r.id' }])
    .select<ReferralRow[]>('r.id', 'r.case_id', 'r.service_id', 's.key as service_key', 's.name as service_name', 'r.requested_at', 'r.due_by', 'r.referred_at');
}

const inLanguage = (text: { en: string; cy?: string }, language: Language) => (language === 'cy' ? text.cy ?? text.en : text.en);

/**
 * The force's services that fit the victim's case, in their language, each with the referral
 * they asked for if any.
 */
export async function servicesForVictim(db: Knex, found: VictimCase, language: Language): Promise<VictimSupportService[]> {
  const [services, referrals] = await Promise.all([listServices(db, found.forceId), referralsOf(db, found.forceId, found.caseId)]);
  const referralByService = new Map(referrals.map((row) => [row.service_id, toSupportReferral(row)]));
  return services
    .filter((service) => serviceFits(service.helps, found))
    .map((service) => ({
      key: service.key,
      name: service.name,
      description: inLanguage(service.description, language),
      contact: service.contact,
      openingHours: service.opening_hours,
      openingNotes: service.opening_notes ? inLanguage(service.opening_notes, language) : null,
      acceptsReferrals: service.accepts_referrals,
      referral: referralByService.get(service.id) ?? null,
    }));
}

/**
 * The victim asks to be referred to a service that fits their case and takes referrals. The
 * request, its audit row, the `support.referral_requested` webhook and the warning before its
 * deadline commit together. Asking again returns the first request.
 * @returns the referral, and whether it was made now (false: they had asked before)
 */
export async function requestReferral(db: Knex, found: VictimCase, serviceKey: string, requestId: string | undefined): Promise<{ referral: SupportReferral; created: boolean }> {
  return db.transaction(async (trx) => {
    const service = await trx('support_services').where({ force_id: found.forceId, key: serviceKey }).first<SupportServiceRow | undefined>();
    const earlier = service && (await referralsOf(trx, found.forceId, found.caseId).where('r.service_id', service.id))[0];
    const audit = victimCaseAudit(found, requestId, auditActions.supportReferralRequested, `victim asked to be referred to support service ${serviceKey}`);
    if (earlier) {
      await recordAudit(trx, { ...audit, reason: `victim asked again to be referred to support service ${serviceKey}` });
      return { referral: toSupportReferral(earlier), created: false };
    }
    if (!service || service.withdrawn_at || !serviceFits(service.helps, found)) {
      throw problem('unknownSupportService', 'There is no support service with this key for this case.');
    }
    if (!service.accepts_referrals) throw problem('referralsNotAccepted', 'This service takes no referrals from the force: contact it directly.');
    const requestedAt = new Date();
    const dueBy = addWorkingDays(requestedAt, referralWorkingDays);
    // A concurrent identical request loses the insert and answers with the winner's referral.
    const [inserted] = await trx('support_referrals')
      .insert({ force_id: found.forceId, case_id: found.caseId, service_id: service.id, requested_at: requestedAt, due_by: dueBy })
      .onConflict(['force_id', 'case_id', 'service_id'])
      .ignore()
      .returning<{ id: string }[]>('id');
    const [row] = await referralsOf(trx, found.forceId, found.caseId).where('r.service_id', service.id);
    const referral = toSupportReferral(row as ReferralRow);
    if (!inserted) {
      await recordAudit(trx, { ...audit, reason: `victim asked again to be referred to support service ${serviceKey}` });
      return { referral, created: false };
    }
    await recordAudit(trx, audit);
    await enqueueWebhook(trx, found.forceId, {
      type: 'support.referral_requested',
      timestamp: requestedAt.toISOString(),
      data: { caseId: found.caseId, crimeReference: found.crimeReference, referral },
    });
    await queueDueSoonWarning(trx, { forceId: found.forceId, caseId: found.caseId, dueBy, referralId: referral.id });
    return { referral, created: true };
  });
}

/** @returns false when the force has no such case */
async function forceHasCase(db: Knex | Knex.Transaction, forceId: string, caseId: string): Promise<boolean> {
  return Boolean(await db('cases').where({ force_id: forceId, id: caseId }).first('id'));
}

/** @returns the case's referral requests, oldest first, or undefined when the force has no such case */
export async function referralsForForce(db: Knex, actor: ForceActor, caseId: string): Promise<SupportReferral[] | undefined> {
  return db.transaction(async (trx) => {
    if (!(await forceHasCase(trx, actor.forceId, caseId))) return undefined;
    const rows = await referralsOf(trx, actor.forceId, caseId);
    await recordAudit(trx, {
      forceId: actor.forceId, actorType: 'force_api_key', actorId: actor.apiKeyId, action: auditActions.supportReferralsListed,
      subjectType: 'case', subjectId: caseId, reason: "records system listed the victim's support referrals", requestId: actor.requestId,
    });
    return rows.map(toSupportReferral);
  });
}

/**
 * The force made the referral. Only the first record counts: a second returns the referral
 * unchanged. Throws 404 for a referral not of this case and force, 422 for a time in the
 * future or before the victim asked.
 * @returns the referral as now stored
 */
export async function recordReferralMade(db: Knex, actor: ForceActor, caseId: string, referralId: string, referredAt: Date): Promise<SupportReferral> {
  return db.transaction(async (trx) => {
    const referral = await trx('support_referrals').where({ force_id: actor.forceId, case_id: caseId, id: referralId }).forUpdate().first<{ requested_at: Date; referred_at: Date | null } | undefined>('requested_at', 'referred_at');
    if (!referral) throw problem('notFound', 'This case has no referral request with this id.');
    if (referredAt.getTime() > Date.now() + clockSkewMs) throw problem('timeInFuture', 'referredAt is in the future.');
    if (referredAt < referral.requested_at) throw problem('timeBeforeEvent', 'referredAt is before the victim asked to be referred.');
    if (!referral.referred_at) {
      await trx('support_referrals').where({ force_id: actor.forceId, id: referralId }).update({ referred_at: referredAt });
      await recordAudit(trx, {
        forceId: actor.forceId, actorType: 'force_api_key', actorId: actor.apiKeyId, action: auditActions.supportReferralMade,
        subjectType: 'case', subjectId: caseId, reason: 'records system recorded a support referral made', requestId: actor.requestId,
      });
    }
    const [row] = await referralsOf(trx, actor.forceId, caseId).where('r.id', referralId);
    return toSupportReferral(row as ReferralRow);
  });
}
