import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { audienceOfCase, casesVisibleTo, loadThreadEvents } from '../src/features/messages/read-model.js';
import { createTestForce, createTestOfficer } from '../src/testing.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer, signedInVictim } from './support/journey.js';

// The read model the live streams and webhooks use, read straight from rows written here; the
// thread endpoints' own tests write them through HTTP.
describe('thread read model', () => {
  it('loads messages and receipts of a force in seq order, with the read state after each receipt', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const created = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: force.collarNumber } }));
    const officer = await h.db('officers').where({ force_id: force.forceId, collar_number: force.collarNumber }).first<{ id: string }>();
    const insert = async (row: Record<string, unknown>) =>
      (await h.db('messages').insert({ id: randomUUID(), force_id: force.forceId, case_id: created.id, ...row }).returning<{ seq: string }[]>('seq'))[0]!.seq;
    const first = await insert({ kind: 'text', author_type: 'victim', body: 'Any news?' });
    const second = await insert({ kind: 'update_request', author_type: 'victim', body: null });
    const [receipt] = await h.db('read_receipts')
      .insert({ force_id: force.forceId, case_id: created.id, reader: 'officer', reader_officer_id: officer!.id, up_to_seq: second })
      .returning<{ seq: string }[]>('seq');
    const reply = await insert({ kind: 'text', author_type: 'officer', author_officer_id: officer!.id, body: 'Yes: <b>charged</b>' });

    const events = await loadThreadEvents(h.db, { forceId: force.forceId });
    expect(events.map((event) => [event.type, event.seq])).toEqual([
      ['message.created', String(first)],
      ['update.requested', String(second)],
      ['message.read', String(receipt!.seq)],
      ['message.created', String(reply)],
    ]);
    expect(events[1]?.data.type).toBe('message.created');
    expect(events[1]?.data.message?.kind).toBe('update_request');
    expect(events[0]?.data.message?.readAt).toEqual(expect.any(String));
    expect(events[2]).toMatchObject({ reader: 'officer', crimeReference: created.crimeReference, data: { read: { victim: null, officer: String(second) } } });
    expect(events[3]?.data.message).toMatchObject({ body: 'Yes: <b>charged</b>', author: { type: 'officer', officer: { collarNumber: force.collarNumber } }, readAt: null });

    expect((await loadThreadEvents(h.db, { forceId: force.forceId, afterSeq: String(second) })).map((event) => event.seq)).toEqual([String(receipt!.seq), String(reply)]);
    expect((await loadThreadEvents(h.db, { forceId: force.forceId, seqs: [String(reply)] })).map((event) => event.seq)).toEqual([String(reply)]);
    expect(await loadThreadEvents(h.db, { forceId: force.forceId, caseIds: [] })).toEqual([]);
    expect((await loadThreadEvents(h.db, { forceId: force.forceId, limit: 2 })).length).toBe(2);
    // Another force sees none of it, whatever it asks for.
    const other = await createTestForce(h.db);
    expect(await loadThreadEvents(h.db, { forceId: other.forceId, caseIds: [created.id] })).toEqual([]);
  });

  it('knows which cases a victim and an officer (in charge or covering now) may see', async () => {
    const h = await harness();
    const { force, created, sessionToken } = await signedInVictim(h);
    const visible = await casesVisibleTo(h.db, { kind: 'victim', sessionTokenHash: hashToken(sessionToken) });
    expect(visible).toMatchObject({ kind: 'victim', forceId: force.forceId, caseIds: [created.id] });
    expect(await casesVisibleTo(h.db, { kind: 'victim', sessionTokenHash: hashToken('vps_unknown') })).toBe('signed_out');

    const oic = await h.db('officers').where({ force_id: force.forceId, collar_number: force.collarNumber }).first<{ id: string }>();
    const cover = await createTestOfficer(h.db, force.forceId);
    const seenBy = async (officerId: string) => ((await casesVisibleTo(h.db, { kind: 'officer', forceId: force.forceId, officerId })) as { caseIds: string[] }).caseIds;
    expect(await seenBy(oic!.id)).toEqual([created.id]);
    expect(await seenBy(cover.officerId)).toEqual([]);
    expect(await audienceOfCase(h.db, force.forceId, created.id)).toEqual({ victimId: expect.any(String), officerIds: [oic!.id], hiddenFromVictim: false });

    await h.db('officers').where({ id: oic!.id }).update({
      absent_from: h.db.raw("now() - interval '1 hour'"), absent_until: h.db.raw("now() + interval '1 day'"), covered_by_officer_id: cover.officerId,
    });
    expect(await seenBy(cover.officerId)).toEqual([created.id]);
    expect(await seenBy(oic!.id)).toEqual([created.id]);
    expect((await audienceOfCase(h.db, force.forceId, created.id))?.officerIds).toEqual([oic!.id, cover.officerId]);

    // An absence that has ended (or not begun) gives the cover nothing.
    await h.db('officers').where({ id: oic!.id }).update({ absent_from: h.db.raw("now() - interval '2 days'"), absent_until: h.db.raw("now() - interval '1 day'") });
    expect(await seenBy(cover.officerId)).toEqual([]);
    expect(await audienceOfCase(h.db, force.forceId, randomUUID())).toBeUndefined();
  });
});
