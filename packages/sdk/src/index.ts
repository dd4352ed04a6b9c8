/**
 * The Victim Portal SDK: typed clients for the contract in openapi/victim-portal.yaml.
 * - `ForceClient` for records systems (force API key, back end only)
 * - `VictimClient` for the victim's browser (session token from an invite)
 * - `OfficerClient` for the officer widget (short-lived officer token from `getToken()`)
 * - `getVictimsCode` for the rights of the Victims' Code (public, no credentials)
 * - `verifyWebhook` for the records system's webhook receiver, from `@victim-portal/sdk/webhooks`
 */
export { ForceClient, type CompliancePeriod, type DutyQuery, type ForceClientOptions, type ForceMessage, type IdempotencyOptions, type UsagePeriod } from './force-client.js';
export { VictimClient, type LanguageOption, type VictimClientOptions } from './victim-client.js';
export { getVictimsCode, type VictimsCodeOptions } from './victims-code.js';
export { OfficerClient, type OfficerClientOptions } from './officer-client.js';
export { ReportsClient, type ReportsClientOptions } from './reports-client.js';
export type { SubscribeOptions, ThreadListener, ThreadStatus, ThreadSubscription } from './live-stream.js';
export type { MessagePageOptions } from './message-pages.js';
// verifyWebhook is in '@victim-portal/sdk/webhooks' only: it runs on a records system's back end,
// and its dependency (standardwebhooks, CommonJS) has no place in a browser bundle.
export { ProblemError, isProblem, networkProblemType } from './errors.js';
export type { HttpOptions } from './http.js';
export { problemTypes, type ProblemType } from '@victim-portal/contract/problems';
export type * from '@victim-portal/contract';
