import type { Context } from 'koa';
import type { ReferralMade, SupportReferralCreate, SupportReferralList, SupportServiceList, SupportServiceUpsert, VictimSupportServiceList } from '@victim-portal/contract';
import { auditActions } from '../../audit/audit-log.js';
import { forceActorOf } from '../../auth/credentials.js';
import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { langOf, victimWhoOf } from '../rights/routes.js';
import { findVictimCase, victimCaseAudit } from '../rights/victim-case.js';
import { listServices, saveService, toSupportService, withdrawService } from './directory.js';
import { recordReferralMade, referralsForForce, requestReferral, servicesForVictim } from './referrals.js';

const paramsOf = <Params>(ctx: Context) => (ctx as unknown as { params: Params }).params;

/** The force's directory of support services, what fits a victim's case, and referrals (Right 4). */
export function supportOperations({ db, activity, notificationQueued }: AppServices): OperationHandlers {
  return {
    listSupportServices: async (ctx) => {
      const rows = await listServices(db, forceActorOf(ctx).forceId);
      ctx.body = { items: rows.map(toSupportService) } satisfies SupportServiceList;
    },
    putSupportService: async (ctx) => {
      const { serviceKey } = paramsOf<{ serviceKey: string }>(ctx);
      ctx.body = await saveService(db, forceActorOf(ctx), serviceKey, ctx.request.body as SupportServiceUpsert);
    },
    deleteSupportService: async (ctx) => {
      const { serviceKey } = paramsOf<{ serviceKey: string }>(ctx);
      if (!(await withdrawService(db, forceActorOf(ctx), serviceKey))) throw problem('notFound', 'The directory has no support service with this key.');
      ctx.status = 204;
    },
    listMySupportServices: async (ctx) => {
      const { caseId } = paramsOf<{ caseId: string }>(ctx);
      const who = victimWhoOf(ctx);
      const found = await findVictimCase(db, activity, who, caseId);
      const items = await servicesForVictim(db, found, langOf(ctx) ?? found.language);
      await activity.record(
        { audit: victimCaseAudit(found, who.requestId, auditActions.supportServicesListed, 'victim viewed the support services for their case') },
        ...(found.touchSessionId ? [{ touchSessionId: found.touchSessionId }] : []),
      );
      ctx.body = { items } satisfies VictimSupportServiceList;
    },
    requestSupportReferral: async (ctx) => {
      const { caseId } = paramsOf<{ caseId: string }>(ctx);
      const who = victimWhoOf(ctx);
      const found = await findVictimCase(db, activity, who, caseId);
      const { serviceKey } = ctx.request.body as SupportReferralCreate;
      const { referral, created } = await requestReferral(db, found, serviceKey, who.requestId);
      if (found.touchSessionId) await activity.record({ touchSessionId: found.touchSessionId });
      if (created) notificationQueued();
      ctx.status = created ? 201 : 200;
      ctx.body = referral;
    },
    listCaseSupportReferrals: async (ctx) => {
      const { caseId } = paramsOf<{ caseId: string }>(ctx);
      const items = await referralsForForce(db, forceActorOf(ctx), caseId);
      if (!items) throw problem('notFound', 'The force has no case with this id.');
      ctx.body = { items } satisfies SupportReferralList;
    },
    recordReferralMade: async (ctx) => {
      const { caseId, referralId } = paramsOf<{ caseId: string; referralId: string }>(ctx);
      const { referredAt } = ctx.request.body as ReferralMade;
      ctx.body = await recordReferralMade(db, forceActorOf(ctx), caseId, referralId, new Date(referredAt));
    },
  };
}
