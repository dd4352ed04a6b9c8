/** The contract's case id: a UUID. Anything else in `case-id` is a page's mistake, not a case. */
export const caseIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bad `case-id` each element last warned about, so a re-render does not repeat it. */
const warnedAbout = new WeakMap<Element, string>();

/**
 * Checks an element's `case-id`. One that is set but is not a case id is the page's mistake: the
 * element asks the service nothing with it and says why in the console, once per value.
 * @param element the element whose `case-id` it is
 * @param caseId its value
 * @returns whether it is a case id (false when it is empty)
 */
export function checkCaseId(element: Element, caseId: string): boolean {
  if (caseIdPattern.test(caseId)) {
    warnedAbout.delete(element);
    return true;
  }
  if (caseId && warnedAbout.get(element) !== caseId) {
    warnedAbout.set(element, caseId);
    console.warn(`[victim-portal] <${element.localName}> case-id "${caseId}" is not a case id (a UUID, as the API gives it); nothing of the case is shown.`);
  }
  return false;
}
