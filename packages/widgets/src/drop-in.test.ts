import { afterEach, describe, expect, it, vi } from 'vitest';

// The built drop-in script, loaded with a plain <script> tag as a force's website does. This
// file imports no element source, so every element here comes from the bundle.
async function loadDropIn(): Promise<void> {
  const script = document.createElement('script');
  script.src = `/dist/victim-portal.js?load=${Math.random()}`;
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error('dist/victim-portal.js did not load: run `npm run build`')));
  });
  document.head.append(script);
  await loaded;
}

describe('dist/victim-portal.js', () => {
  afterEach(() => {
    document.querySelectorAll('vp-portal').forEach((element) => element.remove());
    vi.restoreAllMocks();
  });

  it('registers every element, and <vp-portal> works from plain markup', async () => {
    expect(customElements.get('vp-portal')).toBeUndefined();
    await loadDropIn();

    for (const tagName of ['vp-portal', 'vp-sign-in', 'vp-case-status', 'vp-oic-card', 'vp-quick-exit', 'vp-messages']) {
      expect(customElements.get(tagName), tagName).toBeDefined();
    }
    // The officers' element is a bundle of its own.
    expect(customElements.get('vp-officer-inbox')).toBeUndefined();
    document.body.insertAdjacentHTML('beforeend', '<vp-portal api-base="/"></vp-portal>');
    const portal = document.querySelector('vp-portal')!;
    // Nobody is signed in: the portal shows <vp-sign-in>, which has the heading.
    await expect.poll(() => portal.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent).toBe('See how your case is going');
  });

  it('loads the Welsh catalogue from beside the script only when the page is Welsh', async () => {
    await loadDropIn();
    const welshLoaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/dist/locales/cy.js'));
    document.body.insertAdjacentHTML('beforeend', '<vp-portal api-base="/"></vp-portal>');
    const portal = document.querySelector('vp-portal')!;
    const heading = () => portal.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent;
    await expect.poll(heading).toBe('See how your case is going');
    expect(welshLoaded()).toBe(false);

    document.documentElement.lang = 'cy';

    await expect.poll(heading).toBe('Gweld sut mae eich achos yn mynd');
    expect(welshLoaded()).toBe(true);
    document.documentElement.lang = 'en';
  });

  it.each([
    ['a classic script with defer', '<script src="/dist/victim-portal.js" defer></script>'],
    ['a module script', '<script type="module" src="/dist/victim-portal.js"></script>'],
  ])("works in Welsh as %s under a CSP of script-src 'self'", async (_name, script) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="cy"><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script>window.inlineRan = true</script>${script}<vp-portal api-base="/"></vp-portal></html>`;
    document.body.append(frame);
    try {
      const heading = () => frame.contentDocument?.querySelector('vp-portal')?.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent;
      await expect.poll(heading, { timeout: 5000 }).toBe('Gweld sut mae eich achos yn mynd');
      // The policy is in force: it stopped the page's own inline script.
      expect((frame.contentWindow as Window & { inlineRan?: boolean }).inlineRan).toBeUndefined();
    } finally {
      frame.remove();
    }
  });

  it('warns instead of throwing when loaded twice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      await loadDropIn();
      await loadDropIn();
    } finally {
      window.removeEventListener('error', onError);
    }

    expect(errors).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('<vp-portal> is already defined'));
  });
});
