// Case events, Victims' Code duties, compliance and event wording through ForceClient, and the
// victim's timeline, crime report and rights through VictimClient, against the real service.
import { describe, expect, it } from 'vitest';
import { createTestVictimSession } from '@victim-portal/server/testing';
import { ForceClient, ProblemError, VictimClient, problemTypes, type CaseEventCreate, type CaseEventType } from '../src/index.js';
import { newCase, newThread, useServer } from './support/world.js';

const server = useServer();

const hour = 3_600_000;
const day = 24 * hour;
/** @returns the instant `ms` before now, as the contract writes it */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/** @returns the UTC date `days` from today (negative: before), YYYY-MM-DD */
const dateFromToday = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

describe('ForceClient: case events and duties', () => {
  it('posts a key decision, lists it as due, records that the victim was told, and no longer lists it', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    // Now, so that it comes after the officer's assignment when the case was created.
    const arrested = await thread.forceClient.recordEvent(caseId, { type: 'suspect_arrested', occurredAt: ago(0), officerText: 'A man was arrested this morning.' });
    expect(arrested).toMatchObject({ caseId, type: 'suspect_arrested', victimVisible: true, keyDecision: true, officerText: 'A man was arrested this morning.', outcomeCode: null, toldAt: null, toldBy: null, duty: 'pending' });
    expect(Date.parse(arrested.dueBy!)).toBeGreaterThan(Date.parse(arrested.occurredAt) + day);
    expect(arrested.victimText).not.toBe('');

    const events = await thread.forceClient.events(caseId);
    expect(events.map((e) => e.type)).toEqual(['report_received', 'officer_assigned', 'suspect_arrested']);
    expect(events[2]).toEqual(arrested);

    const open = await thread.forceClient.duties({ collarNumber: thread.officer.collarNumber });
    expect(open.items).toEqual([
      expect.objectContaining({ kind: 'tell_victim', caseId, crimeReference: thread.theCase.crimeReference, eventId: arrested.id, eventType: 'suspect_arrested', dueBy: arrested.dueBy, overdue: false }),
    ]);
    expect(open.items[0]!.officerInCharge).toMatchObject({ collarNumber: thread.officer.collarNumber });
    expect((await thread.forceClient.duties({ dueBefore: new Date(Date.parse(arrested.dueBy!) - 1000) })).items).toEqual([]);
    expect((await thread.forceClient.duties({ dueBefore: new Date(Date.parse(arrested.dueBy!) + 1000), limit: 1 })).items).toHaveLength(1);
    expect((await thread.forceClient.duties({ state: 'overdue' })).items).toEqual([]);
    expect((await thread.forceClient.duties({ collarNumber: '000001' })).items).toEqual([]);

    const toldAt = ago(0);
    const told = await thread.forceClient.recordVictimTold(caseId, arrested.id, { toldAt, method: 'phone' });
    expect(told).toMatchObject({ id: arrested.id, toldBy: 'phone', duty: 'met' });
    expect(Date.parse(told.toldAt!)).toBe(Date.parse(toldAt));
    // Only the first telling counts.
    expect(await thread.forceClient.recordVictimTold(caseId, arrested.id, { toldAt: ago(0), method: 'letter' })).toEqual(told);
    expect((await thread.forceClient.duties()).items).toEqual([]);
  });

  it('sends an Idempotency-Key, so the same key and event are stored once', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const event = { type: 'crime_allocated' as const, occurredAt: ago(hour) };
    const first = await thread.forceClient.recordEvent(caseId, event, { idempotencyKey: 'allocation-1' });
    expect(first).toMatchObject({ type: 'crime_allocated', keyDecision: false, dueBy: null, duty: 'none' });
    expect(await thread.forceClient.recordEvent(caseId, event, { idempotencyKey: 'allocation-1' })).toEqual(first);
    expect((await thread.forceClient.events(caseId)).filter((e) => e.type === 'crime_allocated')).toHaveLength(1);
    await expect(thread.forceClient.recordEvent(caseId, { ...event, officerText: 'Other words' }, { idempotencyKey: 'allocation-1' })).rejects.toMatchObject({
      status: 422,
      type: problemTypes.idempotencyKeyReused,
    });
  });

  it('surfaces refused events and tellings as ProblemError with their types', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const refused = await thread.forceClient.recordEvent(caseId, { type: 'suspect_interviewed', occurredAt: new Date(Date.now() + hour).toISOString() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 422, type: problemTypes.timeInFuture });
    // The service records these itself, and a closed case needs its outcome code.
    await expect(thread.forceClient.recordEvent(caseId, { type: 'officer_assigned', occurredAt: ago(hour) } as unknown as CaseEventCreate)).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
    await expect(thread.forceClient.recordEvent(caseId, { type: 'case_closed', occurredAt: ago(hour) })).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
    await expect(thread.forceClient.recordEvent('6a1f7c9e-0000-4000-8000-000000000000', { type: 'charged', occurredAt: ago(hour) })).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });
    await expect(thread.forceClient.events('6a1f7c9e-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });

    const charged = await thread.forceClient.recordEvent(caseId, { type: 'charged', occurredAt: ago(hour) });
    await expect(thread.forceClient.recordVictimTold(caseId, charged.id, { toldAt: ago(2 * hour), method: 'in_person' })).rejects.toMatchObject({ status: 422, type: problemTypes.timeBeforeEvent });
    await expect(thread.forceClient.recordVictimTold(caseId, '6a1f7c9e-0000-4000-8000-000000000000', { toldAt: ago(0), method: 'in_person' })).rejects.toMatchObject({ status: 404 });
    await expect(thread.forceClient.duties({ limit: 0 })).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
  });
});

describe('ForceClient: Victims\' Code compliance', () => {
  it('counts deadlines met, late, overdue and not yet due, for standard and enhanced cases and referrals', async () => {
    const thread = await newThread(server());
    const { forceClient } = thread;
    const standard = thread.theCase.id;
    const enhanced = (await forceClient.createCase({ ...newCase(thread.officer.collarNumber), enhancedRights: true })).id;
    const longAgo = ago(40 * day);

    // Standard (5 working days): told the next day (met), told 20 days later (late), never told (overdue).
    const met = await forceClient.recordEvent(standard, { type: 'suspect_arrested', occurredAt: longAgo });
    await forceClient.recordVictimTold(standard, met.id, { toldAt: ago(39 * day), method: 'phone' });
    const late = await forceClient.recordEvent(standard, { type: 'suspect_interviewed', occurredAt: longAgo, told: { toldAt: ago(20 * day), method: 'letter' } });
    expect(late).toMatchObject({ toldBy: 'letter', duty: 'late' });
    expect(await forceClient.recordEvent(standard, { type: 'released_on_bail', occurredAt: longAgo })).toMatchObject({ duty: 'overdue' });
    // Enhanced (1 working day): told 12 hours later (met). A new decision is not yet due.
    const enhancedMet = await forceClient.recordEvent(enhanced, { type: 'charged', occurredAt: longAgo, told: { toldAt: new Date(Date.parse(longAgo) + 12 * hour).toISOString(), method: 'in_person' } });
    expect(enhancedMet).toMatchObject({ duty: 'met' });
    await forceClient.recordEvent(standard, { type: 'charged', occurredAt: ago(60_000) });

    const report = await forceClient.victimsCodeCompliance({ from: dateFromToday(-60), to: dateFromToday(30) });
    expect(report).toMatchObject({
      from: dateFromToday(-60),
      to: dateFromToday(30),
      tellVictim: { due: 4, met: 2, late: 1, overdue: 1, rate: 0.5, notYetDue: 1 },
      enhanced: { due: 1, met: 1, late: 0, overdue: 0, rate: 1, notYetDue: 0 },
      standard: { due: 3, met: 1, late: 1, overdue: 1, notYetDue: 1 },
      supportReferrals: { due: 0, met: 0, late: 0, overdue: 0, rate: null, notYetDue: 0 },
    });
    expect(report.standard.rate).toBeCloseTo(1 / 3);
    expect((await forceClient.duties({ state: 'overdue' })).items.map((duty) => duty.eventType)).toEqual(['released_on_bail']);
  });

  it('refuses a period that ends before it starts', async () => {
    const { forceClient } = await newThread(server());
    await expect(forceClient.victimsCodeCompliance({ from: '2026-11-30', to: '2026-11-01' })).rejects.toMatchObject({ status: 422, type: problemTypes.invalidPeriod });
    await expect(forceClient.victimsCodeCompliance({ from: '2026-11-01', to: 'soon' })).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
  });
});

describe('ForceClient: event wording', () => {
  it('lists every event type, changes one in one language, and goes back to the standard with null', async () => {
    const thread = await newThread(server());
    const { forceClient } = thread;
    const wording = await forceClient.eventWording();
    const types: CaseEventType[] = wording.map((entry) => entry.eventType);
    expect(types).toContain('report_received');
    expect(types).toContain('update_given');
    expect(types).toHaveLength(16);
    const standard = wording.find((entry) => entry.eventType === 'suspect_arrested')!;
    expect(standard.wording).toEqual(standard.standard);
    expect(standard.custom).toEqual({ en: null, cy: null });

    const custom = await forceClient.setEventWording('suspect_arrested', { en: 'Someone has been arrested. Your officer will explain what happens next.' });
    expect(custom).toEqual({
      eventType: 'suspect_arrested',
      wording: { en: 'Someone has been arrested. Your officer will explain what happens next.', cy: standard.standard.cy },
      standard: standard.standard,
      custom: { en: 'Someone has been arrested. Your officer will explain what happens next.', cy: null },
    });
    const arrested = await forceClient.recordEvent(thread.theCase.id, { type: 'suspect_arrested', occurredAt: ago(60_000) });
    expect(arrested.victimText).toBe('Someone has been arrested. Your officer will explain what happens next.');

    expect(await forceClient.setEventWording('suspect_arrested', { en: null })).toEqual(standard);
    await expect(forceClient.setEventWording('suspect_arrested', {})).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
    await expect(forceClient.setEventWording('no_such_event' as CaseEventType, { en: 'x' })).rejects.toMatchObject({ status: 400, type: problemTypes.invalidRequest });
  });
});

describe('VictimClient: timeline, crime report and rights', () => {
  it('reads the timeline newest first, in either language; opening it tells the victim', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const arrested = await thread.forceClient.recordEvent(caseId, { type: 'suspect_arrested', occurredAt: ago(0), officerText: 'He is in custody.' });
    const victim = thread.victim();

    const timeline = await victim.timeline(caseId);
    expect(timeline).toMatchObject({ caseId, language: 'en', status: 'under_investigation', outcomeCode: null, rightToReview: null });
    expect(timeline.events[0]).toEqual({ id: arrested.id, type: 'suspect_arrested', occurredAt: arrested.occurredAt, text: arrested.victimText, officerText: 'He is in custody.', outcomeCode: null });
    expect(timeline.events.map((e) => e.type)).toContain('report_received');
    expect(timeline.explanation.title).not.toBe('');
    expect(timeline.nextUpdateDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const told = (await thread.forceClient.events(caseId)).find((e) => e.id === arrested.id);
    expect(told).toMatchObject({ toldBy: 'portal', duty: 'met' });

    const welsh = await victim.timeline(caseId, { lang: 'cy' });
    expect(welsh.language).toBe('cy');
    expect(welsh.events[0]!.text).not.toBe(timeline.events[0]!.text);
  });

  it("reads the victim's own crime report, and null words where the force shared none", async () => {
    const thread = await newThread(server());
    const crimeReport = { account: 'I came home to find the back door forced.', incidentFrom: '2026-11-19T18:00:00.000Z', incidentUntil: '2026-11-19T22:30:00.000Z', location: 'At my home' };
    const withReport = await thread.forceClient.createCase({ ...newCase(thread.officer.collarNumber), crimeReport });
    const victim = new VictimClient({ baseUrl: server().url, sessionToken: await createTestVictimSession(server().db, thread.force.forceId, withReport.id) });
    const report = await victim.crimeReport(withReport.id);
    expect(report).toMatchObject({ caseId: withReport.id, crimeReference: withReport.crimeReference, crimeType: 'Burglary of a home', reportedVia: 'phone_101', account: crimeReport.account, location: 'At my home' });
    expect(Date.parse(report.incidentFrom!)).toBe(Date.parse(crimeReport.incidentFrom));
    expect(Date.parse(report.incidentUntil!)).toBe(Date.parse(crimeReport.incidentUntil));

    expect(await thread.victim().crimeReport(thread.theCase.id)).toMatchObject({ account: null, incidentFrom: null, incidentUntil: null, location: null });
    // Another victim's case is not there at all.
    await expect(victim.crimeReport(thread.theCase.id)).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });
  });

  it('shows the rights of the stage, and the Right to Review after no further action following an interview', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const victim = thread.victim();
    const investigating = await victim.rights(caseId);
    expect(investigating.stage).toBe('investigation');
    expect(investigating.rightToReview).toBeNull();
    expect(investigating.code.rights.length).toBeGreaterThan(0);
    for (const right of investigating.code.rights) expect(right.stages).toContain('investigation');

    await thread.forceClient.recordEvent(caseId, { type: 'suspect_interviewed', occurredAt: ago(2 * day) });
    const decision = await thread.forceClient.recordEvent(caseId, { type: 'no_further_action', occurredAt: ago(hour) });
    const decided = await victim.rights(caseId, { lang: 'cy' });
    expect(decided).toMatchObject({ stage: 'decision', code: { language: 'cy' } });
    expect(Date.parse(decided.rightToReview!.decidedAt)).toBe(Date.parse(decision.occurredAt));
    expect(decided.rightToReview!.askBy > dateFromToday(80)).toBe(true);
  });

  it('ends the session when the service says it is over', async () => {
    const thread = await newThread(server());
    let ended = 0;
    const victim = thread.victim({ onSessionEnded: () => { ended += 1; } });
    await victim.signOut();
    const again = new VictimClient({ baseUrl: server().url, sessionToken: thread.victimToken, onSessionEnded: () => { ended += 1; } });
    await expect(again.timeline(thread.theCase.id)).rejects.toMatchObject({ status: 401, type: problemTypes.unauthenticated });
    expect(again.sessionToken).toBeUndefined();
    expect(ended).toBe(1);
    await expect(again.preferences()).rejects.toMatchObject({ status: 401, type: problemTypes.unauthenticated });
  });

  it("answers another victim's case as one that does not exist", async () => {
    const mine = await newThread(server());
    const theirs = await newThread(server());
    for (const read of [() => mine.victim().timeline(theirs.theCase.id), () => mine.victim().rights(theirs.theCase.id, { lang: 'en' })]) {
      const refused = await read().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProblemError);
      expect(refused).toMatchObject({ status: 404, type: problemTypes.notFound });
    }
  });
});

describe('ForceClient: a key that is not the force\'s', () => {
  it('is refused on every read, as ProblemError 401', async () => {
    const forged = new ForceClient({ baseUrl: server().url, apiKey: 'vpk_nonsense' });
    for (const read of [() => forged.duties(), () => forged.eventWording(), () => forged.supportServices(), () => forged.victimsCodeCompliance({ from: '2026-11-01', to: '2026-11-30' })]) {
      await expect(read()).rejects.toMatchObject({ status: 401, type: problemTypes.unauthenticated });
    }
  });
});
