/**
 * Registers a custom element. When the tag is already taken (two copies of the widgets on one
 * page, say the drop-in script and a bundled copy) it warns instead of throwing, so the page
 * keeps working with whichever copy came first.
 * @param tagName the element's tag, e.g. `vp-portal`
 * @param element the element's class
 */
export function defineElement(tagName: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === element) return;
  if (existing) {
    console.warn(`[victim-portal] <${tagName}> is already defined, probably by another copy of the widgets on this page; keeping the first one.`);
    return;
  }
  customElements.define(tagName, element);
}
