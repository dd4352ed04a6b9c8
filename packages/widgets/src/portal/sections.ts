import { loadMessages } from '../messages/load.js';

/** The parts of a case the victim can move between; `settings` is theirs, not the case's. */
export type SectionId = 'status' | 'timeline' | 'messages' | 'report' | 'rights' | 'support' | 'settings';

/** What draws a case's sections: their navigation and the open one (see section-view.ts). */
export type CaseView = typeof import('./section-view.js');
let caseView: CaseView | undefined;
let caseViewLoading: Promise<CaseView> | undefined;

/** @returns the case view, once it has arrived (every section's load brings it) */
export function loadedCaseView(): CaseView | undefined {
  return caseView;
}

// The case view (navigation and panel) and each section's elements are chunks of their own,
// fetched the first time a case or the section opens: the drop-in's first load, before a case
// opens, has a size budget (scripts/size.js). One promise each, so a section opened twice
// fetches once; a failed fetch is forgotten so "Try again" fetches again.
function loadCaseView(): Promise<CaseView> {
  caseViewLoading ??= import('./section-view.js').then(
    (view) => (caseView = view),
    (error: unknown) => {
      caseViewLoading = undefined;
      throw error;
    },
  );
  return caseViewLoading;
}

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

/** @returns a promise that settles when the section's elements (and the case view) are here */
export function loadSection(id: SectionId): Promise<unknown> {
  let load = loading.get(id);
  if (!load) {
    load = Promise.all([loadCaseView(), loaders[id]()]).then(
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
