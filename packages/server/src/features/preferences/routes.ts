import type { PreferencesUpdate } from '@victim-portal/contract';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { victimWhoOf } from '../rights/routes.js';
import { getPreferences, updatePreferences } from './store.js';

/** How and when the victim wants to hear from the force. */
export function preferencesOperations({ db, activity }: AppServices): OperationHandlers {
  return {
    getMyPreferences: async (ctx) => {
      ctx.body = await getPreferences(db, activity, victimWhoOf(ctx));
    },
    updateMyPreferences: async (ctx) => {
      ctx.body = await updatePreferences(db, activity, victimWhoOf(ctx), ctx.request.body as PreferencesUpdate);
    },
  };
}
