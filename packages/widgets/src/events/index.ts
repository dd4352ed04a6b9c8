export { VpMessageSentEvent } from './message-sent-event.js';
export { VpQuickExitEvent } from './quick-exit-event.js';
export { VpSignedInEvent } from './signed-in-event.js';
export { VpSignedOutEvent, type SignedOutReason } from './signed-out-event.js';
export { VpUpdateRequestedEvent } from './update-requested-event.js';
