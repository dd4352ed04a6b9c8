import { describe, expect, it } from 'vitest';
import { openapiDocument } from '@victim-portal/contract';
import type { Rank } from '@victim-portal/sdk';
import { burglary } from '../../test/fixtures.js';
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

  it('has no WCAG 2.2 A/AA violations with an officer or without', async () => {
    await expectAccessible(await mount('vp-oic-card', { officer }));
    await expectAccessible(await mount('vp-oic-card', { officer: null }));
  });
});
