import { beforeAll, describe, expect, it } from 'vitest';
import type { VictimsCode } from '@victim-portal/contract';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

async function code(query = ''): Promise<VictimsCode> {
  const h = await harness();
  const response = await call<VictimsCode>(h.url, 'getVictimsCode', `/v1/victims-code${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe("the Victims' Code, for anyone", () => {
  // Starting the shared server (and migrating its database) can take longer than one test may.
  beforeAll(() => harness());

  it('has the 12 rights of the 2020 Code in English, each with a summary and a link to its full text on GOV.UK', async () => {
    const english = await code();
    expect(english).toMatchObject({ version: '2021-04', language: 'en' });
    expect(english.rights.map((right) => right.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(english.rights[0]?.title).toBe('To be able to understand and to be understood');
    expect(english.rights[11]?.title).toBe('To make a complaint about your Rights not being met');
    for (const right of english.rights) {
      expect(right.summary.length).toBeGreaterThan(40);
      expect(right.url).toMatch(/^https:\/\/www\.gov\.uk\/government\/publications\/the-code-of-practice-for-victims-of-crime\/.+#right-\d+-/);
      expect(right.stages.length).toBeGreaterThan(0);
    }
    // Each right links to its own heading.
    expect(new Set(english.rights.map((right) => right.url)).size).toBe(12);
  });

  it('in Welsh links to the Welsh edition, with the same rights and stages', async () => {
    const [english, welsh] = await Promise.all([code(), code('?lang=cy')]);
    expect(welsh.language).toBe('cy');
    expect(welsh.title).not.toBe(english.title);
    expect(welsh.url).toBe('https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime.cy');
    expect(welsh.rights.map((right) => [right.number, right.stages])).toEqual(english.rights.map((right) => [right.number, right.stages]));
    welsh.rights.forEach((right, index) => {
      expect(right.title).not.toBe(english.rights[index]?.title);
      expect(right.summary).not.toBe(english.rights[index]?.summary);
      expect(right.url).toBe(welsh.url);
    });
  });

  it('filtered by stage gives only the rights that apply then', async () => {
    const numbersAt = async (stage: string) => (await code(`?stage=${stage}`)).rights.map((right) => right.number);
    expect(await numbersAt('reporting')).toEqual([1, 2, 3, 4, 5, 12]);
    expect(await numbersAt('investigation')).toEqual([1, 4, 5, 6, 7, 10, 12]);
    expect(await numbersAt('decision')).toEqual([1, 4, 6, 10, 12]);
    expect(await numbersAt('court')).toEqual([1, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const right of (await code('?stage=court')).rights) expect(right.stages).toContain('court');
  });

  it('refuses a stage or language it does not know (400)', async () => {
    const h = await harness();
    expect((await call(h.url, 'getVictimsCode', '/v1/victims-code?stage=appeal')).status).toBe(400);
    expect((await call(h.url, 'getVictimsCode', '/v1/victims-code?lang=fr')).status).toBe(400);
  });
});
