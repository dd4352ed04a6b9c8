import type { Knex } from 'knex';
import type { Middleware } from 'koa';
import { problem } from '../http/problem.js';
import type { SecuritySchemeName } from '../http/validation.js';
import { hashToken, readBearer } from './tokens.js';
import { validVictimSession } from './victim-session.js';

/** A records system calling with its force's API key. */
export interface ForceCaller {
  kind: 'force';
  forceId: string;
  apiKeyId: string;
  scopes: string[];
}

/**
 * A victim's session token, hashed but not yet checked: the victim features check it inside
 * the same SQL statement that reads the case (see victim-session.ts), to save round trips.
 */
export interface VictimCaller {
  kind: 'victim';
  sessionTokenHash: string;
}

/** An officer with a short-lived token the force's records system minted for them. */
export interface OfficerCaller {
  kind: 'officer';
  forceId: string;
  officerId: string;
  tokenId: string;
  /** When the token stops working (a live stream ends then). */
  expiresAt: Date;
}

/** A member of force staff with a short-lived admin token the force's back end minted: reads reports only. */
export interface StaffCaller {
  kind: 'staff';
  forceId: string;
  adminTokenId: string;
}

export type Caller = ForceCaller | VictimCaller | OfficerCaller | StaffCaller;

// The same answer whatever was wrong (missing, malformed, unknown, expired, revoked), so a
// probe learns nothing about which tokens exist.
export function unauthenticated() {
  return problem('unauthenticated', 'Send a valid, unexpired credential for this operation as Authorization: Bearer.', {
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

async function victimSessionIsValid(db: Knex, sessionTokenHash: string): Promise<boolean> {
  const { rows } = await db.raw<{ rows: unknown[] }>(`select 1 from sessions s where ${validVictimSession.replace(':sessionTokenHash', '?')}`, [sessionTokenHash]);
  return rows.length > 0;
}

/**
 * Requires the credential the contract's `security` names for the operation and puts the
 * caller in `ctx.state.caller`. Public operations pass straight through.
 */
export function authenticate(db: Knex, schemes: readonly SecuritySchemeName[]): Middleware {
  if (schemes.length === 0) return (_ctx, next) => next();
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (schemes.includes('forceApiKey')) {
      const apiKey = readBearer(header, 'forceApiKey');
      if (apiKey) {
        const key = await db('api_keys')
          .select<{ id: string; force_id: string; scopes: string[] }[]>('id', 'force_id', 'scopes')
          .where({ key_hash: hashToken(apiKey) })
          .whereNull('revoked_at')
          .first();
        if (!key) throw unauthenticated();
        ctx.state['caller'] = { kind: 'force', forceId: key.force_id, apiKeyId: key.id, scopes: key.scopes } satisfies ForceCaller;
        return next();
      }
    }
    if (schemes.includes('officerToken')) {
      const officerToken = readBearer(header, 'officerToken');
      if (officerToken) {
        // One read checks the hash, the expiry and that the key that minted it still works:
        // revoking a force key ends the officer tokens it minted.
        const token = await db('officer_tokens as t')
          .join('api_keys as k', 'k.id', 't.api_key_id')
          .select<{ id: string; force_id: string; officer_id: string; expires_at: Date }[]>('t.id', 't.force_id', 't.officer_id', 't.expires_at')
          .where('t.token_hash', hashToken(officerToken))
          .where('t.expires_at', '>', db.fn.now())
          .whereNull('k.revoked_at')
          .first();
        if (!token) throw unauthenticated();
        ctx.state['caller'] = { kind: 'officer', forceId: token.force_id, officerId: token.officer_id, tokenId: token.id, expiresAt: token.expires_at } satisfies OfficerCaller;
        return next();
      }
    }
    if (schemes.includes('forceAdminToken')) {
      const adminToken = readBearer(header, 'forceAdminToken');
      if (adminToken) {
        // As for officer tokens: the hash, the expiry and the minting key in one read.
        const token = await db('admin_tokens as t')
          .join('api_keys as k', 'k.id', 't.api_key_id')
          .select<{ id: string; force_id: string }[]>('t.id', 't.force_id')
          .where('t.token_hash', hashToken(adminToken))
          .where('t.expires_at', '>', db.fn.now())
          .whereNull('k.revoked_at')
          .first();
        if (!token) throw unauthenticated();
        ctx.state['caller'] = { kind: 'staff', forceId: token.force_id, adminTokenId: token.id } satisfies StaffCaller;
        return next();
      }
    }
    if (schemes.includes('victimSession')) {
      const sessionToken = readBearer(header, 'victimSession');
      if (sessionToken) {
        const sessionTokenHash = hashToken(sessionToken);
        // Reads check the session inside their own query (one round trip). A write is checked
        // here first, so that a caller without a valid session is told 401 before anything
        // about its body; the write checks it again in its own read.
        if (ctx.method !== 'GET' && !(await victimSessionIsValid(db, sessionTokenHash))) throw unauthenticated();
        ctx.state['caller'] = { kind: 'victim', sessionTokenHash } satisfies VictimCaller;
        return next();
      }
    }
    throw unauthenticated();
  };
}

/** Who is acting, for scoping and the audit log, on an operation that needs a force key. */
export interface ForceActor {
  forceId: string;
  apiKeyId: string;
  requestId: string | undefined;
}

/** Who is acting, for scoping and the audit log, on an operation that needs an officer token. */
export interface OfficerActor {
  forceId: string;
  officerId: string;
  requestId: string | undefined;
}

/** @returns the officer caller of an operation behind `officerToken` */
export function officerActorOf(ctx: { state: Record<string, unknown> }): OfficerActor {
  const caller = ctx.state['caller'] as OfficerCaller;
  return { forceId: caller.forceId, officerId: caller.officerId, requestId: ctx.state['requestId'] as string | undefined };
}

/** Who reads a force's reports (its records system or a member of its staff), for scoping and the audit log. */
export interface ReportReader {
  forceId: string;
  actorType: 'force_api_key' | 'force_staff';
  /** The API key's id, or the admin token's (admin_tokens.name says whose it is). */
  actorId: string;
  requestId: string | undefined;
}

/** @returns the caller of a report behind `forceApiKey` or `forceAdminToken` */
export function reportReaderOf(ctx: { state: Record<string, unknown> }): ReportReader {
  const caller = ctx.state['caller'] as ForceCaller | StaffCaller;
  const requestId = ctx.state['requestId'] as string | undefined;
  return caller.kind === 'staff'
    ? { forceId: caller.forceId, actorType: 'force_staff', actorId: caller.adminTokenId, requestId }
    : { forceId: caller.forceId, actorType: 'force_api_key', actorId: caller.apiKeyId, requestId };
}

/** @returns the force caller of an operation behind `forceApiKey` */
export function forceActorOf(ctx: { state: Record<string, unknown> }): ForceActor {
  const caller = ctx.state['caller'] as ForceCaller;
  return { forceId: caller.forceId, apiKeyId: caller.apiKeyId, requestId: ctx.state['requestId'] as string | undefined };
}
