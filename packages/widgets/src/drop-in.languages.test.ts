import { afterEach, describe, expect, it } from 'vitest';

// The built drop-ins on a Polish page, under a CSP of script-src 'self': each finds Polish, a
// language added as data only, beside itself. This file imports no element source.

/** @returns a page of its own (a fresh set of custom elements) in Polish with `markup`, under a CSP of script-src 'self' */
function polishPage(markup: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="pl"><meta http-equiv="Content-Security-Policy" content="script-src 'self'">${markup}</html>`;
  document.body.append(frame);
  return frame;
}

/** @returns the scripts a framed page has fetched, as paths */
const fetched = (frame: HTMLIFrameElement) => (frame.contentWindow?.performance.getEntriesByType('resource') ?? []).map((entry) => new URL(entry.name).pathname);

describe('the drop-ins on a Polish page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('dist/victim-portal.js speaks Polish, from the Polish chunk beside it', async () => {
    const frame = polishPage('<script src="/dist/victim-portal.js" defer></script><vp-portal api-base="/"></vp-portal>');

    const heading = () => frame.contentDocument?.querySelector('vp-portal')?.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent;
    await expect.poll(heading, { timeout: 5000 }).toBe('Sprawdź, jak przebiega twoja sprawa');
    expect(fetched(frame).some((path) => /^\/dist\/victim-portal\/pl-[\w-]+\.js$/.test(path))).toBe(true);
    expect(fetched(frame).some((path) => /^\/dist\/victim-portal\/cy-[\w-]+\.js$/.test(path))).toBe(false);
  });

  it('dist/force-dashboard.js speaks Polish, from dist/locales/pl.js beside it', async () => {
    const frame = polishPage('<script src="/dist/force-dashboard.js" defer></script><vp-force-dashboard></vp-force-dashboard>');

    const shown = () => frame.contentDocument?.querySelector('vp-force-dashboard')?.shadowRoot?.textContent ?? '';
    await expect.poll(shown, { timeout: 5000 }).toContain('Portal dla ofiar: korzystanie i wyniki');
    expect(fetched(frame)).toContain('/dist/locales/pl.js');
  });
});
