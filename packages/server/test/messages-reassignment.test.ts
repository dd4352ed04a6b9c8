import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ForceCase } from '@victim-portal/contract';
import { loadThreadEvents } from '../src/features/messages/read-model.js';
import { createTestOfficer, createTestOfficerToken } from '../src/testing.js';
import { call } from './support/api.js';
import { onPostgres } from './support/harness.js';
import { inbox, list, send, sent, threadSetup } from './support/threads.js';

describe('reassigning the officer in charge', () => {
  it('moves the thread to the new officer with a system notice, and away from the old one', async () => {
    const t = await threadSetup();
    await sent('victim', t.victimToken, t.caseId, 'Before the change');
    const successor = await createTestOfficer(t.h.db, t.force.forceId, { displayName: 'DI Rosa Diaz', rank: 'detective_inspector' });
    const successorToken = await createTestOfficerToken(t.h.url, t.force.apiKey, successor.collarNumber);
    const reassign = (officerInCharge: unknown) => call<ForceCase>(t.h.url, 'updateCase', `/v1/cases/${t.caseId}`, { method: 'PATCH', token: t.force.apiKey, json: { officerInCharge } });

    expect((await reassign({ collarNumber: successor.collarNumber })).status).toBe(200);
    const page = await list('victim', t.victimToken, t.caseId);
    const newOfficer = { collarNumber: successor.collarNumber, displayName: 'DI Rosa Diaz', rank: 'detective_inspector' };
    expect(page.body.items.at(-1)).toMatchObject({ kind: 'notice', author: { type: 'system' }, body: null, readAt: null, notice: { code: 'officer_changed', officer: newOfficer } });
    expect(page.body.officerInCharge).toEqual(newOfficer);

    expect((await list('officer', successorToken, t.caseId)).body.items.map((message) => message.kind)).toEqual(['text', 'notice']);
    expect((await inbox(successorToken)).body.items.map((item) => item.caseId)).toEqual([t.caseId]);
    expect((await list('officer', t.officerToken, t.caseId)).status).toBe(404);
    expect((await inbox(t.officerToken)).body.items).toEqual([]);
    expect((await sent('officer', successorToken, t.caseId, 'I have taken over your case')).author.officer).toEqual(newOfficer);

    // The notice is a thread event like any message (live streams and webhooks see it).
    const events = await loadThreadEvents(t.h.db, { forceId: t.force.forceId, caseIds: [t.caseId] });
    expect(events.map((event) => event.data.message?.kind)).toEqual(['text', 'notice', 'text']);

    // The same officer again is no change; no officer at all is one.
    await reassign({ collarNumber: successor.collarNumber });
    await call(t.h.url, 'updateCase', `/v1/cases/${t.caseId}`, { method: 'PATCH', token: t.force.apiKey, json: { riskFlags: [] } });
    expect((await list('force', t.force.apiKey, t.caseId)).body.items).toHaveLength(3);
    expect((await reassign(null)).status).toBe(200);
    const last = (await list('force', t.force.apiKey, t.caseId)).body;
    expect(last.items.at(-1)?.notice).toEqual({ code: 'officer_changed', officer: null });
    expect(last.officerInCharge).toBeNull();
    expect((await list('officer', successorToken, t.caseId)).status).toBe(404);
    // With no officer in charge, the records system must name who replies.
    const nobody = await call(t.h.url, 'sendCaseMessage', `/v1/cases/${t.caseId}/messages`, { token: t.force.apiKey, json: { id: randomUUID(), body: 'x' } });
    expect(nobody.body).toMatchObject({ status: 422, type: 'urn:victim-portal:problem:not-allowed-to-reply' });

    const audited = await t.h.db('audit_log').where({ force_id: t.force.forceId, subject_id: t.caseId, action: 'message.officer_changed_notice' });
    expect(audited).toHaveLength(2);
  });

  it('leaves the thread as it was when the change is refused', async () => {
    const t = await threadSetup();
    const refused = await call(t.h.url, 'updateCase', `/v1/cases/${t.caseId}`, { method: 'PATCH', token: t.force.apiKey, json: { officerInCharge: { collarNumber: 'NOPE7' } } });
    expect(refused.status).toBe(422);
    expect(await t.h.db('messages').where({ force_id: t.force.forceId, case_id: t.caseId })).toHaveLength(0);
  });

  it(`neither deadlocks nor loses a message when replies race reassignments${onPostgres ? '' : ' (PGlite: one connection, so they take turns)'}`, async () => {
    const t = await threadSetup();
    const other = await createTestOfficer(t.h.db, t.force.forceId);
    const patches = [other.collarNumber, t.oic.collarNumber, other.collarNumber, t.oic.collarNumber].map((collarNumber) =>
      call(t.h.url, 'updateCase', `/v1/cases/${t.caseId}`, { method: 'PATCH', token: t.force.apiKey, json: { officerInCharge: { collarNumber } } }));
    const messages = Array.from({ length: 6 }, (_, i) => send(i % 2 ? 'force' : 'victim', i % 2 ? t.force.apiKey : t.victimToken, t.caseId, { body: `message ${i}` }));
    const answers = await Promise.all([...patches, ...messages]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201, 201, 201, 201, 201, 201]);
    const items = (await list('force', t.force.apiKey, t.caseId)).body.items;
    expect(items.filter((item) => item.kind === 'text')).toHaveLength(6);
    // The changes applied one after another: each notice names an officer other than the one
    // before it (a PATCH to the officer already in charge adds none), the last the one now.
    const named = [t.oic.collarNumber, ...items.filter((item) => item.kind === 'notice').map((item) => item.notice?.officer?.collarNumber)];
    expect(named.length).toBeGreaterThan(1);
    named.slice(1).forEach((collarNumber, i) => expect(collarNumber).not.toBe(named[i]));
    const now = await call<ForceCase>(t.h.url, 'getCase', `/v1/cases/${t.caseId}`, { token: t.force.apiKey });
    expect(named.at(-1)).toBe(now.body.officerInCharge?.collarNumber);
  });

  it('never lets a replaced officer write after the notice that replaced them', async () => {
    const t = await threadSetup();
    const successor = await createTestOfficer(t.h.db, t.force.forceId);
    const answers = await Promise.all([
      call(t.h.url, 'updateCase', `/v1/cases/${t.caseId}`, { method: 'PATCH', token: t.force.apiKey, json: { officerInCharge: { collarNumber: successor.collarNumber } } }),
      ...Array.from({ length: 5 }, (_, i) => send('officer', t.officerToken, t.caseId, { body: `reply ${i}` })),
    ]);
    expect(answers[0]?.status).toBe(200);
    for (const answer of answers.slice(1)) expect([201, 404]).toContain(answer.status);
    const items = (await list('force', t.force.apiKey, t.caseId)).body.items;
    const notice = items.findIndex((item) => item.kind === 'notice');
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(items.slice(notice + 1).filter((item) => item.author.officer?.collarNumber === t.oic.collarNumber)).toEqual([]);
    expect(items.length - 1).toBe(answers.slice(1).filter((answer) => answer.status === 201).length);
  });
});
