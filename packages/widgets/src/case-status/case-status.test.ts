import { describe, expect, it } from 'vitest';
import { openapiDocument } from '@victim-portal/contract';
import type { CaseStatus, ReportedVia } from '@victim-portal/sdk';
import { burglary } from '../../test/fixtures.js';
import { expectAccessible } from '../../test/axe.js';
import { mount, shownText } from '../../test/render.js';
import { statusWords } from '../shared/case-words.js';
import { useLocale } from '../shared/localization.js';
import './case-status.js';

// The contract's own enum lists, so a value added there without wording fails here too.
const schemas = (openapiDocument as { components: { schemas: Record<string, { enum: string[] }> } }).components.schemas;
const allStatuses = schemas.CaseStatus!.enum as CaseStatus[];

describe('<vp-case-status>', () => {
  it('shows the crime reference, crime type, date and way reported, and the status in words', async () => {
    const element = await mount('vp-case-status', { case: burglary });

    const text = shownText(element);
    expect(text).toContain('KN/24/0012345');
    expect(text).toContain('Burglary of a home');
    expect(text).toContain('3 March 2025');
    expect(text).toContain('By phone, on 101');
    expect(text).toContain('We are investigating');
    expect(text).toContain('An officer is looking into what happened.');
    expect(text).not.toContain('under_investigation');
  });

  it('lists the facts as a definition list with a machine-readable date', async () => {
    const element = await mount('vp-case-status', { case: burglary });

    const terms = [...element.shadowRoot!.querySelectorAll('dt')].map((term) => term.textContent?.trim());
    expect(terms).toEqual(['Crime reference', 'Crime', 'Date reported', 'How you reported it']);
    expect(element.shadowRoot!.querySelector('time')?.getAttribute('datetime')).toBe(burglary.reportedAt);
  });

  it.each(allStatuses)('has victim-facing words for the status %s in English and Welsh', async (status) => {
    await useLocale('en');
    const english = statusWords(status);
    await useLocale('cy');
    const welsh = statusWords(status);
    await useLocale('en');

    for (const words of [english, welsh]) {
      expect(words.title).toMatch(/\S/);
      expect(words.explanation).toMatch(/\S/);
      expect(words.title).not.toContain(status);
    }
    expect(welsh.title).not.toBe(english.title);
  });

  it.each(schemas.ReportedVia!.enum as ReportedVia[])('says how the crime was reported for %s', async (reportedVia) => {
    const element = await mount('vp-case-status', { case: { ...burglary, reportedVia } });

    const how = element.shadowRoot!.querySelectorAll('dd')[3]!.textContent!.trim();
    expect(how).toMatch(/\S/);
    expect(how).not.toContain(reportedVia);
  });

  it('renders in Welsh when its lang is cy, dates included', async () => {
    const element = await mount('vp-case-status', { case: burglary }, { lang: 'cy' });

    await expect.poll(() => shownText(element)).toContain('Rydym yn ymchwilio');
    const text = shownText(element);
    expect(text).toContain('Cyfeirnod trosedd');
    expect(text).toContain('3 Mawrth 2025');
    expect(text).toContain('Dros y ffôn, ar 101');
  });

  it('renders in Welsh when the page is Welsh', async () => {
    document.documentElement.lang = 'cy-GB';
    const element = await mount('vp-case-status', { case: burglary });

    await expect.poll(() => shownText(element)).toContain('Am eich achos');
  });

  it('follows a change of the page language', async () => {
    const element = await mount('vp-case-status', { case: burglary });
    expect(shownText(element)).toContain('About your case');

    document.documentElement.lang = 'cy';

    await expect.poll(() => shownText(element)).toContain('Am eich achos');
  });

  it('uses the heading level it is given', async () => {
    const element = await mount('vp-case-status', { case: burglary }, { 'heading-level': '4' });

    expect(element.shadowRoot!.querySelector('h4')?.textContent).toBe('About your case');
  });

  it('says by when the next update is due, in the status panel', async () => {
    const element = await mount('vp-case-status', { case: burglary });

    const due = element.shadowRoot!.querySelector('[part="status"] [part="update-due"]');
    expect(due?.textContent).toBe('Your next update is due by 31 March 2025.');
  });

  it('says it in Welsh on a Welsh page', async () => {
    const element = await mount('vp-case-status', { case: burglary }, { lang: 'cy' });

    await expect.poll(() => element.shadowRoot!.querySelector('[part="update-due"]')?.textContent).toBe('Dylech gael y diweddariad nesaf erbyn 31 Mawrth 2025.');
  });

  it('has no update-due line once the case is closed (nextUpdateDue null)', async () => {
    const element = await mount('vp-case-status', { case: { ...burglary, status: 'offender_cautioned', nextUpdateDue: null } });

    expect(element.shadowRoot!.querySelector('[part="update-due"]')).toBeNull();
    expect(shownText(element)).toContain('The offender has been given a caution');
  });

  it('says something true, not nothing, for a status a newer service added', async () => {
    const element = await mount('vp-case-status', { case: { ...burglary, status: 'transferred_to_another_force' as CaseStatus } });

    expect(shownText(element)).toContain('Ask us for the latest');
    expect(shownText(element)).toContain('KN/24/0012345');
  });

  it('marks the crime type, which the service sends in English, as English on a Welsh page', async () => {
    const element = await mount('vp-case-status', { case: burglary }, { lang: 'cy' });

    const crimeType = [...element.shadowRoot!.querySelectorAll('dd')].find((value) => value.textContent === 'Burglary of a home');
    expect(crimeType?.lang).toBe('en');
  });

  it('renders nothing without a case', async () => {
    const element = await mount('vp-case-status');

    expect(shownText(element)).toBe('');
  });

  it('has no WCAG 2.2 A/AA violations, with the update-due line and without', async () => {
    await expectAccessible(await mount('vp-case-status', { case: burglary }));
    await expectAccessible(await mount('vp-case-status', { case: { ...burglary, status: 'no_suspect_identified', nextUpdateDue: null } }));
  });
});
