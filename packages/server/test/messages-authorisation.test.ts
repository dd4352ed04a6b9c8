import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { createTestOfficer, createTestOfficerToken, createTestVictimSession } from '../src/testing.js';
import { call } from './support/api.js';
import { caseBody, createCase } from './support/journey.js';
import { inbox, list, markRead, requestUpdate, send, sent, threadSetup, type ThreadSetup } from './support/threads.js';

const notFound = 'urn:victim-portal:problem:not-found';
const hour = 60 * 60 * 1000;

/** Every victim operation on the thread answers 404 for this case, as for one that does not exist. */
async function victimCannotReach(token: string, caseId: string, cursor: string) {
  for (const response of [
    await list('victim', token, caseId),
    await send('victim', token, caseId, { body: 'Hello?' }),
    await requestUpdate(token, caseId),
    await markRead('victim', token, caseId, { upTo: cursor }),
  ]) {
    expect(response.body, response.text).toMatchObject({ status: 404, type: notFound });
  }
}

async function officerCannotReach(token: string, caseId: string, cursor: string) {
  for (const response of [
    await list('officer', token, caseId),
    await send('officer', token, caseId, { body: 'Hello?' }),
    await markRead('officer', token, caseId, { upTo: cursor }),
  ]) {
    expect(response.body, response.text).toMatchObject({ status: 404, type: notFound });
  }
}

async function threadWithMessage(): Promise<ThreadSetup & { cursor: string }> {
  const t = await threadSetup();
  return { ...t, cursor: (await sent('victim', t.victimToken, t.caseId, 'Mine')).cursor };
}

describe('who may reach a thread', () => {
  it('answers 404 to a victim for another victim’s case, another force’s case and one that does not exist', async () => {
    const t = await threadWithMessage();
    const stranger = await threadWithMessage();
    await victimCannotReach(stranger.victimToken, t.caseId, t.cursor);
    await victimCannotReach(t.victimToken, randomUUID(), t.cursor);
    expect(await t.h.db('messages').where({ case_id: t.caseId })).toHaveLength(1);
  });

  it('answers 404 to a victim for their own case once it is hidden from them, and lets them back when it is not', async () => {
    const t = await threadWithMessage();
    const patch = (riskFlags: string[]) => call(t.h.url, 'updateCase', `/v1/cases/${t.caseId}`, { method: 'PATCH', token: t.force.apiKey, json: { riskFlags } });
    expect((await patch(['domestic_abuse'])).status).toBe(200);
    await victimCannotReach(t.victimToken, t.caseId, t.cursor);
    // Refused reads of their own hidden case are audited (not those of other victims' cases).
    const refused = await t.h.db('audit_log').where({ force_id: t.force.forceId, subject_id: t.caseId, action: 'case.read_refused' });
    expect(refused).toHaveLength(4);
    // The officer still sees it.
    expect((await list('officer', t.officerToken, t.caseId)).status).toBe(200);
    await patch([]);
    expect((await list('victim', t.victimToken, t.caseId)).status).toBe(200);
  });

  it('answers 401 to a victim whose session has ended', async () => {
    const t = await threadWithMessage();
    await t.h.db('sessions').where({ token_hash: hashToken(t.victimToken) }).update({ revoked_at: t.h.db.fn.now() });
    expect((await list('victim', t.victimToken, t.caseId)).status).toBe(401);
    expect((await send('victim', t.victimToken, t.caseId, { body: 'x' })).status).toBe(401);
    expect((await markRead('victim', t.victimToken, t.caseId, { upTo: t.cursor })).status).toBe(401);
  });

  it('answers 404 to an officer who is not in charge, or is another force’s, and 401 to an expired token', async () => {
    const t = await threadWithMessage();
    const colleague = await createTestOfficer(t.h.db, t.force.forceId);
    await officerCannotReach(await createTestOfficerToken(t.h.url, t.force.apiKey, colleague.collarNumber), t.caseId, t.cursor);
    const elsewhere = await threadSetup();
    await officerCannotReach(elsewhere.officerToken, t.caseId, t.cursor);
    expect((await inbox(elsewhere.officerToken)).body.items.map((item) => item.caseId)).toEqual([elsewhere.caseId]);

    await t.h.db('officer_tokens').where({ token_hash: hashToken(t.officerToken) }).update({ expires_at: t.h.db.raw("now() - interval '1 second'") });
    expect((await list('officer', t.officerToken, t.caseId)).status).toBe(401);
    expect((await send('officer', t.officerToken, t.caseId, { body: 'x' })).status).toBe(401);
  });

  it('answers 404 to a force for another force’s case', async () => {
    const t = await threadWithMessage();
    const other = await threadSetup();
    for (const response of [
      await list('force', other.force.apiKey, t.caseId),
      await send('force', other.force.apiKey, t.caseId, { body: 'x' }),
      await markRead('force', other.force.apiKey, t.caseId, { upTo: t.cursor }),
    ]) {
      expect(response.body).toMatchObject({ status: 404, type: notFound });
    }
  });

  it('lets the covering officer in while the absence is in force, and not before or after', async () => {
    const t = await threadWithMessage();
    const cover = await createTestOfficer(t.h.db, t.force.forceId, { displayName: 'DS Ada Khan', rank: 'detective_sergeant' });
    const coverToken = await createTestOfficerToken(t.h.url, t.force.apiKey, cover.collarNumber);
    const putAbsence = (from: number, until: number) => call(t.h.url, 'putOfficerAbsence', `/v1/officers/${t.oic.collarNumber}/absence`, {
      method: 'PUT', token: t.force.apiKey, json: { from: new Date(Date.now() + from).toISOString(), until: new Date(Date.now() + until).toISOString(), coveredBy: cover.collarNumber },
    });

    await putAbsence(hour, 2 * hour);
    await officerCannotReach(coverToken, t.caseId, t.cursor);
    expect((await inbox(coverToken)).body.items).toEqual([]);

    await putAbsence(-hour, hour);
    expect((await list('officer', coverToken, t.caseId)).status).toBe(200);
    const reply = await sent('officer', coverToken, t.caseId, 'Covering for DC Patel');
    expect(reply.author.officer?.collarNumber).toBe(cover.collarNumber);
    expect((await markRead('officer', coverToken, t.caseId, { upTo: t.cursor })).status).toBe(200);
    expect((await inbox(coverToken)).body.items).toMatchObject([{ caseId: t.caseId, role: 'covering' }]);
    // The officer in charge keeps their own cases while away.
    expect((await inbox(t.officerToken)).body.items).toMatchObject([{ caseId: t.caseId, role: 'officer_in_charge' }]);

    await putAbsence(-2 * hour, -hour);
    await officerCannotReach(coverToken, t.caseId, t.cursor);
    await putAbsence(-hour, hour);
    expect((await list('officer', coverToken, t.caseId)).status).toBe(200);
    await call(t.h.url, 'clearOfficerAbsence', `/v1/officers/${t.oic.collarNumber}/absence`, { method: 'DELETE', token: t.force.apiKey });
    await officerCannotReach(coverToken, t.caseId, t.cursor);
  });

  it('gives a victim with two cases two threads, each only its own', async () => {
    const t = await threadSetup();
    // The same person (by the records system's reference) is the victim of both cases.
    const victim = { externalRef: `P-${randomUUID()}` };
    const first = await createCase(t.h, t.force, caseBody(victim, { officerInCharge: { collarNumber: t.oic.collarNumber } }));
    const second = await createCase(t.h, t.force, caseBody(victim, { officerInCharge: { collarNumber: t.oic.collarNumber } }));
    const token = await createTestVictimSession(t.h.db, t.force.forceId, first.id);
    await sent('victim', token, first.id, 'About the first');
    await sent('victim', token, second.id, 'About the second');
    expect((await list('victim', token, first.id)).body.items.map((message) => message.body)).toEqual(['About the first']);
    expect((await list('victim', token, second.id)).body.items.map((message) => message.body)).toEqual(['About the second']);
    await victimCannotReach(token, t.caseId, (await sent('victim', t.victimToken, t.caseId, 'Not theirs')).cursor);
  });
});
