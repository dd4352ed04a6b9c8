// axe over every story of every element, in `npm test`: each story is rendered as Storybook
// renders it (its render function with its args and parameters, inside the decorators of
// .storybook/preview.ts, which play the force's page), its play function run when it has one
// (ours only click and type in the canvas), then checked at 1024 px, at 320 px (a phone) and with
// text at 200% (WCAG 1.4.4), each time also for sideways scrolling (WCAG 1.4.10). A story that throws, or never settles, fails its test, as a story
// module that throws on import fails the file. The fake services answer: no server is involved.
import { render, type TemplateResult } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page } from 'vitest/browser';
import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import preview from '../../../../.storybook/preview.js';
import { axeViolations } from '../../test/axe.js';

type Story = StoryObj<Record<string, unknown>>;
type StoryModule = { default: Meta<Record<string, unknown>> } & Record<string, unknown>;

// Every story module, loaded up front: one that throws on import fails this file.
const modules = import.meta.glob<StoryModule>('../**/*.stories.ts', { eager: true });

/** @returns the module's stories by export name, as Storybook lists them (CSF: every named export but `__namedExportsOrder`) */
function storiesOf(module: StoryModule): [string, Story][] {
  return Object.entries(module).filter(([name]) => name !== 'default' && name !== '__namedExportsOrder') as [string, Story][];
}

/** Storybook's default render for a story without one: the component with its args as properties. */
const defaultRender = (component: string) => (args: Record<string, unknown>) => Object.assign(document.createElement(component), args);

/**
 * Renders a story into `canvas` the way Storybook does: args and parameters merged from the
 * project, the component and the story; the story's decorators innermost, the project's outermost.
 */
function renderStory(meta: StoryModule['default'], story: Story, name: string, canvas: HTMLElement): StoryContext {
  const args = { ...preview.args, ...meta.args, ...story.args } as Record<string, unknown>;
  const parameters = { ...preview.parameters, ...meta.parameters, ...story.parameters };
  const context = { args, parameters, globals: { ...preview.initialGlobals }, canvasElement: canvas, id: name, name, title: meta.title, component: meta.component, argTypes: {}, tags: [], viewMode: 'story' } as unknown as StoryContext;
  const storyRender = story.render ?? meta.render ?? defaultRender(String(meta.component));
  const decorators = [...((story.decorators ?? []) as Decorator[]), ...((meta.decorators ?? []) as Decorator[]), ...((preview.decorators ?? []) as Decorator[])];
  const decorated = decorators.reduce<() => unknown>(
    (inner, decorator) => () => decorator(inner as Parameters<Decorator>[0], context),
    () => storyRender(context.args as never, context),
  );
  render(decorated() as TemplateResult, canvas);
  return context;
}

/** @returns every element under `root`, through shadow roots */
function allElements(root: Element | ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? allElements(element.shadowRoot) : [])]);
}

/** @returns what the canvas shows now: its markup, through shadow roots */
const snapshot = (canvas: HTMLElement): string => allElements(canvas).map((element) => `${element.localName}${element.shadowRoot?.innerHTML.length ?? ''}:${element.textContent?.length}`).join() + canvas.innerHTML;

/**
 * Waits until every Lit element in the canvas has rendered and nothing has changed for 150 ms:
 * the fake services answer in promises and timers, and a story that keeps loading (on purpose)
 * still settles. Fails after 5 s.
 */
async function settled(canvas: HTMLElement): Promise<void> {
  const start = performance.now();
  let last = '';
  let stableSince = performance.now();
  for (;;) {
    await Promise.all(allElements(canvas).map((element) => (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const now = snapshot(canvas);
    if (now !== last) [last, stableSince] = [now, performance.now()];
    else if (performance.now() - stableSince >= 150) return;
    if (performance.now() - start > 5000) throw new Error('The story did not settle within 5 s');
  }
}

/** The ways each story is checked: the width of the window, the text size and the page's colour scheme. */
const checks = [
  { name: '1024 px', width: 1024, textSize: '', scheme: 'light' },
  { name: '320 px', width: 320, textSize: '', scheme: 'light' },
  { name: 'text at 200%', width: 1024, textSize: '200%', scheme: 'light' },
  // The default tokens' dark values (prefers-color-scheme), contrast included.
  { name: 'dark, 320 px', width: 320, textSize: '', scheme: 'dark' },
] as const;

/** Emulates the page's preferred colour scheme in Chromium (DevTools protocol). */
async function colourScheme(scheme: 'light' | 'dark'): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  expect(matchMedia('(prefers-color-scheme: dark)').matches, `the page prefers ${scheme}`).toBe(scheme === 'dark');
}

const canvases: HTMLElement[] = [];
afterEach(async () => {
  for (const canvas of canvases.splice(0)) {
    render(null, canvas);
    canvas.remove();
  }
  document.documentElement.style.removeProperty('font-size');
  document.documentElement.lang = 'en';
  sessionStorage.clear();
  if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
  await page.viewport(1024, 800);
  await colourScheme('light');
});

it('finds the stories of all 13 elements', () => {
  const components = new Set(Object.values(modules).map((module) => module.default.component));
  expect(components.size).toBe(13);
});

for (const [path, module] of Object.entries(modules)) {
  const meta = module.default;
  describe(`${meta.title} (${path.replace(/^.*\//, '')})`, () => {
    it.each(storiesOf(module))('%s: renders; no WCAG 2.2 A/AA violations nor sideways scrolling at 1024 px, 320 px, with text at 200% and dark at 320 px', async (name, story) => {
      const canvas = document.createElement('div');
      canvas.id = 'storybook-root';
      document.body.append(canvas);
      canvases.push(canvas);

      const context = renderStory(meta, story, name, canvas);
      await settled(canvas);
      if (story.play) {
        await story.play(context as Parameters<NonNullable<Story['play']>>[0]);
        await settled(canvas);
      }
      expect(canvas.childElementCount, 'the story shows something').toBeGreaterThan(0);

      const found: string[] = [];
      for (const check of checks) {
        await page.viewport(check.width, 800);
        await colourScheme(check.scheme);
        document.documentElement.style.fontSize = check.textSize;
        await settled(canvas);
        found.push(...(await axeViolations(canvas)).map((violation) => `${check.name}: ${violation}`));
        // WCAG 1.4.10: at 320 px the page must not scroll sideways.
        if (document.documentElement.scrollWidth > check.width) found.push(`${check.name}: the page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);
      }
      expect(found).toEqual([]);
    });
  });
}
