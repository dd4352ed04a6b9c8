import { beforeAll, describe, expect, it } from 'vitest';
import { problemTypes, type CaseEvent, type CaseEventList, type EventWording, type EventWordingList } from '@victim-portal/contract';
import { standardEventWording } from '../src/content/event-wording.js';
import { explanationFor, outcomeExplanations, statusExplanations } from '../src/content/outcomes.js';
import { caseEventTypes, outcomeStatuses } from '../src/features/timeline/vocabulary.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer } from './support/journey.js';

// The shared server starts once (PGlite takes seconds), outside any one test's time limit.
beforeAll(() => harness());

async function force() {
  const h = await harness();
  const theForce = await forceWithOfficer(h);
  const get = () => call<EventWordingList>(h.url, 'getEventWording', '/v1/force/event-wording', { token: theForce.apiKey });
  const put = <Body = EventWording>(eventType: string, json: unknown) =>
    call<Body>(h.url, 'putEventWording', `/v1/force/event-wording/${eventType}`, { method: 'PUT', token: theForce.apiKey, json });
  return { h, force: theForce, get, put };
}

describe('the standard wording and explanations', () => {
  it('word every event type in English and Welsh, short and distinct', () => {
    expect(Object.keys(standardEventWording).sort()).toEqual([...caseEventTypes].sort());
    for (const language of ['en', 'cy'] as const) {
      const texts = caseEventTypes.map((type) => standardEventWording[type][language]);
      expect(new Set(texts).size, language).toBe(texts.length);
      for (const text of texts) expect(text.length, text).toBeLessThanOrEqual(140);
    }
  });

  it('explain every status and every outcome code in both languages', () => {
    for (const status of Object.keys(statusExplanations) as Array<keyof typeof statusExplanations>) {
      for (const language of ['en', 'cy'] as const) {
        const explanation = explanationFor(status, null, language);
        expect(explanation.title && explanation.meaning, `${status} ${language}`).toBeTruthy();
        expect(explanation.nextSteps.length, `${status} ${language}`).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(outcomeExplanations)).toHaveLength(22);
    for (const [key, { status }] of Object.entries(outcomeStatuses)) {
      const code = Number(key) as keyof typeof outcomeStatuses;
      const en = explanationFor(status, code, 'en');
      const cy = explanationFor(status, code, 'cy');
      expect(en.title).not.toBe(cy.title);
      expect(en.nextSteps).toEqual(explanationFor(status, null, 'en').nextSteps);
    }
  });
});

describe('the force’s event wording', () => {
  it('lists every event type, the standard wording until the force changes it', async () => {
    const { get } = await force();
    const list = await get();
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((item) => item.eventType)).toEqual(caseEventTypes);
    for (const item of list.body.items) {
      expect(item).toEqual({ eventType: item.eventType, wording: standardEventWording[item.eventType], standard: standardEventWording[item.eventType], custom: { en: null, cy: null } });
    }
  });

  it('changes one language at a time, and null goes back to the standard wording', async () => {
    const { h, force: mine, get, put } = await force();
    const other = await force();
    const english = await put('charged', { en: 'Someone has been charged. Your officer will call you.' });
    expect(english.status, english.text).toBe(200);
    expect(english.body).toEqual({
      eventType: 'charged',
      wording: { en: 'Someone has been charged. Your officer will call you.', cy: standardEventWording.charged.cy },
      standard: standardEventWording.charged,
      custom: { en: 'Someone has been charged. Your officer will call you.', cy: null },
    });
    const welsh = await put('charged', { cy: 'Mae rhywun wedi’i gyhuddo.' });
    expect(welsh.body.custom).toEqual({ en: 'Someone has been charged. Your officer will call you.', cy: 'Mae rhywun wedi’i gyhuddo.' });
    expect((await get()).body.items.find((item) => item.eventType === 'charged')?.wording.cy).toBe('Mae rhywun wedi’i gyhuddo.');
    // Another force still reads the standard wording.
    expect((await other.get()).body.items.find((item) => item.eventType === 'charged')?.custom).toEqual({ en: null, cy: null });

    const back = await put('charged', { en: null });
    expect(back.body.wording).toEqual({ en: standardEventWording.charged.en, cy: 'Mae rhywun wedi’i gyhuddo.' });
    const audit = await h.db('audit_log').where({ force_id: mine.forceId, subject_type: 'force' }).whereLike('action', 'force.event_wording%').orderBy('id').pluck('reason');
    expect(audit).toEqual(['charged wording: en set', 'charged wording: cy set', 'records system read the event wording', 'charged wording: en back to standard']);
  });

  it('is what the force sees as an event’s victim text, in the victim’s language', async () => {
    const { h, force: mine, put } = await force();
    await put('suspect_arrested', { cy: 'Arestiwyd rhywun (geiriad yr heddlu).' });
    const created = await createCase(h, mine, caseBody({ language: 'cy' }));
    const posted = await call<CaseEvent>(h.url, 'createCaseEvent', `/v1/cases/${created.id}/events`, { token: mine.apiKey, json: { type: 'suspect_arrested', occurredAt: '2025-11-03T09:00:00Z' } });
    expect(posted.body.victimText).toBe('Arestiwyd rhywun (geiriad yr heddlu).');
    const listed = await call<CaseEventList>(h.url, 'listCaseEvents', `/v1/cases/${created.id}/events`, { token: mine.apiKey });
    expect(listed.body.items.find((event) => event.type === 'report_received')?.victimText).toBe(standardEventWording.report_received.cy);
  });

  it('refuses an unknown event type, an empty change or empty words', async () => {
    const { put } = await force();
    for (const [type, json] of [['arrested', { en: 'x' }], ['charged', {}], ['charged', { en: '' }], ['charged', { fr: 'x' }]] as const) {
      const response = await put<{ type: string }>(type, json);
      expect([response.status, response.body.type], `${type} ${JSON.stringify(json)}`).toEqual([400, problemTypes.invalidRequest]);
    }
  });
});
