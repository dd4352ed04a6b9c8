import { describe, expect, it } from 'vitest';
import type { SessionInfo, VictimSession } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { startServer } from '../src/server.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { answerFor, caseBody, createCase, forceWithOfficer, inviteTokenFor, signedInVictim } from './support/journey.js';

async function sessionRow(sessionToken: string) {
  const h = await harness();
  return h.db('sessions').where({ token_hash: hashToken(sessionToken) }).first<{ idle_expires_at: Date; expires_at: Date; revoked_at: Date | null }>();
}

describe('victim sessions', () => {
  it('slide their idle expiry forward on each read, never past the absolute expiry', async () => {
    const h = await harness();
    const { created, sessionToken } = await signedInVictim(h);
    await h.db('sessions').where({ token_hash: hashToken(sessionToken) }).update({ idle_expires_at: h.db.raw(`now() + interval '1 minute'`) });
    const read = await call(h.url, 'getMyCase', `/v1/me/cases/${created.id}`, { token: sessionToken });
    expect(read.status).toBe(200);
    const touched = await sessionRow(sessionToken);
    const idleLeft = touched.idle_expires_at.getTime() - Date.now();
    expect(idleLeft).toBeGreaterThan(14 * 60_000);
    expect(idleLeft).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    await h.db('sessions').where({ token_hash: hashToken(sessionToken) }).update({
      idle_expires_at: h.db.raw(`now() + interval '1 minute'`),
      expires_at: h.db.raw(`now() + interval '2 minutes'`),
    });
    await call(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken });
    const capped = await sessionRow(sessionToken);
    expect(capped.idle_expires_at.getTime()).toBe(capped.expires_at.getTime());
  });

  it('say when they end, and asking keeps them alive', async () => {
    const h = await harness();
    const { sessionToken } = await signedInVictim(h);
    await h.db('sessions').where({ token_hash: hashToken(sessionToken) }).update({ idle_expires_at: h.db.raw(`now() + interval '1 minute'`) });
    const info = await call<SessionInfo>(h.url, 'getMySession', '/v1/me/session', { token: sessionToken });
    expect(info.status).toBe(200);
    expect(info.body.idleTimeoutSeconds).toBe(900);
    expect(new Date(info.body.idleExpiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(new Date(info.body.idleExpiresAt).getTime()).toBe((await sessionRow(sessionToken)).idle_expires_at.getTime());
    expect(info.body.expiresAt).toBe((await sessionRow(sessionToken)).expires_at.toISOString());
  });

  it('end at sign-out: the session is revoked on the server and signing out again is a 401', async () => {
    const h = await harness();
    const { sessionToken } = await signedInVictim(h);
    expect((await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: sessionToken })).status).toBe(204);
    expect((await sessionRow(sessionToken)).revoked_at).not.toBeNull();
    expect((await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: sessionToken })).status).toBe(401);
  });

  it('follow the configured lifetimes', async () => {
    const h = await harness();
    const short = await startServer({ port: 0, db: h.db, migrate: false, sessionPolicy: { idleTimeoutSeconds: 60, absoluteTimeoutSeconds: 120 } });
    try {
      const force = await forceWithOfficer(h);
      const body = caseBody();
      await createCase(h, force, body);
      const token = await inviteTokenFor(h, body.victim.email as string);
      const answer = await answerFor(h, token);
      const before = Date.now();
      const session = await call<VictimSession>(short.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
      expect(session.status).toBe(201);
      expect(session.body.idleTimeoutSeconds).toBe(60);
      expect(new Date(session.body.expiresAt).getTime() - before).toBeLessThan(125_000);
      const row = await sessionRow(session.body.sessionToken);
      expect(row.idle_expires_at.getTime() - before).toBeLessThan(65_000);
    } finally {
      await short.close();
    }
  });
});
