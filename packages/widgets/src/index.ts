/**
 * Victim Portal web components. Importing this module registers every element; import a
 * single element's module (`@victim-portal/widgets/case-status`, …) to register only that one.
 */
export { VpCaseStatus } from './case-status/case-status.js';
export { VpCrimeReport } from './crime-report/crime-report.js';
export { VpMessages } from './messages/messages.js';
export { VpOicCard } from './oic-card/oic-card.js';
export { VpPortal } from './portal/portal.js';
export { VpPreferences } from './preferences/vp-preferences.js';
export { VpQuickExit, defaultExitUrl, type Navigate } from './quick-exit/quick-exit.js';
export { VpRights } from './rights/vp-rights.js';
export { VpSignIn } from './sign-in/sign-in.js';
export { VpSupportServices } from './support-services/vp-support-services.js';
export { VpTimeline } from './timeline/timeline.js';
export type { SignInView, SignedOutReason as SignInReason } from './sign-in/sign-in-view.js';
export type { Clock } from './shared/clock.js';
export {
  VpLanguageChangeEvent,
  VpMessageSentEvent,
  VpPreferencesChangedEvent,
  VpQuickExitEvent,
  VpReferralRequestedEvent,
  VpSignedInEvent,
  VpSignedOutEvent,
  VpUpdateRequestedEvent,
  type SignedOutReason,
} from './events/index.js';
export { statusWords, rankWords, reportedViaWords, type StatusWords } from './shared/case-words.js';
export { useLocale, type PortalLocale } from './shared/localization.js';
export type { PortalView } from './portal/portal-view.js';
export type { SectionId } from './portal/sections.js';
