// The languages as data: which page languages the widgets speak, and numbers, dates and plurals
// written by Intl for the active one.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'lit';
import { burglaryTimeline } from '../../test/fixtures.js';
import { formatCount, formatEstimate, formatRate } from '../force-dashboard/numbers.js';
import { targetLocales } from '../locales/locale-codes.js';
import { timelineView } from '../timeline/timeline-view.js';
import { formatDay, formatTime } from './dates.js';
import { activeLocale, plural, serviceLanguageFor, supportedLocale, useLocale, type PluralForms } from './localization.js';

afterEach(() => useLocale('en'));

/** Forms that answer with their own name, to see which one the grammar picked. */
const named = Object.fromEntries((['zero', 'one', 'two', 'few', 'many', 'other'] as const).map((form) => [form, () => form])) as PluralForms;

describe('supportedLocale', () => {
  it.each([
    ['pl', 'pl'],
    ['pl-PL', 'pl'],
    ['PL', 'pl'],
    ['cy-GB', 'cy'],
    ['cy', 'cy'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    ['plx', 'en'],
  ])('reads the language tag %j as %j', (tag, locale) => {
    expect(supportedLocale(tag)).toBe(locale);
  });

  it('speaks every target locale of lit-localize.json', () => {
    expect(targetLocales).toEqual(expect.arrayContaining(['cy', 'pl']));
    for (const locale of targetLocales) expect(supportedLocale(`${locale}-GB`)).toBe(locale);
  });

  it("asks the service for its own words in English where it has no Polish (the contract's languages are en and cy)", () => {
    expect(serviceLanguageFor('pl')).toBe('en');
    expect(serviceLanguageFor('cy')).toBe('cy');
  });
});

describe('formatting for the active language', () => {
  it('writes dates, times and numbers in Polish', async () => {
    await useLocale('pl');
    expect(activeLocale()).toBe('pl');

    expect(formatDay('2025-03-03T10:15:00Z')).toBe('3 marca 2025');
    expect(formatDay('2025-07-31T23:30:00Z')).toBe('1 sierpnia 2025');
    expect(formatTime('2025-03-12T18:45:00Z')).toBe('18:45');
    expect(formatCount(18475)).toBe('18\u00a0475');
    expect(formatEstimate(812.5)).toBe('812,5');
    expect(formatRate(0.567)).toBe('56,7%');
  });

  it('writes them in British English, and again after a change of language', async () => {
    await useLocale('pl');
    await useLocale('en');

    expect(formatDay('2025-03-03T10:15:00Z')).toBe('3 March 2025');
    expect(formatTime('2025-03-12T18:45:00Z')).toBe('18:45');
    expect(formatCount(18475)).toBe('18,475');
    expect(formatEstimate(812.5)).toBe('812.5');
    expect(formatRate(0.567)).toBe('56.7%');
  });

  it("writes Welsh dates from the catalogue's month names and British digits where Chrome has no Welsh data", async () => {
    await useLocale('cy');

    expect(formatDay('2025-03-03T10:15:00Z')).toBe('3 Mawrth 2025');
    expect(formatCount(18475)).toBe('18,475');
    expect(formatRate(0.567)).toBe('56.7%');
  });
});

describe('plural', () => {
  it.each([
    [1, 'one'],
    [2, 'few'],
    [4, 'few'],
    [5, 'many'],
    [12, 'many'],
    [22, 'few'],
    [0, 'many'],
  ])('picks the Polish form for %d: %s', async (count, form) => {
    await useLocale('pl');
    expect(plural(count, named)).toBe(form);
  });

  it.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [6, 'many'],
    [4, 'other'],
  ])('picks the Welsh form for %d: %s', async (count, form) => {
    await useLocale('cy');
    expect(plural(count, named)).toBe(form);
  });

  it('picks one or other in English', async () => {
    await useLocale('en');
    expect([0, 1, 2, 5].map((count) => plural(count, named))).toEqual(['other', 'one', 'other', 'other']);
  });
});

describe("the service's own words on a Polish page", () => {
  it('are marked as the language the service wrote them in', async () => {
    await useLocale('pl');
    const container = document.createElement('div');
    render(timelineView(burglaryTimeline, 2), container);

    expect(container.querySelector('h2')?.textContent).toBe('Co się dzieje w twojej sprawie');
    expect(container.querySelector('.title')?.getAttribute('lang')).toBe('en');
    expect(container.querySelector('.title')?.textContent).toBe('We are investigating');
    expect(container.querySelector('.event p[lang]')?.getAttribute('lang')).toBe('en');
  });
});
