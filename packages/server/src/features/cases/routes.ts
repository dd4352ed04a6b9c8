import type { CaseCreate, CaseUpdate } from '@victim-portal/contract';
import { forceActorOf } from '../../auth/credentials.js';
import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { createCase, readCaseForForce, updateCase } from './store.js';

function caseIdOf(ctx: unknown): string {
  return (ctx as { params: { caseId: string } }).params.caseId;
}

/** Records systems create the force's cases, read them back and keep them up to date. */
export function caseOperations({ db, activity, notificationQueued }: AppServices): OperationHandlers {
  return {
    createCase: async (ctx) => {
      const { created, invited } = await createCase(db, forceActorOf(ctx), ctx.request.body as CaseCreate);
      if (invited) notificationQueued();
      ctx.status = 201;
      ctx.set('Location', `/v1/cases/${created.id}`);
      ctx.body = created;
    },
    getCase: async (ctx) => {
      const found = await readCaseForForce(db, activity, forceActorOf(ctx), caseIdOf(ctx));
      // Another force's case answers exactly like one that does not exist.
      if (!found) throw problem('notFound', 'The force has no case with this id.');
      ctx.body = found;
    },
    updateCase: async (ctx) => {
      const result = await updateCase(db, forceActorOf(ctx), caseIdOf(ctx), ctx.request.body as CaseUpdate);
      if (!result) throw problem('notFound', 'The force has no case with this id.');
      if (result.invited) notificationQueued();
      ctx.body = result.updated;
    },
  };
}
