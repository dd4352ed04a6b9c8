import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeThread } from '../test/fake-thread.js';
import { burglary, burglaryThread, burglaryTimeline, session } from '../test/fixtures.js';
import { apiBase, workingApi } from '../test/portal-harness.js';

// The built drop-in script, loaded with a plain <script> tag as a force's website does. This
// file imports no element source (only the tests' fake service), so every element here comes
// from the bundle. The script is
// a classic one that imports its modules from dist/victim-portal/, so elements are defined a
// moment after its load event.
async function loadDropIn(): Promise<void> {
  const script = document.createElement('script');
  script.src = `/dist/victim-portal.js?load=${Math.random()}`;
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error('dist/victim-portal.js did not load: run `npm run build`')));
  });
  document.head.append(script);
  await loaded;
  await customElements.whenDefined('vp-portal');
}

/** @returns a page of its own (a fresh set of custom elements) with `markup`, under a CSP of script-src 'self' */
function framedPage(markup: string, lang = 'en'): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="${lang}"><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script>window.inlineRan = true</script>${markup}</html>`;
  document.body.append(frame);
  return frame;
}

const welshHeading = 'Gweld sut mae eich achos yn mynd';

/** The elements of a case's sections, each a chunk the drop-in loads when its section opens. */
const sectionElements = ['vp-case-status', 'vp-oic-card', 'vp-timeline', 'vp-messages', 'vp-crime-report', 'vp-rights', 'vp-support-services', 'vp-preferences'];

/** @returns the drop-in's chunks the page has fetched so far, by name (`timeline`, `messages`, …) */
function chunksFetched(page: Window = window): string[] {
  return page.performance
    .getEntriesByType('resource')
    .map((entry) => /\/dist\/victim-portal\/([a-z-]+)-[\w-]{8}\.js$/.exec(entry.name)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** @returns one of the portal's section buttons */
function sectionButton(portal: Element, name: string): HTMLButtonElement {
  const button = [...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="section-button"]')].find((candidate) => candidate.textContent?.trim() === name);
  if (!button) throw new Error(`No section button "${name}"`);
  return button;
}

describe('dist/victim-portal.js', () => {
  afterEach(() => {
    document.querySelectorAll('vp-portal, iframe').forEach((element) => element.remove());
    vi.restoreAllMocks();
  });

  it('registers the elements, and <vp-portal> works from plain markup', async () => {
    expect(customElements.get('vp-portal')).toBeUndefined();
    await loadDropIn();

    for (const tagName of ['vp-portal', 'vp-sign-in', 'vp-quick-exit']) {
      expect(customElements.get(tagName), tagName).toBeDefined();
    }
    // Each section of a case comes when it opens; the officers' element is a bundle of its own.
    for (const tagName of sectionElements) expect(customElements.get(tagName), tagName).toBeUndefined();
    expect(customElements.get('vp-officer-inbox')).toBeUndefined();
    document.body.insertAdjacentHTML('beforeend', '<vp-portal api-base="/"></vp-portal>');
    const portal = document.querySelector('vp-portal')!;
    // Nobody is signed in: the portal shows <vp-sign-in>, which has the heading.
    await expect.poll(() => portal.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent).toBe('See how your case is going');
  });

  it('takes the invite out of the address bar as soon as the script runs, and the portal still gets it', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#invite=vpi_TestInviteToken_0123456789&keep=1`);
    const script = document.createElement('script');
    script.src = `/dist/victim-portal.js?load=${Math.random()}`;
    const ran = new Promise((resolve) => script.addEventListener('load', resolve));
    document.head.append(script);
    await ran;

    // On the script's load event, before its modules have arrived; other fragment parameters stay.
    expect(location.hash).toBe('#keep=1');
    document.body.insertAdjacentHTML('beforeend', '<vp-portal api-base="/"></vp-portal>');
    await customElements.whenDefined('vp-portal');
    const portal = document.querySelector('vp-portal')!;
    // The portal went to the invite's screens (this test server has no API: the link "does not work").
    await expect.poll(() => (portal as unknown as { view: { name: string } }).view.name).toBe('sign-in');
    const signIn = portal.shadowRoot!.querySelector('vp-sign-in') as unknown as { view: { name: string } };
    await expect.poll(() => signIn.view.name).not.toBe('welcome');
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('loads the Welsh catalogue from beside the script only when the page is Welsh', async () => {
    await loadDropIn();
    const welshLoaded = () => performance.getEntriesByType('resource').some((entry) => /\/dist\/victim-portal\/cy-[\w-]+\.js$/.test(entry.name));
    document.body.insertAdjacentHTML('beforeend', '<vp-portal api-base="/"></vp-portal>');
    const portal = document.querySelector('vp-portal')!;
    const heading = () => portal.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent;
    await expect.poll(heading).toBe('See how your case is going');
    expect(welshLoaded()).toBe(false);

    document.documentElement.lang = 'cy';

    await expect.poll(heading).toBe(welshHeading);
    expect(welshLoaded()).toBe(true);
    document.documentElement.lang = 'en';
  });

  it.each([
    ['a classic script with defer', '<script src="/dist/victim-portal.js" defer></script>'],
    ['a module script', '<script type="module" src="/dist/victim-portal.js"></script>'],
  ])("works in Welsh as %s under a CSP of script-src 'self'", async (_name, script) => {
    const frame = framedPage(`${script}<vp-portal api-base="/"></vp-portal>`, 'cy');

    const heading = () => frame.contentDocument?.querySelector('vp-portal')?.shadowRoot?.querySelector('vp-sign-in')?.shadowRoot?.querySelector('h2')?.textContent;
    await expect.poll(heading, { timeout: 5000 }).toBe(welshHeading);
    // The policy is in force: it stopped the page's own inline script.
    expect((frame.contentWindow as Window & { inlineRan?: boolean }).inlineRan).toBeUndefined();
  });

  it('loads the status section when the portal opens a case, and each other section only when it opens', async () => {
    sessionStorage.setItem('vp-session', JSON.stringify({ token: session.sessionToken, expiresAt: session.expiresAt }));
    const api = workingApi([burglary]).on(`GET /v1/me/cases/${burglary.id}/timeline`, { status: 200, body: burglaryTimeline });
    new FakeThread(burglary.id, burglaryThread, burglary.officerInCharge).install(api, 'victim');
    // The test page has fetched hundreds of modules: make room to see the chunks fetched from here on.
    performance.clearResourceTimings();
    await loadDropIn();
    const portal = document.createElement('vp-portal');
    Object.assign(portal, { fetch: api.fetch });
    portal.setAttribute('api-base', apiBase);
    document.body.append(portal);

    await customElements.whenDefined('vp-oic-card');
    expect(chunksFetched()).toEqual(expect.arrayContaining(['case-status', 'oic-card']));
    const shown = (tagName: string) => () => portal.shadowRoot?.querySelector(tagName)?.shadowRoot?.textContent ?? '';
    await expect.poll(shown('vp-oic-card')).toContain('DC Sam Patel');
    expect(customElements.get('vp-timeline')).toBeUndefined();
    expect(chunksFetched()).not.toContain('timeline');

    sectionButton(portal, 'Timeline').click();
    await expect.poll(shown('vp-timeline')).toContain('A suspect was interviewed.');
    expect(chunksFetched()).toContain('timeline');
    expect(customElements.get('vp-messages')).toBeUndefined();

    sectionButton(portal, 'Messages').click();
    await expect.poll(shown('vp-messages')).toContain('Hello, is there any news?');
    expect(customElements.get('vp-crime-report')).toBeUndefined();
    sessionStorage.clear();
  });

  it('loads <vp-messages> at once when the page has one of its own', async () => {
    const frame = framedPage('<vp-messages case-id="0b7f1c7e-5d0a-4d4e-9a51-3c1f4f0e8a11"></vp-messages><script src="/dist/victim-portal.js" defer></script>');

    await expect.poll(() => frame.contentWindow?.customElements.get('vp-messages'), { timeout: 5000 }).toBeDefined();
    // Nobody is signed in in that page: it says so rather than show a thread.
    await expect.poll(() => frame.contentDocument?.querySelector('vp-messages')?.shadowRoot?.textContent).toContain('Sign in to see your messages.');
  });

  it('loads <vp-timeline> and <vp-crime-report> at once when the page has them, and nothing it does not', async () => {
    const caseId = burglary.id;
    const frame = framedPage(`<vp-timeline case-id="${caseId}"></vp-timeline><vp-crime-report case-id="${caseId}"></vp-crime-report><script src="/dist/victim-portal.js" defer></script>`);

    await expect.poll(() => frame.contentDocument?.querySelector('vp-timeline')?.shadowRoot?.textContent, { timeout: 5000 }).toContain('Sign in to see what has happened on your case.');
    await expect.poll(() => frame.contentDocument?.querySelector('vp-crime-report')?.shadowRoot?.textContent).toContain('Sign in to see your crime report.');
    expect(frame.contentWindow?.customElements.get('vp-messages')).toBeUndefined();
  });

  it("registers the staff's elements too, each from a chunk of its own on a page that has it, sharing Lit", async () => {
    const frame = framedPage(`<vp-force-dashboard api-base="${apiBase}"></vp-force-dashboard><script src="/dist/victim-portal.js" defer></script>`);
    await expect.poll(() => frame.contentWindow?.customElements.get('vp-force-dashboard'), { timeout: 5000 }).toBeDefined();
    // Without an admin token it asks for one rather than show figures.
    await expect.poll(() => frame.contentDocument?.querySelector('vp-force-dashboard')?.shadowRoot?.textContent ?? '').not.toBe('');
    expect(frame.contentWindow?.customElements.get('vp-officer-inbox')).toBeUndefined();

    // One added later, as an app renders it, loads when it appears.
    frame.contentDocument!.body.append(frame.contentDocument!.createElement('vp-officer-inbox'));
    await expect.poll(() => frame.contentWindow?.customElements.get('vp-officer-inbox'), { timeout: 5000 }).toBeDefined();
    expect(chunksFetched(frame.contentWindow!)).toEqual(expect.arrayContaining(['force-dashboard', 'officer-inbox']));
    // One copy of Lit: every element's class comes down to the same ReactiveElement.
    const win = frame.contentWindow as Window & typeof globalThis;
    const litBase = (tagName: string) => {
      let prototype = win.customElements.get(tagName)!.prototype as object;
      while (Object.getPrototypeOf(prototype) !== win.HTMLElement.prototype) prototype = Object.getPrototypeOf(prototype) as object;
      return prototype;
    };
    expect(litBase('vp-force-dashboard')).toBe(litBase('vp-portal'));
    expect(litBase('vp-officer-inbox')).toBe(litBase('vp-portal'));
  });

  it("does not fetch the staff's elements on a victim's page", async () => {
    performance.clearResourceTimings();
    await loadDropIn();
    const portal = document.createElement('vp-portal');
    portal.setAttribute('api-base', apiBase);
    document.body.append(portal);
    await customElements.whenDefined('vp-sign-in');
    expect(chunksFetched()).not.toContain('force-dashboard');
    expect(chunksFetched()).not.toContain('officer-inbox');
  });

  it('does nothing more, and throws nothing, when loaded twice', async () => {
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
    // The modules load once per page, so each element is defined once, by one copy.
    expect(warn).not.toHaveBeenCalled();
    expect(customElements.get('vp-portal')).toBeDefined();
  });
});
