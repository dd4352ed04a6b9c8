import type { ForceMessageCreate, ForceReadReceiptCreate, MessageCreate, ReadReceiptCreate, UpdateRequestCreate } from '@victim-portal/contract';
import type { Knex } from 'knex';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import type { Context } from 'koa';
import { forceActorOf, officerActorOf, type VictimCaller } from '../../auth/credentials.js';
import { requestConcernsForce } from '../../http/cors.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { listOfficerCases } from './officer-inbox.js';
import { forceAccess, officerAccess, victimAccess, type ThreadAccess } from './thread-access.js';
import { markThreadRead, readThreadPage, sendToThread, type NewMessage } from './thread-store.js';

function caseIdOf(ctx: Context): string {
  return (ctx as unknown as { params: { caseId: string } }).params.caseId;
}

function pageOf(ctx: Context): { after?: string; limit?: number } {
  // Validated against the contract already, which may have coerced `limit` to a number.
  const { after, limit } = ctx.query as Record<string, unknown>;
  return { after: typeof after === 'string' ? after : undefined, limit: limit === undefined ? undefined : Number(limit) };
}

function victimAt(db: Knex, activity: ActivityRecorder, ctx: Context): Promise<ThreadAccess> {
  const caller = ctx.state['caller'] as VictimCaller;
  return victimAccess(
    db,
    activity,
    { sessionTokenHash: caller.sessionTokenHash, requestId: ctx.state['requestId'] as string | undefined, onSession: (forceId) => requestConcernsForce(ctx, { id: forceId }) },
    caseIdOf(ctx),
  );
}

/**
 * The thread of a case from its three sides: the records system (force key), the officer
 * widget (officer token) and the victim (session). Sends answer 201, or 200 for a retry.
 */
export function messageOperations({ db, activity }: AppServices): OperationHandlers {
  const send = async (ctx: Context, access: ThreadAccess, message: NewMessage) => {
    const sent = await sendToThread(db, activity, access, message);
    ctx.status = sent.created ? 201 : 200;
    ctx.body = sent.message;
  };
  const victim = (ctx: Context) => victimAt(db, activity, ctx);
  return {
    listCaseMessages: async (ctx) => {
      ctx.body = await readThreadPage(db, activity, await forceAccess(db, forceActorOf(ctx), caseIdOf(ctx), 'list'), pageOf(ctx));
    },
    sendCaseMessage: async (ctx) => {
      const body = ctx.request.body as ForceMessageCreate;
      await send(ctx, await forceAccess(db, forceActorOf(ctx), caseIdOf(ctx), { collarNumber: body.collarNumber }), { id: body.id, kind: 'text', body: body.body });
    },
    markCaseMessagesRead: async (ctx) => {
      const body = ctx.request.body as ForceReadReceiptCreate;
      ctx.body = await markThreadRead(db, activity, await forceAccess(db, forceActorOf(ctx), caseIdOf(ctx), { collarNumber: body.collarNumber }), body.upTo);
    },
    listOfficerCases: async (ctx) => {
      ctx.body = await listOfficerCases(db, activity, officerActorOf(ctx));
    },
    listOfficerMessages: async (ctx) => {
      ctx.body = await readThreadPage(db, activity, await officerAccess(db, officerActorOf(ctx), caseIdOf(ctx)), pageOf(ctx));
    },
    sendOfficerMessage: async (ctx) => {
      const body = ctx.request.body as MessageCreate;
      await send(ctx, await officerAccess(db, officerActorOf(ctx), caseIdOf(ctx)), { id: body.id, kind: 'text', body: body.body });
    },
    markOfficerMessagesRead: async (ctx) => {
      const body = ctx.request.body as ReadReceiptCreate;
      ctx.body = await markThreadRead(db, activity, await officerAccess(db, officerActorOf(ctx), caseIdOf(ctx)), body.upTo);
    },
    listMyMessages: async (ctx) => {
      ctx.body = await readThreadPage(db, activity, await victim(ctx), pageOf(ctx));
    },
    sendMyMessage: async (ctx) => {
      const body = ctx.request.body as MessageCreate;
      await send(ctx, await victim(ctx), { id: body.id, kind: 'text', body: body.body });
    },
    requestUpdate: async (ctx) => {
      const body = ctx.request.body as UpdateRequestCreate;
      await send(ctx, await victim(ctx), { id: body.id, kind: 'update_request', body: body.note ?? null });
    },
    markMyMessagesRead: async (ctx) => {
      const body = ctx.request.body as ReadReceiptCreate;
      ctx.body = await markThreadRead(db, activity, await victim(ctx), body.upTo);
    },
  };
}
