import type { Knex } from 'knex';
import { generateToken, hashToken } from '../../auth/tokens.js';

export interface NewForce {
  name: string;
  /** Short unique name, e.g. `kingsmoor`. */
  slug: string;
  /** The page of the force's website that hosts the portal; invite links point here. */
  portalUrl: string;
  /** The discreet name notifications come from. */
  senderName: string;
  inviteTtlDays?: number;
}

/**
 * Create a force, or update it when its slug exists (forces are onboarded by operators, not
 * through the API yet).
 * @returns the force id
 */
export async function saveForce(db: Knex, force: NewForce): Promise<string> {
  const row = {
    name: force.name,
    slug: force.slug,
    portal_url: force.portalUrl,
    sender_name: force.senderName,
    invite_ttl_days: force.inviteTtlDays ?? 14,
  };
  const [saved] = await db('forces').insert(row).onConflict('slug').merge(row).returning<{ id: string }[]>('id');
  if (!saved) throw new Error('force upsert returned no row');
  return saved.id;
}

/** The scopes a force API key has; stored with the key so keys can be narrowed later. */
export const allForceScopes = ['cases:read', 'cases:write', 'officers:write'];

/**
 * Issue an API key for a force. Only its SHA-256 hash is stored: the key is shown once.
 * @param apiKey a fixed key to register instead of a random one (the demo's printed key)
 * @returns the key and its id
 */
export async function issueApiKey(db: Knex, forceId: string, label: string, apiKey = generateToken('forceApiKey')): Promise<{ apiKey: string; apiKeyId: string }> {
  if (!apiKey.startsWith('vpk_')) throw new Error('force API keys start with vpk_');
  const keyHash = hashToken(apiKey);
  const [row] = await db('api_keys')
    .insert({ force_id: forceId, key_hash: keyHash, label, scopes: allForceScopes })
    .onConflict('key_hash')
    .merge({ revoked_at: null })
    .returning<{ id: string; force_id: string }[]>(['id', 'force_id']);
  if (!row || row.force_id !== forceId) throw new Error('that API key belongs to another force');
  return { apiKey, apiKeyId: row.id };
}
