export { VpMessageSentEvent } from './message-sent-event.js';
export { VpQuickExitEvent } from './quick-exit-event.js';
export { VpSignedInEvent } from './signed-in-event.js';
export { VpSignedOutEvent, type SignedOutReason } from './signed-out-event.js';
export { VpUpdateRequestedEvent } from './update-requested-event.js';
// The events of issue 5's elements live beside them; re-exported here so every event is in one place.
export { VpLanguageChangeEvent, VpPreferencesChangedEvent } from '../preferences/preferences-events.js';
export { VpReferralRequestedEvent } from '../support-services/referral-requested-event.js';
