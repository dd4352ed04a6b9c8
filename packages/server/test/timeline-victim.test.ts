import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreate, CaseEvent, CaseEventList, CaseStatus, ForceCase, Timeline, VictimCase, VictimCrimeReport } from '@victim-portal/contract';
import { nextUpdateDue } from '../src/features/timeline/next-update.js';
import { londonDate, nextWorkingDay } from '../src/features/timeline/working-days.js';
import { createTestVictimSession } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer } from './support/journey.js';

// The shared server starts once (PGlite takes seconds), outside any one test's time limit.
beforeAll(() => harness());

async function victimCase(extra: Partial<CaseCreate> = {}, language: 'en' | 'cy' = 'en') {
  const h = await harness();
  const force = await forceWithOfficer(h);
  const created = await createCase(h, force, caseBody({ language }, { officerInCharge: { collarNumber: force.collarNumber }, ...extra }));
  const session = await createTestVictimSession(h.db, force.forceId, created.id);
  const post = async (json: object) => {
    const response = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${created.id}/events`, { token: force.apiKey, json });
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  const timeline = (query = '', token = session) => call<Timeline>(h.url, 'getMyTimeline', `/v1/me/cases/${created.id}/timeline${query}`, { token });
  const forceEvents = async () => (await call<CaseEventList>(h.url, 'listCaseEvents', `/v1/cases/${created.id}/events`, { token: force.apiKey })).body.items;
  return { h, force, created, session, post, timeline, forceEvents };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('when the victim should next hear', () => {
  // Worked by hand: the agreed days after the UK day of the last contact, then the next working day.
  it.each([
    { status: 'under_investigation', lastContact: '2025-12-01T10:00:00Z', days: 28, want: '2025-12-29' }, // a Monday
    { status: 'under_investigation', lastContact: '2025-11-27T10:00:00Z', days: 28, want: '2025-12-29' }, // Christmas Day, Boxing Day, a weekend
    { status: 'under_investigation', lastContact: '2025-06-30T23:30:00Z', days: 7, want: '2025-07-08' }, // 00:30 BST on 1 July
    { status: 'report_received', lastContact: '2025-03-01T12:00:00Z', days: 14, want: '2025-03-17' }, // a Saturday, to Monday
    { status: 'suspect_charged', lastContact: '2026-12-18T09:00:00Z', days: 7, want: '2026-12-29' }, // Christmas on a Friday: Monday 28th is the substitute Boxing Day
    { status: 'awaiting_court_result', lastContact: '2025-04-11T09:00:00Z', days: 7, want: '2025-04-22' }, // Good Friday 18th, Easter Monday 21st
    { status: 'no_further_action', lastContact: '2025-12-01T10:00:00Z', days: 28, want: null },
    { status: 'unable_to_prosecute', lastContact: '2025-12-01T10:00:00Z', days: 28, want: null },
  ] as Array<{ status: CaseStatus; lastContact: string; days: number; want: string | null }>)('$status, last contact $lastContact, every $days days → $want', ({ status, lastContact, days, want }) => {
    expect(nextUpdateDue(status, new Date(lastContact), days)).toBe(want);
  });
});

describe('the victim’s timeline', () => {
  it('shows what they may see, newest first, with what it means and their Right to Review', async () => {
    const { post, timeline } = await victimCase();
    await post({ type: 'crime_allocated', occurredAt: '2025-11-03T09:00:00Z' });
    await post({ type: 'suspect_arrested', occurredAt: '2025-11-04T09:00:00Z', victimVisible: false });
    await post({ type: 'suspect_interviewed', occurredAt: '2025-11-05T09:00:00Z', officerText: 'We spoke to the person we arrested.' });
    const decision = await post({ type: 'no_further_action', occurredAt: '2025-11-20T09:00:00Z' });
    const response = await timeline();
    expect(response.status, response.text).toBe(200);
    const body = response.body;
    expect(body.events.map((e) => e.type)).toEqual(['no_further_action', 'suspect_interviewed', 'crime_allocated', 'officer_assigned', 'report_received']);
    expect(body.events[1]).toMatchObject({ text: 'We have interviewed a suspect.', officerText: 'We spoke to the person we arrested.', outcomeCode: null });
    expect(body).toMatchObject({ language: 'en', status: 'no_further_action', outcomeCode: null, nextUpdateDue: null, updateEveryDays: 28 });
    expect(body.explanation.title).toBe('No further action');
    expect(body.explanation.nextSteps.length).toBeGreaterThan(0);
    expect(body.rightToReview).toMatchObject({ decidedAt: decision.occurredAt });
  });

  it('in Welsh when asked, or when it is the victim’s language, with the force’s own wording where it has one', async () => {
    const { h, force, post, timeline } = await victimCase({}, 'cy');
    await post({ type: 'case_closed', outcomeCode: 18, occurredAt: '2025-11-20T09:00:00Z' });
    const put = await call(h.url, 'putEventWording', '/v1/force/event-wording/case_closed', { method: 'PUT', token: force.apiKey, json: { cy: 'Mae’r achos ar gau (geiriad yr heddlu).' } });
    expect(put.status, put.text).toBe(200);
    const welsh = (await timeline()).body;
    expect(welsh).toMatchObject({ language: 'cy', status: 'no_suspect_identified', outcomeCode: 18 });
    expect(welsh.events.find((e) => e.type === 'case_closed')).toMatchObject({ text: 'Mae’r achos ar gau (geiriad yr heddlu).', outcomeCode: 18 });
    expect(welsh.explanation.title).toBe('Heb ddod o hyd i rywun a amheuir');
    const english = (await timeline('?lang=en')).body;
    expect(english.language).toBe('en');
    expect(english.events.find((e) => e.type === 'case_closed')?.text).toBe('We have closed the case.');
    expect(english.explanation.title).toBe('No suspect found');
  });

  it('explains a closure by its outcome code', async () => {
    const { post, timeline } = await victimCase();
    await post({ type: 'case_closed', outcomeCode: 5, occurredAt: '2025-11-20T09:00:00Z' });
    const body = (await timeline()).body;
    expect(body).toMatchObject({ status: 'unable_to_prosecute', outcomeCode: 5 });
    expect(body.explanation.title).toBe('The offender has died');
  });

  it('opening it tells the victim of the key decisions it shows, and only those', async () => {
    const { h, force, created, post, timeline, forceEvents } = await victimCase();
    const allocated = await post({ type: 'crime_allocated', occurredAt: '2025-11-03T09:00:00Z' });
    const hidden = await post({ type: 'suspect_arrested', occurredAt: '2025-11-04T09:00:00Z', victimVisible: false });
    const charged = await post({ type: 'charged', occurredAt: '2025-11-05T09:00:00Z' });
    const toldBefore = await post({ type: 'released_on_bail', occurredAt: '2025-11-05T10:00:00Z', told: { toldAt: '2025-11-05T11:00:00Z', method: 'phone' } });
    expect((await timeline()).status).toBe(200);
    const byId = new Map((await forceEvents()).map((event) => [event.id, event]));
    expect(byId.get(charged.id)).toMatchObject({ toldBy: 'portal', duty: 'late' });
    expect(byId.get(toldBefore.id)).toMatchObject({ toldBy: 'phone', toldAt: '2025-11-05T11:00:00.000Z' });
    expect(byId.get(hidden.id)).toMatchObject({ toldAt: null, duty: 'none' });
    expect(byId.get(allocated.id)).toMatchObject({ toldAt: null });
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: created.id, action: 'case.timeline_read' }).pluck('reason');
    expect(audit).toEqual(['victim opened their timeline (5 events shown, 1 newly told)']);
  });

  it('says when the next update is due: the agreed days after the last visible event or officer message', async () => {
    const { h, force, created, timeline } = await victimCase();
    const preference = await h.db('victims').where({ force_id: force.forceId, id: h.db('cases').select('victim_id').where({ id: created.id }) }).update({ update_every_days: 14 });
    expect(preference).toBe(1);
    const [lastEvent] = await h.db('case_events').where({ force_id: force.forceId, case_id: created.id }).max('created_at as at');
    const first = (await timeline()).body;
    expect(first).toMatchObject({ updateEveryDays: 14, nextUpdateDue: nextWorkingDay(addDays(londonDate(lastEvent?.at as Date), 14)) });
    // A message from the officer counts as contact (here dated ten days on, to tell it apart).
    const officerId = (await h.db('cases').where({ id: created.id }).first('oic_officer_id')).oic_officer_id as string;
    const [message] = await h.db('messages')
      .insert({ id: randomUUID(), force_id: force.forceId, case_id: created.id, kind: 'text', author_type: 'officer', author_officer_id: officerId, body: 'An update.', created_at: h.db.raw("now() + interval '10 days'") })
      .returning<{ created_at: Date }[]>('created_at');
    const later = (await timeline()).body;
    expect(later.nextUpdateDue).toBe(nextWorkingDay(addDays(londonDate(message!.created_at), 14)));
    // The victim's case and the force's case say the same.
    const mine = await call<VictimCase>(h.url, 'getMyCase', `/v1/me/cases/${created.id}`, { token: (await victimSessionOf(created.id, force.forceId)) });
    expect(mine.body.nextUpdateDue).toBe(later.nextUpdateDue);
    const theirs = await call<ForceCase>(h.url, 'getCase', `/v1/cases/${created.id}`, { token: force.apiKey });
    expect(theirs.body.nextUpdateDue).toBe(later.nextUpdateDue);
  });

  it('answers 404 for a case hidden from the victim (the refusal audited), another victim’s case, or none; 401 signed out', async () => {
    const { h, force, created, timeline } = await victimCase();
    const other = await victimCase();
    expect((await timeline('', other.session)).status).toBe(404);
    expect((await call(h.url, 'getMyTimeline', `/v1/me/cases/${randomUUID()}/timeline`, { token: (await victimSessionOf(created.id, force.forceId)) })).status).toBe(404);
    expect((await timeline('', 'vps_not-a-session-token-at-all')).status).toBe(401);
    const patched = await call(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json: { riskFlags: ['domestic_abuse'] } });
    expect(patched.status).toBe(200);
    expect((await timeline()).status).toBe(404);
    expect((await call(h.url, 'getMyCrimeReport', `/v1/me/cases/${created.id}/crime-report`, { token: (await victimSessionOf(created.id, force.forceId)) })).status).toBe(404);
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: created.id }).pluck('action');
    expect(audit.filter((action) => action === 'case.read_refused')).toHaveLength(2);
    expect(audit).not.toContain('case.timeline_read');
  });
});

async function victimSessionOf(caseId: string, forceId: string): Promise<string> {
  const h = await harness();
  return createTestVictimSession(h.db, forceId, caseId);
}

describe('the victim’s crime report', () => {
  const report = { account: 'Someone broke the back door and took my laptop.', incidentFrom: '2025-10-31T22:00:00.000Z', incidentUntil: '2025-11-01T07:00:00.000Z', location: 'At home' };

  it('is the account the force recorded, read-only, and nothing once the force withdraws it', async () => {
    const { h, force, created, session } = await victimCase({ crimeReport: report });
    expect(created.crimeReport).toEqual(report);
    const read = () => call<VictimCrimeReport>(h.url, 'getMyCrimeReport', `/v1/me/cases/${created.id}/crime-report`, { token: session });
    const shown = await read();
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body).toEqual({ caseId: created.id, crimeReference: created.crimeReference, crimeType: created.offence.label, reportedAt: created.reportedAt, reportedVia: created.reportedVia, ...report });
    const withdrawn = await call<ForceCase>(h.url, 'updateCase', `/v1/cases/${created.id}`, { method: 'PATCH', token: force.apiKey, json: { crimeReport: null } });
    expect(withdrawn.body.crimeReport).toBeNull();
    expect((await read()).body).toMatchObject({ account: null, incidentFrom: null, incidentUntil: null, location: null });
    const audit = await h.db('audit_log').where({ force_id: force.forceId, subject_id: created.id, action: 'case.crime_report_read' }).pluck('reason');
    expect(audit).toEqual(['victim read their crime report', 'victim asked for their crime report; none shared']);
  });
});
