/** The bad `api-base` each element last warned about, so a re-render does not repeat it. */
const warnedAbout = new WeakMap<Element, string>();

/**
 * Checks an element's `api-base`: a web address (http or https) or a path on this site. Anything
 * else (`javascript:`, `data:`, a malformed URL) is the page's mistake: the element asks nothing
 * with it and says why in the console, once per value.
 * @param element the element whose attribute it is
 * @param apiBase its value
 * @returns the base URL to use, or undefined when it is not one
 */
export function checkApiBase(element: Element, apiBase: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(apiBase, document.baseURI);
  } catch {
    url = undefined;
  }
  if (apiBase.trim() !== '' && url && (url.protocol === 'https:' || url.protocol === 'http:')) return apiBase;
  if (warnedAbout.get(element) !== apiBase) {
    warnedAbout.set(element, apiBase);
    console.warn(`[victim-portal] <${element.localName}> api-base "${apiBase}" is not a web address (http or https) or a path on this site; nothing is asked of the service.`);
  }
  return undefined;
}
