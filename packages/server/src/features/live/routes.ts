import type { Context } from 'koa';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import { unauthenticated, type OfficerCaller, type VictimCaller } from '../../auth/credentials.js';
import { requestConcernsForce } from '../../http/cors.js';
import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { casesVisibleTo, loadThreadEvents, type ThreadEventRecord } from '../messages/read-model.js';
import { EventStream } from './event-stream.js';
import { stillSignedIn, type StreamAudience } from './hub.js';

const replayPage = 500;
const maxSeq = 2n ** 63n - 1n;

/** @returns the Last-Event-ID to resume after, if the client sent one */
function lastEventIdOf(ctx: Context): string | undefined {
  const value = ctx.get('last-event-id');
  if (!value) return undefined;
  // The contract allows 19 digits; the sequence is a bigint.
  if (BigInt(value) > maxSeq) throw problem('invalidRequest', 'Last-Event-ID is not an event of this service.', { errors: [{ pointer: 'header/last-event-id', detail: 'is out of range' }] });
  return value;
}

/** Every event after `afterSeq` on these cases, oldest first, page by page. */
async function missedEvents(services: AppServices, forceId: string, caseIds: string[], afterSeq: string): Promise<ThreadEventRecord[]> {
  const all: ThreadEventRecord[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await loadThreadEvents(services.db, { forceId, caseIds, afterSeq: after, limit: replayPage });
    all.push(...page);
    const last = page.at(-1);
    if (page.length < replayPage || !last) return all;
    after = last.seq;
  }
}

/**
 * Answer with a live stream: audited, subscribed to the hub before the replay of what the
 * client missed (so nothing falls between them), then live until the credential stops working,
 * the client goes or the server closes. Reading it does not keep a victim's session alive.
 */
async function openStream(ctx: Context, services: AppServices, audience: StreamAudience, visibleCaseIds: string[], expiresAt?: Date): Promise<void> {
  const afterSeq = lastEventIdOf(ctx);
  const actorId = audience.kind === 'victim' ? audience.victimId : audience.officerId;
  await recordAudit(services.db, {
    forceId: audience.forceId,
    actorType: audience.kind,
    actorId,
    action: auditActions.streamOpened,
    subjectType: audience.kind,
    subjectId: actorId,
    reason: afterSeq ? `opened the live event stream, resuming after event ${afterSeq}` : 'opened the live event stream',
    requestId: ctx.state['requestId'] as string | undefined,
  });

  const timings = services.streamTimings;
  const stream = new EventStream(audience, timings, afterSeq);
  const unsubscribe = await services.live.subscribe(stream);
  stream.onEnded(unsubscribe);
  const every = (ms: number, task: () => void) => {
    const timer = setInterval(task, ms);
    timer.unref();
    stream.onEnded(() => clearInterval(timer));
  };
  every(timings.heartbeatMs, () => stream.keepAlive());
  every(timings.credentialCheckMs, () => {
    stillSignedIn(services.db, audience).then(
      (signedIn) => signedIn || stream.end('signed_out'),
      () => undefined,
    );
  });
  if (expiresAt) {
    const timer = setTimeout(() => stream.end('signed_out'), Math.max(0, expiresAt.getTime() - Date.now()));
    timer.unref();
    stream.onEnded(() => clearTimeout(timer));
  }
  ctx.req.on('close', () => stream.end('client_gone'));

  // Events go out as they are written: no Nagle delay, no idle timeout on an open stream.
  ctx.req.socket.setNoDelay(true);
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setKeepAlive(true);
  ctx.status = 200;
  ctx.type = 'text/event-stream';
  ctx.set('Cache-Control', 'no-store, no-transform');
  // nginx and some load balancers buffer responses unless told not to.
  ctx.set('X-Accel-Buffering', 'no');
  // The connection is not reused after a stream: so a closing server is not kept waiting for it.
  ctx.set('Connection', 'close');
  ctx.body = stream.body;

  if (!afterSeq) {
    stream.replayed([]);
    return;
  }
  missedEvents(services, audience.forceId, visibleCaseIds, afterSeq).then(
    (missed) => stream.replayed(missed),
    () => stream.end('failed'),
  );
}

/** Live thread events for signed-in victims and officers (Server-Sent Events). docs/live-updates.md */
export function liveOperations(services: AppServices): OperationHandlers {
  const { db } = services;
  return {
    streamMyEvents: async (ctx) => {
      const caller = ctx.state['caller'] as VictimCaller;
      const visible = await casesVisibleTo(db, { kind: 'victim', sessionTokenHash: caller.sessionTokenHash });
      if (visible === 'signed_out' || visible.kind !== 'victim') throw unauthenticated();
      requestConcernsForce(ctx, { id: visible.forceId });
      const audience: StreamAudience = { kind: 'victim', forceId: visible.forceId, victimId: visible.victimId, sessionTokenHash: caller.sessionTokenHash };
      await openStream(ctx, services, audience, visible.caseIds);
    },
    streamOfficerEvents: async (ctx) => {
      const caller = ctx.state['caller'] as OfficerCaller;
      const visible = await casesVisibleTo(db, { kind: 'officer', forceId: caller.forceId, officerId: caller.officerId, tokenId: caller.tokenId });
      if (visible === 'signed_out') throw unauthenticated();
      requestConcernsForce(ctx, { id: caller.forceId });
      const audience: StreamAudience = { kind: 'officer', forceId: caller.forceId, officerId: caller.officerId, tokenId: caller.tokenId };
      await openStream(ctx, services, audience, visible.caseIds, caller.expiresAt);
    },
  };
}
