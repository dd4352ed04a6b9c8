import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestOfficer } from '../src/testing.js';
import { call } from './support/api.js';
import { list, markRead, requestUpdate, sent, threadSetup } from './support/threads.js';

describe('read receipts', () => {
  it('record how far each side has read, and when the other side first read each message', async () => {
    const t = await threadSetup();
    const question = await sent('victim', t.victimToken, t.caseId, 'Any news?');
    const again = await sent('victim', t.victimToken, t.caseId, 'Hello?');
    expect((await list('victim', t.victimToken, t.caseId)).body.items.map((message) => message.readAt)).toEqual([null, null]);

    const officerRead = await markRead('officer', t.officerToken, t.caseId, { upTo: question.cursor });
    expect(officerRead.status, officerRead.text).toBe(200);
    expect(officerRead.body).toEqual({ victim: null, officer: question.cursor });
    let page = await list('victim', t.victimToken, t.caseId);
    expect(page.body.read).toEqual({ victim: null, officer: question.cursor });
    const firstReadAt = page.body.items[0]?.readAt;
    expect(firstReadAt).toEqual(expect.any(String));
    expect(page.body.items[1]?.readAt).toBeNull();

    const reply = await sent('officer', t.officerToken, t.caseId, 'Yes, soon.');
    // The officer's read reaches the reply too, but a receipt counts only the other side's
    // messages: the officer's own reply is not "read" by them.
    expect((await markRead('officer', t.officerToken, t.caseId, { upTo: reply.cursor })).body).toEqual({ victim: null, officer: reply.cursor });
    page = await list('force', t.force.apiKey, t.caseId);
    expect(page.body.items.map((message) => message.readAt === null)).toEqual([false, false, true]);
    // "First read": a later receipt does not move the first message's readAt.
    expect(page.body.items[0]?.readAt).toBe(firstReadAt);

    const victimRead = await markRead('victim', t.victimToken, t.caseId, { upTo: reply.cursor });
    expect(victimRead.body).toEqual({ victim: reply.cursor, officer: reply.cursor });
    page = await list('officer', t.officerToken, t.caseId);
    expect(page.body.items[2]?.readAt).toEqual(expect.any(String));
    expect(page.body.read).toEqual({ victim: reply.cursor, officer: reply.cursor });
    expect(again.readAt).toBeNull();
  });

  it('never move back, and adds no receipt for a read already covered', async () => {
    const t = await threadSetup();
    const first = await sent('victim', t.victimToken, t.caseId, 'One');
    const second = await sent('victim', t.victimToken, t.caseId, 'Two');
    expect((await markRead('officer', t.officerToken, t.caseId, { upTo: second.cursor })).body.officer).toBe(second.cursor);
    expect((await markRead('officer', t.officerToken, t.caseId, { upTo: first.cursor })).body.officer).toBe(second.cursor);
    expect((await markRead('force', t.force.apiKey, t.caseId, { upTo: second.cursor })).body.officer).toBe(second.cursor);
    expect(await t.h.db('read_receipts').where({ force_id: t.force.forceId, case_id: t.caseId })).toHaveLength(1);
  });

  it('from the records system, are the officer in charge’s unless it names the cover', async () => {
    const t = await threadSetup();
    const message = await sent('victim', t.victimToken, t.caseId, 'One');
    const stranger = await createTestOfficer(t.h.db, t.force.forceId);
    const refused = await markRead('force', t.force.apiKey, t.caseId, { upTo: message.cursor, collarNumber: stranger.collarNumber });
    expect(refused.body).toMatchObject({ status: 422, type: 'urn:victim-portal:problem:not-allowed-to-reply' });
    expect((await markRead('force', t.force.apiKey, t.caseId, { upTo: message.cursor })).status).toBe(200);
    const receipt = await t.h.db('read_receipts').where({ force_id: t.force.forceId, case_id: t.caseId }).first();
    expect(receipt).toMatchObject({ reader: 'officer', reader_officer_id: t.oic.officerId });
  });

  it('refuses a position that is not a message of this thread', async () => {
    const t = await threadSetup();
    const other = await threadSetup();
    const elsewhere = await sent('victim', other.victimToken, other.caseId, 'Another thread');
    await sent('victim', t.victimToken, t.caseId, 'This thread');
    for (const upTo of [elsewhere.cursor, '9223372036854775807']) {
      const refused = await markRead('officer', t.officerToken, t.caseId, { upTo });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body).toMatchObject({ errors: [{ pointer: '/upTo' }] });
    }
    expect((await markRead('officer', t.officerToken, t.caseId, { upTo: 'latest' })).status).toBe(400);
    expect((await markRead('officer', t.officerToken, t.caseId, { upTo: '99999999999999999999' })).status).toBe(400);
    expect(await t.h.db('read_receipts').where({ force_id: t.force.forceId })).toHaveLength(0);
  });

  it('can cover an update request, which then counts as read', async () => {
    const t = await threadSetup();
    const asked = await requestUpdate(t.victimToken, t.caseId, { id: randomUUID() });
    await markRead('officer', t.officerToken, t.caseId, { upTo: asked.body.cursor });
    const page = await call<{ items: { readAt: string | null }[] }>(t.h.url, 'listMyMessages', `/v1/me/cases/${t.caseId}/messages`, { token: t.victimToken });
    expect(page.body.items[0]?.readAt).toEqual(expect.any(String));
  });
});
