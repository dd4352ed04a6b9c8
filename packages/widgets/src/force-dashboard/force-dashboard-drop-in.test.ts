import { describe, expect, it } from 'vitest';

/** The staff's elements' chunks: the drop-in imports them only on a page that has their element. */
const staffChunk = /\/(force-dashboard|officer-inbox)-[\w-]{8}\.js$/;

/**
 * @returns every module the built victims' drop-in can load on a victim's page: what it imports,
 * and what those import or import(), short of the staff's elements' chunks
 */
async function victimsDropInModules(): Promise<Map<string, string>> {
  const modules = new Map<string, string>();
  const visit = async (url: string): Promise<void> => {
    if (modules.has(url) || staffChunk.test(url)) return;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} did not load: run \`npm run build\``);
    const code = await response.text();
    modules.set(url, code);
    const imports = [...code.matchAll(/\bimport\s*(?:[\w{}\s,*$]+from\s*)?\(?\s*["'](\.[^"']+)["']/g)].map((match) => match[1]!);
    for (const path of imports) await visit(new URL(path, url).href);
  };
  await visit(new URL('/dist/victim-portal.js', location.href).href);
  return modules;
}

// The built dashboard bundle, loaded with a plain <script> tag as a force's admin page does. This
// file imports no element source, so the element here comes from the bundle.
describe('dist/force-dashboard.js', () => {
  it("registers <vp-force-dashboard> and nothing of the victims' portal or the officers' inbox", async () => {
    const script = document.createElement('script');
    script.src = '/dist/force-dashboard.js';
    await new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error('dist/force-dashboard.js did not load: run `npm run build`')));
      document.head.append(script);
    });

    expect(customElements.get('vp-force-dashboard')).toBeDefined();
    expect(customElements.get('vp-portal')).toBeUndefined();
    expect(customElements.get('vp-officer-inbox')).toBeUndefined();
  });

  it("is nowhere in what the victims' drop-in loads on a victim's page, at first or later", async () => {
    const modules = await victimsDropInModules();
    // The first load, its sections and the languages: more than the loader alone.
    expect(modules.size).toBeGreaterThan(5);
    for (const [url, code] of modules) {
      // What the element reads is in its own chunk only (the loader names its tag, no more).
      expect.soft(code.includes('reports/usage'), url).toBe(false);
    }
  });
});
