import type { OfficerUpsert } from '@victim-portal/contract';
import type { ForceCaller } from '../../auth/credentials.js';
import type { AppServices } from '../../services.js';
import type { OperationHandlers } from '../../http/operations.js';
import { saveOfficerByCollarNumber } from './store.js';

/** Records systems keep the force's officers in step, by collar number. */
export function officerOperations({ db }: AppServices): OperationHandlers {
  return {
    putOfficer: async (ctx) => {
      const caller = ctx.state['caller'] as ForceCaller;
      const { collarNumber } = (ctx as unknown as { params: { collarNumber: string } }).params;
      ctx.body = await saveOfficerByCollarNumber(
        db,
        { forceId: caller.forceId, apiKeyId: caller.apiKeyId, requestId: ctx.state['requestId'] as string },
        collarNumber,
        ctx.request.body as OfficerUpsert,
      );
    },
  };
}
