/**
 * What the drop-in script loads first: `<vp-portal>` with the elements it shows before a case
 * (sign-in, quick exit). Each section of a case (status and officer, timeline, messages, crime
 * report, rights, support, settings) is a chunk of its own that follows when the victim opens
 * it, or at once when the page has one of those elements of its own.
 */
import './portal/portal.js';
import { loadSection, type SectionId } from './portal/sections.js';

const ownElements: Record<string, SectionId> = {
  'vp-case-status': 'status',
  'vp-oic-card': 'status',
  'vp-timeline': 'timeline',
  'vp-messages': 'messages',
  'vp-crime-report': 'report',
  'vp-rights': 'rights',
  'vp-support-services': 'support',
  'vp-preferences': 'settings',
};
for (const [tagName, section] of Object.entries(ownElements)) {
  if (document.querySelector(tagName)) loadSection(section).catch((error: unknown) => console.warn(`[victim-portal] <${tagName}> did not load.`, error));
}
