import { msg } from '@lit/localize';
import { loadMessages } from '../messages/load.js';

/** The parts of a case the victim can move between; `settings` is theirs, not the case's. */
export type SectionId = 'status' | 'timeline' | 'messages' | 'report' | 'rights' | 'support' | 'settings';

/** The sections, in the order the navigation lists them. */
export const sectionIds: readonly SectionId[] = ['status', 'timeline', 'messages', 'report', 'rights', 'support', 'settings'];

/** @returns the section's name in the navigation, in the active language */
export function sectionLabel(id: SectionId): string {
  switch (id) {
    case 'status':
      return msg('Status');
    case 'timeline':
      return msg('Timeline');
    case 'messages':
      return msg('Messages');
    case 'report':
      return msg('Your report');
    case 'rights':
      return msg('Your rights');
    case 'support':
      return msg('Support');
    case 'settings':
      return msg('Settings');
  }
}

// Each section's elements are a chunk of their own, fetched the first time the section opens
// (the drop-in's first load has a size budget; see scripts/size.js). One promise each, so a
// section opened twice fetches once; a failed fetch is forgotten so "Try again" fetches again.
const loaders: Record<SectionId, () => Promise<unknown>> = {
  status: () => Promise.all([import('../case-status/case-status.js'), import('../oic-card/oic-card.js')]),
  timeline: () => import('../timeline/timeline.js'),
  messages: loadMessages,
  report: () => import('../crime-report/crime-report.js'),
  rights: () => import('../rights/vp-rights.js'),
  support: () => import('../support-services/vp-support-services.js'),
  settings: () => import('../preferences/vp-preferences.js'),
};
const loading = new Map<SectionId, Promise<unknown>>();
const loaded = new Set<SectionId>();

/** @returns whether the section's elements are already here (so it shows at once) */
export function sectionLoaded(id: SectionId): boolean {
  return loaded.has(id);
}

/** @returns a promise that settles when the section's elements are defined */
export function loadSection(id: SectionId): Promise<unknown> {
  let load = loading.get(id);
  if (!load) {
    load = loaders[id]().then(
      () => void loaded.add(id),
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, load);
  }
  return load;
}
