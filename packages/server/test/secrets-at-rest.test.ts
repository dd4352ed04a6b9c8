import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { harness } from './support/harness.js';
import { call } from './support/api.js';
import { answerFor, caseBody, createCase, forceWithOfficer, inviteTokenFor } from './support/journey.js';
import type { ForceCase, VictimSession } from '@victim-portal/contract';
import { startServer } from '../src/server.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Every row of a force in every table, as text: where a secret would show if it were stored. */
async function everythingStoredFor(db: Knex, forceId: string): Promise<string> {
  const tables = ['forces', 'officers', 'victims', 'cases', 'case_events', 'invites', 'sessions', 'api_keys', 'audit_log', 'outbox'];
  const dumps = await Promise.all(tables.map((table) => db(table).where(table === 'forces' ? { id: forceId } : { force_id: forceId })));
  return JSON.stringify(dumps);
}

describe('tokens and keys at rest', () => {
  it('are stored only as SHA-256 hashes, and are long random values', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    await createCase(h, force, body);
    const inviteToken = await inviteTokenFor(h, body.victim.email as string);
    const answer = await answerFor(h, inviteToken);
    const session = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: inviteToken, answer } });
    const [invite] = await h.db('invites').where({ force_id: force.forceId });
    expect(invite.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(invite)).not.toContain(answer);
    const sessionToken = session.body.sessionToken;

    // 32 random bytes in base64url: 256 bits, at least the 128 asked for.
    for (const [token, prefix] of [[force.apiKey, 'vpk_'], [inviteToken, 'vpi_'], [sessionToken, 'vps_']] as const) {
      expect(token).toMatch(new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`));
    }
    expect(await h.db('api_keys').where({ force_id: force.forceId }).pluck('key_hash')).toEqual([sha256(force.apiKey)]);
    expect(await h.db('invites').where({ force_id: force.forceId }).pluck('token_hash')).toEqual([sha256(inviteToken)]);
    expect(await h.db('sessions').where({ force_id: force.forceId }).pluck('token_hash')).toEqual([sha256(sessionToken)]);

    const stored = await everythingStoredFor(h.db, force.forceId);
    for (const secret of [force.apiKey, inviteToken, sessionToken]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(4));
    }
  });

  it('the invite link stays in the outbox only until it is sent', async () => {
    const h = await harness();
    // A server with no notification sender: the invite waits in the outbox.
    const queuing = await startServer({ port: 0, db: h.db, migrate: false });
    const force = await forceWithOfficer(h);
    try {
      const created = await call<ForceCase>(queuing.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody() });
      expect(created.status).toBe(201);
    } finally {
      await queuing.close();
    }
    const [queued] = await h.db('outbox').where({ force_id: force.forceId });
    expect(queued.payload.inviteLink).toMatch(/#invite=vpi_/);
    expect(queued.sent_at).toBeNull();
    await h.server.deliverNotifications();
    const [sent] = await h.db('outbox').where({ force_id: force.forceId });
    expect(sent.sent_at).not.toBeNull();
    expect(sent.payload).not.toHaveProperty('inviteLink');
    expect(JSON.stringify(sent.payload)).not.toContain('vpi_');
  });
});
