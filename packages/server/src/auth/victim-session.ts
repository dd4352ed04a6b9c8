/**
 * Checking a victim session inside a feature's own read, so that the hot path is one read
 * round trip (plus the batched audit write, see audit/activity-recorder.ts).
 *
 * Use `select ${victimSessionColumns}, … from sessions s left join … where ${validVictimSession}`
 * with the named parameter `:sessionTokenHash`. No row means the token is unknown, expired or
 * revoked (answer 401); the session columns say who it is and whether to touch it.
 */
export const victimSessionColumns = `
  s.id as session_id, s.force_id as session_force_id, s.victim_id as session_victim_id,
  -- Slide the idle expiry only when it would move by more than 5 s: concurrent requests from
  -- one widget then do not all write the same row, and 5 s of a 15 min timeout is noise.
  (s.idle_expires_at < least(now() + (s.idle_timeout_seconds - 5) * interval '1 second', s.expires_at)) as session_needs_touch`;

export const validVictimSession = `
  s.token_hash = :sessionTokenHash
  and s.revoked_at is null
  and s.idle_expires_at > now()
  and s.expires_at > now()`;

/** The session columns of a row read with {@link victimSessionColumns}. */
export interface VictimSessionRow {
  session_id: string;
  session_force_id: string;
  session_victim_id: string;
  session_needs_touch: boolean;
}

/**
 * Told the force of a victim session once a feature's read has found it valid, from the same
 * row (no extra query): the request is then about that force, and CORS answers only the
 * origins it allows (see http/cors.ts).
 */
export type SessionFound = (forceId: string) => void;

/** Session lifetimes. The defaults follow the design: 15 minutes idle, 12 hours at most. */
export interface SessionPolicy {
  idleTimeoutSeconds: number;
  absoluteTimeoutSeconds: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleTimeoutSeconds: 15 * 60, absoluteTimeoutSeconds: 12 * 60 * 60 };
