import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Message } from '@victim-portal/contract';
import { createTestOfficer } from '../src/testing.js';
import { call } from './support/api.js';
import { list, requestUpdate, sent, threadSetup } from './support/threads.js';

const hour = 60 * 60 * 1000;

describe('a case’s message thread', () => {
  it('keeps messages from both sides in order, the same from every side, and pages through it', async () => {
    const t = await threadSetup();
    const first = await sent('victim', t.victimToken, t.caseId, 'Has anyone looked at the CCTV?');
    const asked = await requestUpdate(t.victimToken, t.caseId);
    expect(asked.status, asked.text).toBe(201);
    const reply = await sent('officer', t.officerToken, t.caseId, 'Yes, this morning.');
    const fromForce = await sent('force', t.force.apiKey, t.caseId, 'We have a suspect.');
    const ids = [first.id, asked.body.id, reply.id, fromForce.id];

    expect(first).toMatchObject({ caseId: t.caseId, kind: 'text', author: { type: 'victim' }, body: 'Has anyone looked at the CCTV?', readAt: null });
    expect(asked.body).toMatchObject({ kind: 'update_request', author: { type: 'victim' }, body: null });
    const officer = { collarNumber: t.oic.collarNumber, displayName: 'DC Sam Patel', rank: 'detective_constable' };
    expect(reply.author).toEqual({ type: 'officer', officer });
    // The records system replies as the officer in charge when it names nobody.
    expect(fromForce.author).toEqual({ type: 'officer', officer });
    const cursors = [first, asked.body, reply, fromForce].map((message) => BigInt(message.cursor));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);

    for (const [side, token] of [['victim', t.victimToken], ['officer', t.officerToken], ['force', t.force.apiKey]] as const) {
      const page = await list(side, token, t.caseId);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.map((message) => message.id)).toEqual(ids);
      expect(page.body.nextCursor).toBeNull();
      expect(page.body.read).toEqual({ victim: null, officer: null });
      expect(page.body.officerInCharge).toEqual(officer);
    }

    const firstPage = await list('victim', t.victimToken, t.caseId, '?limit=3');
    expect(firstPage.body.items.map((message) => message.id)).toEqual(ids.slice(0, 3));
    expect(firstPage.body.nextCursor).toBe(reply.cursor);
    const secondPage = await list('victim', t.victimToken, t.caseId, `?limit=3&after=${firstPage.body.nextCursor}`);
    expect(secondPage.body.items.map((message) => message.id)).toEqual(ids.slice(3));
    expect(secondPage.body.nextCursor).toBeNull();
    const exact = await list('victim', t.victimToken, t.caseId, `?limit=2&after=${asked.body.cursor}`);
    expect(exact.body.items.map((message) => message.id)).toEqual(ids.slice(2));
    expect(exact.body.nextCursor).toBeNull();
    expect((await list('victim', t.victimToken, t.caseId, `?after=${fromForce.cursor}`)).body).toMatchObject({ items: [], nextCursor: null });

    expect((await list('victim', t.victimToken, t.caseId, '?limit=0')).status).toBe(400);
    expect((await list('victim', t.victimToken, t.caseId, '?limit=201')).status).toBe(400);
    expect((await list('victim', t.victimToken, t.caseId, '?after=abc')).status).toBe(400);
    expect((await list('victim', t.victimToken, t.caseId, '?after=9999999999999999999')).status).toBe(400);
  });

  it('stores bodies exactly as sent: markup, line breaks and other scripts stay plain text', async () => {
    const t = await threadSetup();
    const bodies = ['<script>alert(1)</script>', 'Line one\nLine two\r\n\tindented', '  spaces kept  ', 'Diolch yn fawr 🙏 — ¿qué? 你好', '&lt;b&gt; &amp;', 'x'.repeat(2000)];
    for (const body of bodies) await sent('victim', t.victimToken, t.caseId, body);
    const page = await list('officer', t.officerToken, t.caseId);
    expect(page.body.items.map((message) => message.body)).toEqual(bodies);
    const note = await requestUpdate(t.victimToken, t.caseId, { note: '<img src=x onerror=alert(1)>' });
    expect(note.body.body).toBe('<img src=x onerror=alert(1)>');
    expect((await requestUpdate(t.victimToken, t.caseId, { note: '' })).status).toBe(400);
    for (const body of ['', 'x'.repeat(2001)]) {
      const refused = await call(t.h.url, 'sendMyMessage', `/v1/me/cases/${t.caseId}/messages`, { token: t.victimToken, json: { id: randomUUID(), body } });
      expect(refused.status).toBe(400);
    }
  });

  it('is append-only: the database refuses to change or delete a message or a receipt', async () => {
    const t = await threadSetup();
    const message = await sent('victim', t.victimToken, t.caseId, 'Original words');
    await call(t.h.url, 'markOfficerMessagesRead', `/v1/officer/cases/${t.caseId}/messages/read`, { token: t.officerToken, json: { upTo: message.cursor } });
    await expect(t.h.db('messages').where({ force_id: t.force.forceId }).update({ body: 'Changed words' })).rejects.toThrow(/append-only/);
    await expect(t.h.db('messages').where({ force_id: t.force.forceId }).delete()).rejects.toThrow(/append-only/);
    await expect(t.h.db('read_receipts').where({ force_id: t.force.forceId }).update({ up_to_seq: 1 })).rejects.toThrow(/append-only/);
    await expect(t.h.db('read_receipts').where({ force_id: t.force.forceId }).delete()).rejects.toThrow(/append-only/);
    await expect(t.h.db.raw('truncate messages cascade')).rejects.toThrow(/append-only/);
    expect((await list('victim', t.victimToken, t.caseId)).body.items.map((m: Message) => m.body)).toEqual(['Original words']);
  });

  it('lets the records system reply as the covering officer only while the absence is in force', async () => {
    const t = await threadSetup();
    const cover = await createTestOfficer(t.h.db, t.force.forceId, { displayName: 'DS Ada Khan', rank: 'detective_sergeant' });
    const stranger = await createTestOfficer(t.h.db, t.force.forceId);
    const asCover = () => call<Message>(t.h.url, 'sendCaseMessage', `/v1/cases/${t.caseId}/messages`, { token: t.force.apiKey, json: { id: randomUUID(), body: 'Covering', collarNumber: cover.collarNumber } });
    const refused = await asCover();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: 'urn:victim-portal:problem:not-allowed-to-reply' });

    const absence = { from: new Date(Date.now() - hour).toISOString(), until: new Date(Date.now() + hour).toISOString(), coveredBy: cover.collarNumber };
    await call(t.h.url, 'putOfficerAbsence', `/v1/officers/${t.oic.collarNumber}/absence`, { method: 'PUT', token: t.force.apiKey, json: absence });
    const covering = await asCover();
    expect(covering.status, covering.text).toBe(201);
    expect(covering.body.author.officer?.collarNumber).toBe(cover.collarNumber);
    // The officer in charge may still reply while away.
    expect((await sent('force', t.force.apiKey, t.caseId, 'Back soon', { collarNumber: t.oic.collarNumber })).author.officer?.collarNumber).toBe(t.oic.collarNumber);
    const notAllowed = await call(t.h.url, 'sendCaseMessage', `/v1/cases/${t.caseId}/messages`, { token: t.force.apiKey, json: { id: randomUUID(), body: 'Hi', collarNumber: stranger.collarNumber } });
    expect(notAllowed.body).toMatchObject({ status: 422, type: 'urn:victim-portal:problem:not-allowed-to-reply' });
    const unknown = await call(t.h.url, 'sendCaseMessage', `/v1/cases/${t.caseId}/messages`, { token: t.force.apiKey, json: { id: randomUUID(), body: 'Hi', collarNumber: 'NOPE9' } });
    expect(unknown.body).toMatchObject({ status: 422, type: 'urn:victim-portal:problem:unknown-officer' });

    // The victim's page says who is covering and when the officer in charge is back.
    const page = await list('victim', t.victimToken, t.caseId);
    expect(page.body.officerInCharge?.absence).toEqual({ ...absence, coveredBy: { collarNumber: cover.collarNumber, displayName: 'DS Ada Khan', rank: 'detective_sergeant' } });

    await call(t.h.url, 'clearOfficerAbsence', `/v1/officers/${t.oic.collarNumber}/absence`, { method: 'DELETE', token: t.force.apiKey });
    expect((await asCover()).status).toBe(422);
    expect((await list('victim', t.victimToken, t.caseId)).body.officerInCharge).not.toHaveProperty('absence');
  });

  it('writes an audit row for every read and write of the thread, naming who', async () => {
    const t = await threadSetup();
    const before = await t.h.db('audit_log').where({ force_id: t.force.forceId, subject_id: t.caseId }).count<{ count: string }[]>('* as count');
    const message = await sent('victim', t.victimToken, t.caseId, 'Hello');
    await requestUpdate(t.victimToken, t.caseId);
    await list('victim', t.victimToken, t.caseId);
    await list('officer', t.officerToken, t.caseId);
    await call(t.h.url, 'markOfficerMessagesRead', `/v1/officer/cases/${t.caseId}/messages/read`, { token: t.officerToken, json: { upTo: message.cursor } });
    await sent('officer', t.officerToken, t.caseId, 'Hi');
    await list('force', t.force.apiKey, t.caseId);
    const rows = await t.h.db('audit_log')
      .where({ force_id: t.force.forceId, subject_type: 'case', subject_id: t.caseId })
      .orderBy('id')
      .offset(Number(before[0]?.count ?? 0))
      .select('actor_type', 'actor_id', 'action');
    const victimId = (await t.h.db('cases').where({ id: t.caseId }).first()).victim_id;
    expect(rows).toEqual([
      { actor_type: 'victim', actor_id: victimId, action: 'message.sent' },
      { actor_type: 'victim', actor_id: victimId, action: 'message.update_requested' },
      { actor_type: 'victim', actor_id: victimId, action: 'thread.read' },
      { actor_type: 'officer', actor_id: t.oic.officerId, action: 'thread.read' },
      { actor_type: 'officer', actor_id: t.oic.officerId, action: 'thread.marked_read' },
      { actor_type: 'officer', actor_id: t.oic.officerId, action: 'message.sent' },
      { actor_type: 'force_api_key', actor_id: expect.any(String), action: 'thread.read' },
    ]);
  });
});
