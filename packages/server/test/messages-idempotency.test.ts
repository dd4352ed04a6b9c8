import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestOfficer } from '../src/testing.js';
import { call } from './support/api.js';
import { onPostgres } from './support/harness.js';
import { list, requestUpdate, send, threadSetup, type Side } from './support/threads.js';

const messageIdReused = 'urn:victim-portal:problem:message-id-reused';

describe('sends are idempotent by the sender’s message id', () => {
  it.each(['victim', 'officer', 'force'] as const)('a retried %s send returns the stored message (200) and stores nothing more', async (side: Side) => {
    const t = await threadSetup();
    const token = { victim: t.victimToken, officer: t.officerToken, force: t.force.apiKey }[side];
    const id = randomUUID();
    const first = await send(side, token, t.caseId, { id, body: 'Are you there?' });
    expect(first.status, first.text).toBe(201);
    const retry = await send(side, token, t.caseId, { id, body: 'Are you there?' });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await t.h.db('messages').where({ force_id: t.force.forceId, case_id: t.caseId })).toHaveLength(1);
  });

  it(`stores exactly one message when several identical sends arrive at once${onPostgres ? '' : ' (PGlite: one connection, so they take turns)'}`, async () => {
    const t = await threadSetup();
    const id = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => send('victim', t.victimToken, t.caseId, { id, body: 'Only once, please' })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => response.body.cursor)).size).toBe(1);
    expect(await t.h.db('messages').where({ force_id: t.force.forceId, case_id: t.caseId })).toHaveLength(1);
    const audited = await t.h.db('audit_log').where({ force_id: t.force.forceId, subject_id: t.caseId, action: 'message.sent' });
    expect(audited).toHaveLength(1);

    // The same for update requests and for officer replies racing the victim's sends.
    const updateId = randomUUID();
    const asks = await Promise.all(Array.from({ length: 4 }, () => requestUpdate(t.victimToken, t.caseId, { id: updateId })));
    expect(asks.map((response) => response.status).sort()).toEqual([200, 200, 200, 201]);
    const mixed = await Promise.all([
      ...Array.from({ length: 3 }, (_, i) => send('victim', t.victimToken, t.caseId, { body: `victim ${i}` })),
      ...Array.from({ length: 3 }, (_, i) => send('officer', t.officerToken, t.caseId, { body: `officer ${i}` })),
    ]);
    expect(mixed.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect((await list('force', t.force.apiKey, t.caseId)).body.items).toHaveLength(8);
  });

  it('refuses the same id with a different body, kind or author (409), and keeps the first', async () => {
    const t = await threadSetup();
    const id = randomUUID();
    expect((await send('victim', t.victimToken, t.caseId, { id, body: 'First words' })).status).toBe(201);
    const otherBody = await send('victim', t.victimToken, t.caseId, { id, body: 'Other words' });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body).toMatchObject({ type: messageIdReused });
    expect((await requestUpdate(t.victimToken, t.caseId, { id, note: 'First words' })).body).toMatchObject({ status: 409, type: messageIdReused });
    expect((await send('officer', t.officerToken, t.caseId, { id, body: 'First words' })).body).toMatchObject({ status: 409, type: messageIdReused });
    expect((await send('force', t.force.apiKey, t.caseId, { id, body: 'First words' })).body).toMatchObject({ status: 409, type: messageIdReused });

    // An officer's id replayed as another officer is another author too.
    const replyId = randomUUID();
    expect((await send('force', t.force.apiKey, t.caseId, { id: replyId, body: 'Reply' })).status).toBe(201);
    const absence = { from: new Date(Date.now() - 60_000).toISOString(), until: new Date(Date.now() + 3_600_000).toISOString(), coveredBy: (await createTestOfficer(t.h.db, t.force.forceId, { collarNumber: `C${Date.now() % 1e6}` })).collarNumber };
    await call(t.h.url, 'putOfficerAbsence', `/v1/officers/${t.oic.collarNumber}/absence`, { method: 'PUT', token: t.force.apiKey, json: absence });
    const asCover = await send('force', t.force.apiKey, t.caseId, { id: replyId, body: 'Reply', collarNumber: absence.coveredBy });
    expect(asCover.body).toMatchObject({ status: 409, type: messageIdReused });

    const page = await list('victim', t.victimToken, t.caseId);
    expect(page.body.items.map((message) => message.body)).toEqual(['First words', 'Reply']);
  });

  it('keeps ids per case: the same id on another case is another message', async () => {
    const t = await threadSetup();
    const other = await threadSetup();
    const id = randomUUID();
    expect((await send('victim', t.victimToken, t.caseId, { id, body: 'Same id' })).status).toBe(201);
    expect((await send('victim', other.victimToken, other.caseId, { id, body: 'Same id' })).status).toBe(201);
  });
});
