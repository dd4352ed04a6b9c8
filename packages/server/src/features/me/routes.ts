import type { VictimCaseList } from '@victim-portal/contract';
import type { Context } from 'koa';
import { unauthenticated, type VictimCaller } from '../../auth/credentials.js';
import { requestConcernsForce } from '../../http/cors.js';
import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { keepSessionAlive, listMyCasesForVictim, readMyCaseForVictim, signOutVictim, type VictimRequest } from './store.js';

/** @returns the signed-in victim's request, for the stores of what a victim reads */
export function victimOf(ctx: Context): VictimRequest {
  const caller = ctx.state['caller'] as VictimCaller;
  return {
    sessionTokenHash: caller.sessionTokenHash,
    requestId: ctx.state['requestId'] as string | undefined,
    sessionFound: (forceId) => requestConcernsForce(ctx, { id: forceId }),
  };
}

/** What a signed-in victim can see, and signing out. */
export function meOperations({ db, activity }: AppServices): OperationHandlers {
  return {
    listMyCases: async (ctx) => {
      const cases = await listMyCasesForVictim(db, activity, victimOf(ctx));
      if (cases === 'signed_out') throw unauthenticated();
      ctx.body = { items: cases } satisfies VictimCaseList;
    },
    getMyCase: async (ctx) => {
      const { caseId } = (ctx as unknown as { params: { caseId: string } }).params;
      const found = await readMyCaseForVictim(db, activity, victimOf(ctx), caseId);
      if (found === 'signed_out') throw unauthenticated();
      // Another victim's case answers exactly like one that does not exist: 404, not 403.
      if (!found) throw problem('notFound', 'You have no case with this id.');
      ctx.body = found;
    },
    getMySession: async (ctx) => {
      const session = await keepSessionAlive(db, victimOf(ctx));
      if (session === 'signed_out') throw unauthenticated();
      ctx.body = session;
    },
    signOut: async (ctx) => {
      if (!(await signOutVictim(db, victimOf(ctx)))) throw unauthenticated();
      ctx.status = 204;
    },
  };
}
