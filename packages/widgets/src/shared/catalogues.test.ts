/// <reference types="vite/client" />
// Every language is complete: each target locale of lit-localize.json has its xliff file, and
// every unit of every file has a translation that keeps the source's placeholders. A new
// string added without its translations fails here (run `npm run localize` to list it).
import { describe, expect, it } from 'vitest';
import config from '../../lit-localize.json';

// Vite reads every catalogue as text, whatever languages there are.
const files = import.meta.glob<string>('../../xliff/*.xlf', { query: '?raw', import: 'default', eager: true });
const catalogues = Object.entries(files).map(([path, text]) => ({ locale: path.replace(/^.*\/|\.xlf$/g, ''), xliff: new DOMParser().parseFromString(text, 'application/xml') }));

/** @returns the placeholders of a source or target, as their ids in order of id */
const placeholders = (element: Element | null) => [...(element?.querySelectorAll('x') ?? [])].map((x) => x.getAttribute('id')).sort();

describe('the xliff catalogues', () => {
  it('are one per target locale of lit-localize.json', () => {
    expect(catalogues.map(({ locale }) => locale).sort()).toEqual([...config.targetLocales].sort());
    expect(config.targetLocales).toEqual(expect.arrayContaining(['cy', 'pl']));
  });

  it.each(catalogues)('$locale: every unit has a translation with the same placeholders', ({ locale, xliff }) => {
    expect(xliff.querySelector('parsererror')).toBeNull();
    expect(xliff.querySelector('file')?.getAttribute('target-language')).toBe(locale);
    const units = [...xliff.querySelectorAll('trans-unit')];
    expect(units.length).toBeGreaterThan(400);
    const untranslated = units.filter((unit) => !unit.querySelector('target')?.textContent?.trim()).map((unit) => `${unit.id}: ${unit.querySelector('source')?.textContent}`);
    expect(untranslated).toEqual([]);
    const mismatched = units.filter((unit) => placeholders(unit.querySelector('source')).join() !== placeholders(unit.querySelector('target')).join()).map((unit) => unit.id);
    expect(mismatched).toEqual([]);
  });

  it('have the same units in every language', () => {
    const ids = catalogues.map(({ xliff }) => [...xliff.querySelectorAll('trans-unit')].map((unit) => unit.id).sort().join());
    expect(new Set(ids).size).toBe(1);
  });
});
