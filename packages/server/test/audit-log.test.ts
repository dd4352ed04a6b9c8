import { describe, expect, it } from 'vitest';
import type { VictimSession } from '@victim-portal/contract';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { answerFor, caseBody, createCase, forceWithOfficer, inviteTokenFor } from './support/journey.js';

interface AuditRow {
  id: string | number;
  occurred_at: Date;
  actor_type: string;
  actor_id: string;
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string;
  request_id: string | null;
}

async function auditOf(forceId: string): Promise<AuditRow[]> {
  const h = await harness();
  return h.db('audit_log').where({ force_id: forceId }).orderBy('id');
}

describe('the audit log', () => {
  it('records who did what, when and why: case creation, invite, sign-in, reads and sign-out', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    const created = await createCase(h, force, body);
    const token = await inviteTokenFor(h, body.victim.email as string);
    const answer = await answerFor(h, token);
    const session = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
    const sessionToken = session.body.sessionToken;
    await call(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken });
    const read = await call(h.url, 'getMyCase', `/v1/me/cases/${created.id}`, { token: sessionToken });
    await call(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey });
    await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: sessionToken });

    const rows = await auditOf(force.forceId);
    expect(rows.map((row) => [row.action, row.actor_type, row.subject_type])).toEqual([
      ['case.created', 'force_api_key', 'case'],
      ['invite.issued', 'force_api_key', 'invite'],
      ['invite.challenge_started', 'victim', 'invite'],
      ['session.signed_in', 'victim', 'session'],
      ['case.listed', 'victim', 'case'],
      ['case.read', 'victim', 'case'],
      ['case.read', 'force_api_key', 'case'],
      ['session.signed_out', 'victim', 'session'],
    ]);
    for (const row of rows) {
      expect(row.reason.length, row.action).toBeGreaterThan(5);
      expect(row.occurred_at).toBeInstanceOf(Date);
      expect(row.request_id).toBeTruthy();
    }
    const victimRead = rows[5] as AuditRow;
    expect(victimRead.subject_id).toBe(created.id);
    expect(victimRead.request_id).toBe(read.headers.get('x-request-id'));
    const [victim] = await h.db('victims').where({ force_id: force.forceId }).pluck('id');
    expect(victimRead.actor_id).toBe(victim);
  });

  it('records a refused invite, and no read when nothing was shown', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    await createCase(h, force, body);
    const token = await inviteTokenFor(h, body.victim.email as string);
    const answer = await answerFor(h, token);
    const first = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
    await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
    const notMine = await call(h.url, 'getMyCase', '/v1/me/cases/00000000-0000-4000-8000-000000000000', { token: first.body.sessionToken });
    expect(notMine.status).toBe(404);
    const actions = (await auditOf(force.forceId)).map((row) => row.action);
    expect(actions).toContain('invite.refused');
    expect(actions).not.toContain('case.read');
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    await call(h.url, 'putOfficer', '/v1/officers/42', { method: 'PUT', token: force.apiKey, json: { displayName: 'PC A', rank: 'police_constable' } });
    const [row] = await auditOf(force.forceId);
    expect(row?.action).toBe('officer.saved');
    await expect(h.db('audit_log').where({ id: row?.id }).update({ reason: 'tampered' })).rejects.toThrow(/append-only/);
    await expect(h.db('audit_log').where({ id: row?.id }).delete()).rejects.toThrow(/append-only/);
    await expect(h.db.raw('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await auditOf(force.forceId)).toEqual([row]);
  });
});
