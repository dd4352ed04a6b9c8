// The third language, Polish, proves that a language is data: its catalogue (xliff/pl.xlf) and
// its code in lit-localize.json, no code of the element's. Dates come from Intl in that language.
import { describe, expect, it } from 'vitest';
import { burglary } from '../../test/fixtures.js';
import { mount, shownText } from '../../test/render.js';
import './case-status.js';

describe('<vp-case-status> in any language of the catalogues', () => {
  it('renders in Polish when its lang is pl, the date written by Intl in Polish', async () => {
    const element = await mount('vp-case-status', { case: burglary }, { lang: 'pl' });

    await expect.poll(() => shownText(element)).toContain('Prowadzimy postępowanie');
    const text = shownText(element);
    expect(text).toContain('Numer referencyjny przestępstwa');
    expect(text).toContain('3 marca 2025');
    expect(text).toContain('Telefonicznie, pod numerem 101');
    expect(text).not.toContain('About your case');
  });

  it('renders in Polish when the page is Polish (pl-PL)', async () => {
    document.documentElement.lang = 'pl-PL';
    const element = await mount('vp-case-status', { case: burglary });

    await expect.poll(() => shownText(element)).toContain('O twojej sprawie');
    const due = element.shadowRoot!.querySelector('[part="status"] [part="update-due"]');
    expect(due?.textContent).toBe('Kolejną informację o sprawie otrzymasz najpóźniej 31 marca 2025.');
  });

  it("takes its own lang over the page's", async () => {
    document.documentElement.lang = 'pl';
    const element = await mount('vp-case-status', { case: burglary }, { lang: 'cy' });

    await expect.poll(() => shownText(element)).toContain('Am eich achos');
  });

  it('stays in English on a page in a language it has no catalogue for', async () => {
    document.documentElement.lang = 'fr';
    const element = await mount('vp-case-status', { case: burglary });

    await expect.poll(() => shownText(element)).toContain('About your case');
    expect(shownText(element)).toContain('3 March 2025');
  });
});
