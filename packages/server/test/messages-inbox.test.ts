import { describe, expect, it } from 'vitest';
import { createTestOfficer, createTestOfficerToken, createTestVictimSession } from '../src/testing.js';
import { caseBody, createCase } from './support/journey.js';
import { inbox, markRead, requestUpdate, sent, threadSetup } from './support/threads.js';

describe('the officer’s inbox', () => {
  it('counts unread victim messages and pending update requests, and lists those needing attention first', async () => {
    const t = await threadSetup();
    const quiet = await createCase(t.h, t.force, caseBody({}, { officerInCharge: { collarNumber: t.oic.collarNumber } }));
    const answered = await createCase(t.h, t.force, caseBody({}, { officerInCharge: { collarNumber: t.oic.collarNumber } }));
    const answeredVictim = await createTestVictimSession(t.h.db, t.force.forceId, answered.id);

    // The answered case: the victim wrote, the officer read it and replied. Newest activity.
    const hello = await sent('victim', answeredVictim, answered.id, 'Hello');
    await markRead('officer', t.officerToken, answered.id, { upTo: hello.cursor });
    // The first case: two messages and an update request, none read, and older activity.
    await sent('victim', t.victimToken, t.caseId, 'One');
    const asked = (await requestUpdate(t.victimToken, t.caseId)).body;
    const two = await sent('victim', t.victimToken, t.caseId, 'Two');
    await sent('officer', t.officerToken, answered.id, 'Hello to you');

    let listed = await inbox(t.officerToken);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.officer).toEqual({ collarNumber: t.oic.collarNumber, displayName: 'DC Sam Patel', rank: 'detective_constable' });
    expect(listed.body.items).toEqual([
      {
        caseId: t.caseId, crimeReference: t.crimeReference, crimeType: 'Burglary of a home', victimName: 'Alex Morgan', role: 'officer_in_charge',
        unreadCount: 3, pendingUpdateRequests: 1, lastMessageAt: two.sentAt,
      },
      expect.objectContaining({ caseId: answered.id, unreadCount: 0, pendingUpdateRequests: 0, lastMessageAt: expect.any(String) }),
      expect.objectContaining({ caseId: quiet.id, unreadCount: 0, pendingUpdateRequests: 0, lastMessageAt: null }),
    ]);

    // Reading up to the update request leaves one unread; only a reply answers the request.
    await markRead('officer', t.officerToken, t.caseId, { upTo: asked.cursor });
    listed = await inbox(t.officerToken);
    expect(listed.body.items[0]).toMatchObject({ caseId: t.caseId, unreadCount: 1, pendingUpdateRequests: 1 });
    await markRead('officer', t.officerToken, t.caseId, { upTo: two.cursor });
    listed = await inbox(t.officerToken);
    expect(listed.body.items[0]).toMatchObject({ caseId: t.caseId, unreadCount: 0, pendingUpdateRequests: 1 });
    await sent('force', t.force.apiKey, t.caseId, 'Here is your update');
    listed = await inbox(t.officerToken);
    expect(listed.body.items.map((item) => [item.caseId, item.unreadCount, item.pendingUpdateRequests])).toEqual([
      [t.caseId, 0, 0],
      [answered.id, 0, 0],
      [quiet.id, 0, 0],
    ]);

    const audited = await t.h.db('audit_log').where({ force_id: t.force.forceId, actor_type: 'officer', action: 'officer.cases_listed' });
    expect(audited.length).toBe(12);
  });

  it('is empty for an officer with no cases, and names them', async () => {
    const t = await threadSetup();
    const idle = await createTestOfficer(t.h.db, t.force.forceId, { displayName: 'PC Lee Jones', rank: 'police_constable' });
    const listed = await inbox(await createTestOfficerToken(t.h.url, t.force.apiKey, idle.collarNumber));
    expect(listed.body).toEqual({ officer: { collarNumber: idle.collarNumber, displayName: 'PC Lee Jones', rank: 'police_constable' }, items: [] });
  });
});
