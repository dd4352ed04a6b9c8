import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { mount, shownText } from '../../test/render.js';
import type { VpQuickExitEvent } from '../events/quick-exit-event.js';
import { defaultExitUrl } from './quick-exit.js';
import './quick-exit.js';

/** Mounts an exit control whose navigation is recorded instead of happening. */
async function mountExit(attributes: Record<string, string> = {}) {
  const navigations: string[] = [];
  const element = await mount('vp-quick-exit', { navigate: (url: string) => void navigations.push(url) }, attributes);
  const link = element.shadowRoot!.querySelector('a')!;
  return { element, link, navigations };
}

describe('<vp-quick-exit>', () => {
  it('is a link to a neutral page, BBC Weather by default', async () => {
    const { link } = await mountExit();

    expect(link.textContent?.trim()).toBe('Exit this page');
    expect(link.href).toBe(defaultExitUrl);
    expect(link.rel).toBe('nofollow noreferrer');
  });

  it('fires vp-quick-exit, then leaves for the exit-url, when clicked', async () => {
    const { element, link, navigations } = await mountExit({ 'exit-url': 'https://www.example.org/news' });
    const events: VpQuickExitEvent[] = [];
    window.addEventListener('vp-quick-exit', (event) => events.push(event), { once: true });

    await userEvent.click(link);

    expect(events).toHaveLength(1);
    expect(events[0]!.exitUrl).toBe('https://www.example.org/news');
    expect(events[0]!.composed).toBe(true);
    expect(navigations).toEqual(['https://www.example.org/news']);
    expect(element.isConnected).toBe(true);
  });

  it('does not navigate when a listener cancels vp-quick-exit', async () => {
    const { link, navigations } = await mountExit();
    window.addEventListener('vp-quick-exit', (event) => event.preventDefault(), { once: true });

    await userEvent.click(link);

    expect(navigations).toEqual([]);
  });

  it('leaves when Shift is pressed 3 times', async () => {
    const { navigations } = await mountExit();

    await userEvent.keyboard('{Shift}{Shift}');
    expect(navigations).toEqual([]);
    await userEvent.keyboard('{Shift}');

    expect(navigations).toEqual([defaultExitUrl]);
  });

  it('does not count Shift presses with typing in between (capital letters)', async () => {
    const { navigations } = await mountExit();

    await userEvent.keyboard('{Shift}{Shift}a{Shift}');

    expect(navigations).toEqual([]);
  });

  it('leaves when Escape is pressed twice, but not once', async () => {
    const { navigations } = await mountExit();

    await userEvent.keyboard('{Escape}');
    expect(navigations).toEqual([]);
    await userEvent.keyboard('{Escape}');

    expect(navigations).toEqual([defaultExitUrl]);
  });

  it('stops listening for the shortcut once removed from the page', async () => {
    const { element, navigations } = await mountExit();
    element.remove();

    await userEvent.keyboard('{Escape}{Escape}{Shift}{Shift}{Shift}');

    expect(navigations).toEqual([]);
  });

  it('refuses a non-http exit-url and uses the default', async () => {
    const { link, navigations } = await mountExit({ 'exit-url': 'javascript:alert(1)' });

    await userEvent.click(link);

    expect(link.href).toBe(defaultExitUrl);
    expect(navigations).toEqual([defaultExitUrl]);
  });

  it('speaks Welsh when the page does', async () => {
    document.documentElement.lang = 'cy';
    const { element } = await mountExit();

    await expect.poll(() => shownText(element)).toBe('Gadael y dudalen hon');
  });

  it('has no WCAG 2.2 A/AA violations', async () => {
    const { element } = await mountExit();

    await expectAccessible(element);
  });
});
