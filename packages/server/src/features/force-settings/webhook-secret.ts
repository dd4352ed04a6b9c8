import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { WebhookSecret } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { wakeParkedWebhooks } from '../../outbox/webhooks.js';

/**
 * Give the force a new webhook signing secret (`whsec_` and 32 random bytes in base64, as
 * Standard Webhooks has it). The one it replaces keeps signing alongside for 24 hours (the
 * worker reads webhook_secret_rotated_at), so the records system can switch without a gap.
 * Webhooks that waited for a secret become due. Audited; the secret is shown only here.
 * @returns the new secret
 */
export async function rotateWebhookSecret(db: Knex, actor: ForceActor): Promise<WebhookSecret> {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  return db.transaction(async (trx) => {
    // RETURNING sees the new values: webhook_previous_secret is the secret just replaced.
    const { rows } = await trx.raw<{ rows: { rotated_at: Date; had_secret: boolean }[] }>(
      `update forces set webhook_previous_secret = webhook_secret, webhook_secret = ?, webhook_secret_rotated_at = now()
       where id = ?
       returning webhook_secret_rotated_at as rotated_at, webhook_previous_secret is not null as had_secret`,
      [secret, actor.forceId],
    );
    const [row] = rows;
    if (!row) throw new Error('the API key belongs to no force');
    await wakeParkedWebhooks(trx, actor.forceId);
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.webhookSecretRotated,
      subjectType: 'force',
      subjectId: actor.forceId,
      reason: row.had_secret ? 'records system rotated the webhook secret; the previous one signs for 24 hours more' : 'records system created the webhook secret',
      requestId: actor.requestId,
    });
    return { secret, createdAt: row.rotated_at.toISOString() };
  });
}
