// Theming in both colour schemes: the force's page as it is (the portal's own defaults, and the
// site's brand colour) and the two example themes (public/themes/), each in Chromium with the
// visitor's system set to light and then to dark. On every page the sign-in screen (with its
// error summary) and the signed-in case view pass axe, colour contrast included, the page's CSP
// refuses nothing, and the theme's colours are the ones the portal drew.
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@victim-portal/server';
import { answerWithCode, axeViolations, burglaryForVictim, openLinkFromMailbox, openSection, servePageForForce, startTestSite, watchForProblems, type TestSite } from './browser-helpers.js';

const siteDir = fileURLToPath(new URL('../public', import.meta.url));
const widgetsDir = fileURLToPath(new URL('../../../packages/widgets/dist', import.meta.url));

type Scheme = 'light' | 'dark';

/** The colours each page should end up with: from its tokens, or the portal's defaults. */
interface Look {
  /** The brand colour (the current section's button is filled with it). */
  brand: string;
  /** The main button's fill. */
  button: string;
  /** The portal's background. */
  background: string;
  /** The edge of the error summary. */
  error: string;
}

interface ThemedPage {
  name: string;
  path: string;
  looks: Record<Scheme, Look>;
}

const pages: ThemedPage[] = [
  {
    // site.css sets only the brand colour (with a dark value): the rest are the portal's defaults,
    // so its light and dark rows differ in every colour.
    name: 'the force site with the default look',
    path: '/',
    looks: {
      light: { brand: '#0b2a4a', button: '#00703c', background: '#ffffff', error: '#d4351c' },
      dark: { brand: '#9cc3e6', button: '#00823b', background: '#131415', error: '#f28b82' },
    },
  },
  {
    name: 'the Northmoor theme',
    path: '/theme-northmoor.html',
    looks: {
      light: { brand: '#005a5b', button: '#005a5b', background: '#ffffff', error: '#b42318' },
      dark: { brand: '#7fd1d1', button: '#1a7f80', background: '#0f1a1b', error: '#ff9a8f' },
    },
  },
  {
    // Keeps its light look in dark mode: its tokens win over the portal's dark defaults.
    name: 'the Estuary theme',
    path: '/theme-estuary.html',
    looks: {
      light: { brand: '#4c2c92', button: '#6e3fbf', background: '#ffffff', error: '#a4263b' },
      dark: { brand: '#4c2c92', button: '#6e3fbf', background: '#ffffff', error: '#a4263b' },
    },
  },
];

/** The case's sections after Status, as the portal's navigation names them. */
const sections = ['Timeline', 'Messages', 'Your report', 'Your rights', 'Support', 'Settings'];

let site: TestSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite({ siteDir, widgetsDir });
  ({ server, browser } = site);
});

afterAll(() => site?.close());

/** `rgb(r, g, b)`, as getComputedStyle gives a colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * A computed style of the first element matching the selector, looked for through the widgets'
 * shadow roots (the portal's parts are inside its own and its children's).
 * @returns the value, or undefined when nothing on the page matches
 */
function styleOf(page: Page, selector: string, property: 'backgroundColor' | 'borderTopColor' | 'color'): Promise<string | undefined> {
  return page.evaluate(([selector, property]) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const element of Array.from(root.querySelectorAll('*'))) {
        const inner = element.shadowRoot ? find(element.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const element = find(document);
    return element ? getComputedStyle(element)[property] : undefined;
  }, [selector, property] as const);
}

describe.each<[Scheme, string]>([
  ['light', '+447700900301'],
  ['dark', '+447700900302'],
])('with the system colour scheme %s', (scheme, mobile) => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1024, height: 900 } });
    page = await context.newPage();
    problems = await watchForProblems(page);
    await servePageForForce(page, site.forceSlug, ['/index.html', ...pages.map((themed) => themed.path)]);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('the sign-in screen of every page, with its error summary, passes axe in the theme’s colours', async () => {
    for (const themed of pages) {
      const look = themed.looks[scheme];
      await page.goto(`${server.url}${themed.path}`);
      await page.getByRole('button', { name: 'Send me a new sign-in link' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Get a new sign-in link' }).count()).toBe(1);
      // Sent empty: the error summary, the field's message and its red edge appear.
      await page.getByRole('button', { name: 'Send me a new sign-in link' }).click();
      await expect.poll(() => styleOf(page, '[part="error-summary"]', 'borderTopColor'), { timeout: 10_000 }).toBe(rgb(look.error));
      expect(await styleOf(page, '[part="submit-button"]', 'backgroundColor'), themed.name).toBe(rgb(look.button));
      expect(await styleOf(page, '[part="base"]', 'backgroundColor'), themed.name).toBe(rgb(look.background));
      expect(await axeViolations(page), themed.name).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('signed in, every section of the case on every page passes axe in the theme’s colours', async () => {
    const email = `theme.${scheme}@example.com`;
    const { crimeReference } = await burglaryForVictim(site, { email, mobile }, { referencePrefix: 'KN' });
    await openLinkFromMailbox(page, server, email);
    await expect.poll(() => page.getByRole('heading', { name: 'Enter the code we sent you' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await answerWithCode(page, server, mobile);

    // The session stays with the tab, so each themed page opens on the same case.
    for (const themed of pages) {
      const look = themed.looks[scheme];
      if (themed.path !== '/') await page.goto(`${server.url}${themed.path}`);
      await expect.poll(() => page.getByText(crimeReference).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('DC Sam Patel').count()).toBeGreaterThan(0);
      expect(await styleOf(page, '[part="section-button"][aria-current="true"]', 'backgroundColor'), themed.name).toBe(rgb(look.brand));
      expect(await styleOf(page, '[part="base"]', 'backgroundColor'), themed.name).toBe(rgb(look.background));
      expect(await axeViolations(page), themed.name).toEqual([]);

      // Every other section: each is its own element, with its own colours to get right.
      for (const section of sections) {
        await openSection(page, section);
        const region = page.getByRole('region', { name: section, exact: true });
        await expect.poll(() => region.getByRole('heading').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await expect.poll(() => page.getByText(/^Getting /).count(), { timeout: 15_000 }).toBe(0);
        expect(await axeViolations(page), `${themed.name}: ${section}`).toEqual([]);
      }
    }
    expect(problems).toEqual([]);
  });
});
