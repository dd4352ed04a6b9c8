import type { CrimeTypeGroup, ForceSettingsUpdate } from '@victim-portal/contract';
import { otherCrimeTypeGroup } from '../../content/crime-type-groups.js';
import { forceActorOf } from '../../auth/credentials.js';
import type { OperationHandlers } from '../../http/operations.js';
import { problem } from '../../http/problem.js';
import type { AppServices } from '../../services.js';
import { changeForceSettings, forceSettingsOf } from './store.js';
import { rotateWebhookSecret } from './webhook-secret.js';

/**
 * The usage report keys its crime-type groups by `key` (and the CSV's rows too), so two groups
 * with one key would merge; `other` is the report's own group for cases that match none.
 */
function refuseDuplicateGroupKeys(groups: CrimeTypeGroup[] | undefined): void {
  const seen = new Set<string>([otherCrimeTypeGroup.key]);
  groups?.forEach((group, index) => {
    if (seen.has(group.key)) {
      const detail = group.key === otherCrimeTypeGroup.key
        ? '`other` is the report\'s group for cases that match none of the force\'s groups: give the group another key.'
        : `Two crime-type groups have the key \`${group.key}\`: each group needs its own.`;
      throw problem('duplicateCrimeTypeGroup', detail, { errors: [{ pointer: `/crimeTypeGroups/${index}/key`, detail: 'is already used' }] });
    }
    seen.add(group.key);
  });
}

/** The force's own portal settings, and the secret that signs its webhooks. */
export function forceSettingsOperations({ db, originsChanged, notificationQueued }: AppServices): OperationHandlers {
  return {
    getForceSettings: async (ctx) => {
      ctx.body = await forceSettingsOf(db, forceActorOf(ctx).forceId);
    },
    updateForceSettings: async (ctx) => {
      const change = ctx.request.body as ForceSettingsUpdate;
      refuseDuplicateGroupKeys(change.crimeTypeGroups);
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
