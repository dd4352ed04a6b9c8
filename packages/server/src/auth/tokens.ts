import { createHash, randomBytes } from 'node:crypto';

/** Token prefixes say what a secret is when it turns up somewhere it should not be. */
export const tokenPrefixes = { forceApiKey: 'vpk_', victimSession: 'vps_', invite: 'vpi_', officerToken: 'vpo_', forceAdminToken: 'vpa_' } as const;
export type TokenKind = keyof typeof tokenPrefixes;

/**
 * A new secret: 256 random bits, base64url, behind its prefix.
 * @returns the token to hand out once; store only {@link hashToken} of it
 */
export function generateToken(kind: TokenKind): string {
  return tokenPrefixes[kind] + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a token, as hex. Tokens are long random values, so a fast unsalted hash is enough
 * to make a stolen table useless; it also lets the lookup be a plain indexed equality.
 * @returns the value stored in `token_hash` / `key_hash` columns
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const bearerPattern = /^Bearer ([A-Za-z0-9_-]{20,200})$/i;

/** @returns the bearer token of an Authorization header if it has the expected prefix */
export function readBearer(header: string | undefined, kind: TokenKind): string | undefined {
  const token = bearerPattern.exec(header ?? '')?.[1];
  return token?.startsWith(tokenPrefixes[kind]) ? token : undefined;
}
