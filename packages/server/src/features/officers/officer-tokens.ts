import type { Knex } from 'knex';
import type { OfficerInCharge, OfficerToken, OfficerTokenRequest } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { generateToken, hashToken } from '../../auth/tokens.js';
import { problem } from '../../http/problem.js';
import { toOfficerInCharge } from './absence.js';
import { findOfficer } from './store.js';

/** The contract's default lifetime of an officer token: 15 minutes. */
export const defaultOfficerTokenSeconds = 900;

/**
 * Mint a short-lived token for one officer of the force (the officer widget's `getToken()`).
 * Only its hash is stored, with the API key that minted it: revoking the key ends its tokens.
 * @returns the token, shown only this once
 */
export async function mintOfficerToken(db: Knex, actor: ForceActor, request: OfficerTokenRequest): Promise<OfficerToken> {
  const ttlSeconds = request.ttlSeconds ?? defaultOfficerTokenSeconds;
  return db.transaction(async (trx) => {
    const officer = await findOfficer(trx, actor.forceId, request.collarNumber);
    if (!officer) throw problem('unknownOfficer', 'The force has no officer with that collar number. Add them with PUT /v1/officers/{collarNumber} first.');
    const token = generateToken('officerToken');
    const [stored] = await trx('officer_tokens')
      .insert({
        force_id: actor.forceId,
        officer_id: officer.id,
        api_key_id: actor.apiKeyId,
        token_hash: hashToken(token),
        expires_at: trx.raw("now() + ? * interval '1 second'", [ttlSeconds]),
      })
      .returning<{ expires_at: Date }[]>('expires_at');
    if (!stored) throw new Error('officer token insert returned no row');
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.officerTokenMinted,
      subjectType: 'officer',
      subjectId: officer.id,
      reason: `records system minted an officer token for ${ttlSeconds} s`,
      requestId: actor.requestId,
    });
    return { token, expiresAt: stored.expires_at.toISOString(), officer: toOfficerInCharge(officer, '') as OfficerInCharge };
  });
}
