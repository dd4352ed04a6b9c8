import type { CaseEventCreate, CaseEventList, CaseEventType, EventWordingList, EventWordingUpdate, Language, TellingRecord } from '@victim-portal/contract';
import type { Context } from 'koa';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import { forceActorOf, unauthenticated, type ForceActor } from '../../auth/credentials.js';
import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { victimOf } from '../me/routes.js';
import { createCaseEvent, listCaseEvents, recordVictimTold } from './events-store.js';
import { readMyCrimeReport, readMyTimeline } from './my-timeline.js';
import { listEventWording, saveEventWording } from './wording.js';

function paramsOf(ctx: Context): { caseId: string; eventId: string; eventType: CaseEventType } {
  return (ctx as unknown as { params: { caseId: string; eventId: string; eventType: CaseEventType } }).params;
}

const noCase = () => problem('notFound', 'The force has no case with this id.');
const noVictimCase = () => problem('notFound', 'You have no case with this id.');

function forceAudit(actor: ForceActor, action: typeof auditActions.eventWordingRead | typeof auditActions.eventWordingChanged, reason: string) {
  return { forceId: actor.forceId, actorType: 'force_api_key' as const, actorId: actor.apiKeyId, action, subjectType: 'force' as const, subjectId: actor.forceId, reason, requestId: actor.requestId };
}

/** The case timeline: events and their Victims' Code deadlines, their wording, and the victim's view. */
export function timelineOperations({ db, activity }: AppServices): OperationHandlers {
  return {
    createCaseEvent: async (ctx) => {
      const event = await createCaseEvent(db, forceActorOf(ctx), paramsOf(ctx).caseId, ctx.request.body as CaseEventCreate);
      if (!event) throw noCase();
      ctx.status = 201;
      ctx.set('Location', `/v1/cases/${event.caseId}/events/${event.id}`);
      ctx.body = event;
    },
    listCaseEvents: async (ctx) => {
      const events = await listCaseEvents(db, activity, forceActorOf(ctx), paramsOf(ctx).caseId);
      if (!events) throw noCase();
      ctx.body = { items: events } satisfies CaseEventList;
    },
    recordVictimTold: async (ctx) => {
      const { caseId, eventId } = paramsOf(ctx);
      const event = await recordVictimTold(db, forceActorOf(ctx), caseId, eventId, ctx.request.body as TellingRecord);
      if (!event) throw problem('notFound', 'The force has no such event on a case with this id.');
      ctx.body = event;
    },
    getEventWording: async (ctx) => {
      const actor = forceActorOf(ctx);
      const items = await listEventWording(db, actor.forceId);
      await activity.record({ audit: forceAudit(actor, auditActions.eventWordingRead, 'records system read the event wording') });
      ctx.body = { items } satisfies EventWordingList;
    },
    putEventWording: async (ctx) => {
      const actor = forceActorOf(ctx);
      const { eventType } = paramsOf(ctx);
      const change = ctx.request.body as EventWordingUpdate;
      ctx.body = await db.transaction(async (trx) => {
        const saved = await saveEventWording(trx, actor.forceId, eventType, change);
        const languages = Object.entries(change).map(([language, wording]) => `${language} ${wording === null ? 'back to standard' : 'set'}`);
        await recordAudit(trx, forceAudit(actor, auditActions.eventWordingChanged, `${eventType} wording: ${languages.join(', ')}`));
        return saved;
      });
    },
    getMyTimeline: async (ctx) => {
      const lang = ctx.query['lang'] as Language | undefined;
      const timeline = await readMyTimeline(db, activity, victimOf(ctx), paramsOf(ctx).caseId, lang);
      if (timeline === 'signed_out') throw unauthenticated();
      if (!timeline) throw noVictimCase();
      ctx.body = timeline;
    },
    getMyCrimeReport: async (ctx) => {
      const report = await readMyCrimeReport(db, activity, victimOf(ctx), paramsOf(ctx).caseId);
      if (report === 'signed_out') throw unauthenticated();
      if (!report) throw noVictimCase();
      ctx.body = report;
    },
  };
}
