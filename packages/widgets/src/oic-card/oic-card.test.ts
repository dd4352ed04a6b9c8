import { describe, expect, it } from 'vitest';
import { openapiDocument } from '@victim-portal/contract';
import type { Rank } from '@victim-portal/sdk';
import { burglary, officerAwayWithCover } from '../../test/fixtures.js';
import { expectAccessible } from '../../test/axe.js';
import { mount, shownText } from '../../test/render.js';
import { rankWords } from '../shared/case-words.js';
import { useLocale } from '../shared/localization.js';
import './oic-card.js';

const schemas = (openapiDocument as { components: { schemas: Record<string, { enum: string[] }> } }).components.schemas;
const officer = burglary.officerInCharge!;

describe('<vp-oic-card>', () => {
  it("shows the officer's name, rank in words and collar number", async () => {
    const element = await mount('vp-oic-card', { officer });

    const values = [...element.shadowRoot!.querySelectorAll('dd')].map((value) => value.textContent?.trim());
    expect(values).toEqual(['DC Sam Patel', 'Detective Constable', '4521']);
  });

  it('says kindly that no officer has the case yet', async () => {
    const element = await mount('vp-oic-card', { officer: null });

    const text = shownText(element);
    expect(text).toContain('Your case has not been given to an officer yet.');
    expect(text).toContain('call 101');
    expect(element.shadowRoot!.querySelector('dl')).toBeNull();
  });

  it('shows the no-officer message when no officer property was set at all', async () => {
    const element = await mount('vp-oic-card');

    expect(shownText(element)).toContain('Your case has not been given to an officer yet.');
  });

  it.each(schemas.Rank!.enum as Rank[])('has words for the rank %s in English and Welsh', async (rank) => {
    await useLocale('en');
    const english = rankWords(rank);
    await useLocale('cy');
    const welsh = rankWords(rank);
    await useLocale('en');

    expect(english).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
    expect(welsh).toMatch(/\S/);
    expect(welsh).not.toBe(english);
  });

  it('leaves out a rank a newer service added, rather than show a code', async () => {
    const element = await mount('vp-oic-card', { officer: { ...officer, rank: 'chief_constable' as Rank } });

    const terms = [...element.shadowRoot!.querySelectorAll('dt')].map((term) => term.textContent?.trim());
    expect(terms).toEqual(['Name', 'Collar number']);
    expect(shownText(element)).not.toContain('chief_constable');
  });

  it('renders in Welsh when its lang is cy', async () => {
    const element = await mount('vp-oic-card', { officer }, { lang: 'cy' });

    await expect.poll(() => shownText(element)).toContain('Ditectif Gwnstabl');
    expect(shownText(element)).toContain('Rhif coler');
  });

  it('says when an absent officer is back, and who is covering: name, rank and collar number', async () => {
    const element = await mount('vp-oic-card', { officer: officerAwayWithCover });

    const absence = element.shadowRoot!.querySelector('[part="absence"]')!;
    expect(shownText(absence)).toContain('DS Jo Rees is away. They are back on 24 March 2025.');
    expect(shownText(absence)).toContain('While they are away, this officer is covering your case:');
    const cover = [...absence.querySelectorAll('.fact')].map((fact) => `${fact.querySelector('dt')!.textContent}: ${fact.querySelector('dd')!.textContent}`);
    expect(cover).toEqual(['Name: DC Amir Khan', 'Rank: Detective Constable', 'Collar number: 3380']);
  });

  it('says when nobody is covering an absent officer', async () => {
    const absence = { ...officerAwayWithCover.absence!, coveredBy: null };
    const element = await mount('vp-oic-card', { officer: { ...officerAwayWithCover, absence } });

    const text = shownText(element.shadowRoot!.querySelector('[part="absence"]')!);
    expect(text).toContain('They are back on 24 March 2025.');
    expect(text).toContain('Nobody is covering while they are away.');
    expect(element.shadowRoot!.querySelectorAll('[part="absence"] dl')).toHaveLength(0);
  });

  it('shows no absence for an officer who is not away', async () => {
    const element = await mount('vp-oic-card', { officer });

    expect(element.shadowRoot!.querySelector('[part="absence"]')).toBeNull();
  });

  it('says the absence in Welsh on a Welsh page', async () => {
    const element = await mount('vp-oic-card', { officer: officerAwayWithCover }, { lang: 'cy' });

    await expect.poll(() => shownText(element)).toContain('Bydd yn ôl ar 24 Mawrth 2025.');
    expect(shownText(element)).toContain('Ditectif Gwnstabl');
  });

  it('has no WCAG 2.2 A/AA violations with an officer or without, present or away', async () => {
    await expectAccessible(await mount('vp-oic-card', { officer }));
    await expectAccessible(await mount('vp-oic-card', { officer: null }));
    await expectAccessible(await mount('vp-oic-card', { officer: officerAwayWithCover }));
  });
});
