import type { ForceSettingsUpdate } from '@victim-portal/contract';
import { forceActorOf } from '../../auth/credentials.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { changeForceSettings, forceSettingsOf } from './store.js';
import { rotateWebhookSecret } from './webhook-secret.js';

/** The force's own portal settings, and the secret that signs its webhooks. */
export function forceSettingsOperations({ db, originsChanged, notificationQueued }: AppServices): OperationHandlers {
  return {
    getForceSettings: async (ctx) => {
      ctx.body = await forceSettingsOf(db, forceActorOf(ctx).forceId);
    },
    updateForceSettings: async (ctx) => {
      const change = ctx.request.body as ForceSettingsUpdate;
      ctx.body = await changeForceSettings(db, forceActorOf(ctx), change);
      if (change.allowedOrigins !== undefined) originsChanged();
      // Webhooks that waited for a URL may be due now.
      if (change.webhookUrl) notificationQueued();
    },
    rotateWebhookSecret: async (ctx) => {
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await rotateWebhookSecret(db, forceActorOf(ctx));
      notificationQueued();
    },
  };
}
