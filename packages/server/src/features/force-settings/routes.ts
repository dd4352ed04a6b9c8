import type { ForceSettingsUpdate } from '@victim-portal/contract';
import { forceActorOf } from '../../auth/credentials.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { changeForceSettings, forceSettingsOf } from './store.js';

/** The force's own portal settings. */
export function forceSettingsOperations({ db, originsChanged }: AppServices): OperationHandlers {
  return {
    getForceSettings: async (ctx) => {
      ctx.body = await forceSettingsOf(db, forceActorOf(ctx).forceId);
    },
    updateForceSettings: async (ctx) => {
      const change = ctx.request.body as ForceSettingsUpdate;
      ctx.body = await changeForceSettings(db, forceActorOf(ctx), change);
      if (change.allowedOrigins !== undefined) originsChanged();
    },
  };
}
