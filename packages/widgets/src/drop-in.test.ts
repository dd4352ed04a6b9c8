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

    for (const tagName of ['vp-portal', 'vp-sign-in', 'vp-case-status', 'vp-oic-card', 'vp-quick-exit']) {
      expect(customElements.get(tagName), tagName).toBeDefined();
    }
    document.body.insertAdjacentHTML('beforeend', '<vp-portal api-base="/"></vp-portal>');
    const portal = document.querySelector('vp-portal')!;
    // Nobody is signed in: the portal shows <vp-sign-in>, which has the heading.
    await expect.poll(() => portal.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent).toBe('See how your case is going');
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
