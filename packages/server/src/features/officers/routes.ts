import type { OfficerAbsenceUpdate, OfficerTokenRequest, OfficerUpsert } from '@victim-portal/contract';
import { forceActorOf } from '../../auth/credentials.js';
import type { AppServices } from '../../services.js';
import type { OperationHandlers } from '../../http/operations.js';
import { mintOfficerToken } from './officer-tokens.js';
import { clearOfficerAbsence, putOfficerAbsence, saveOfficerByCollarNumber } from './store.js';

function collarNumberOf(ctx: unknown): string {
  return (ctx as { params: { collarNumber: string } }).params.collarNumber;
}

/** Records systems keep the force's officers in step, by collar number, and mint their tokens. */
export function officerOperations({ db }: AppServices): OperationHandlers {
  return {
    putOfficer: async (ctx) => {
      ctx.body = await saveOfficerByCollarNumber(db, forceActorOf(ctx), collarNumberOf(ctx), ctx.request.body as OfficerUpsert);
    },
    putOfficerAbsence: async (ctx) => {
      ctx.body = await putOfficerAbsence(db, forceActorOf(ctx), collarNumberOf(ctx), ctx.request.body as OfficerAbsenceUpdate);
    },
    clearOfficerAbsence: async (ctx) => {
      await clearOfficerAbsence(db, forceActorOf(ctx), collarNumberOf(ctx));
      ctx.status = 204;
    },
    mintOfficerToken: async (ctx) => {
      ctx.status = 201;
      ctx.body = await mintOfficerToken(db, forceActorOf(ctx), ctx.request.body as OfficerTokenRequest);
    },
  };
}
