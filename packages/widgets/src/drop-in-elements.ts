/**
 * What the drop-in script loads first: `<vp-portal>` with the elements it shows before a case
 * (sign-in, quick exit). Each section of a case (status and officer, timeline, messages, crime
 * report, rights, support, settings) is a chunk of its own that follows when the victim opens
 * it, or at once when the page has one of those elements of its own.
 *
 * The staff's elements come with the same script, on the pages that have them: a records
 * system's screen (`<vp-officer-inbox>`) or a force's admin page (`<vp-force-dashboard>`). Each
 * is a chunk of its own that shares Lit, the SDK and the languages with the rest, and a victim's
 * page never fetches them.
 */
import './portal/portal.js';
import { loadSection, type SectionId } from './portal/sections.js';

const section = (id: SectionId) => () => loadSection(id);
const loaders = new Map<string, () => Promise<unknown>>([
  ['vp-case-status', section('status')],
  ['vp-oic-card', section('status')],
  ['vp-timeline', section('timeline')],
  ['vp-messages', section('messages')],
  ['vp-crime-report', section('report')],
  ['vp-rights', section('rights')],
  ['vp-support-services', section('support')],
  ['vp-preferences', section('settings')],
  ['vp-officer-inbox', () => import('./officer-inbox/officer-inbox.js')],
  ['vp-force-dashboard', () => import('./force-dashboard/force-dashboard.js')],
]);

/** Loads the element of each tag the page now has, once. @returns whether any is still to come */
function loadWhatThePageHas(): boolean {
  for (const [tagName, load] of loaders) {
    if (!document.querySelector(tagName)) continue;
    loaders.delete(tagName);
    load().catch((error: unknown) => console.warn(`[victim-portal] <${tagName}> did not load.`, error));
  }
  return loaders.size > 0;
}

// An app that renders later (React, Vue, a CMS's own script) adds its elements after this runs:
// they load when they appear.
if (loadWhatThePageHas()) {
  const observer = new MutationObserver(() => {
    if (!loadWhatThePageHas()) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
