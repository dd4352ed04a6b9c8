// What `<vp-portal>` finds in this tab's sessionStorage when a story starts: a session to resume
// (as after a reload), or none. Stories set it before the element connects.
import { SessionStore } from '../shared/session-store.js';

const minute = 60 * 1000;

/**
 * Keeps a session in this tab as if the victim had signed in `now`, so the portal resumes it.
 * @param now the time on the portal's clock
 * @param absoluteMinutes until the session ends however active the victim is
 */
export function resumableSession(now: number, absoluteMinutes = 60): void {
  const expiresAt = new Date(now + absoluteMinutes * minute).toISOString();
  const idleExpiresAt = new Date(now + Math.min(15, absoluteMinutes) * minute).toISOString();
  new SessionStore().write({ token: 'vps_StorySessionToken_0123456789', expiresAt, idleExpiresAt, idleTimeoutSeconds: 15 * 60 });
}

/** Forgets any session a story before left in this tab. */
export function noSession(): void {
  new SessionStore().clear();
}
