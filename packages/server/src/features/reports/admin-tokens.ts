import type { Knex } from 'knex';
import type { AdminToken, AdminTokenRequest } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { generateToken, hashToken } from '../../auth/tokens.js';

/** The contract's default lifetime of an admin token: an hour (a dashboard session). */
export const defaultAdminTokenSeconds = 3600;

/**
 * Mint a short-lived token for a member of force staff to read the force's reports (the
 * dashboard's `getToken()`). Only its hash is stored, with the API key that minted it: revoking
 * the key ends its tokens. `name` stays in admin_tokens, where the audit rows' actor id (the
 * token's id) finds it, and out of the audit reason.
 * @returns the token, shown only this once
 */
export async function mintAdminToken(db: Knex, actor: ForceActor, request: AdminTokenRequest): Promise<AdminToken> {
  const ttlSeconds = request.ttlSeconds ?? defaultAdminTokenSeconds;
  return db.transaction(async (trx) => {
    const token = generateToken('forceAdminToken');
    const [stored] = await trx('admin_tokens')
      .insert({
        force_id: actor.forceId,
        api_key_id: actor.apiKeyId,
        name: request.name,
        token_hash: hashToken(token),
        expires_at: trx.raw("now() + ? * interval '1 second'", [ttlSeconds]),
      })
      .returning<{ id: string; expires_at: Date }[]>(['id', 'expires_at']);
    if (!stored) throw new Error('admin token insert returned no row');
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.adminTokenMinted,
      subjectType: 'admin_token',
      subjectId: stored.id,
      reason: `records system minted an admin token for ${ttlSeconds} s`,
      requestId: actor.requestId,
    });
    return { token, expiresAt: stored.expires_at.toISOString() };
  });
}
