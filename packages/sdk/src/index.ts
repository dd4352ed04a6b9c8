/**
 * The Victim Portal SDK: typed clients for the contract in openapi/victim-portal.yaml.
 * - `ForceClient` for records systems (force API key, back end only)
 * - `VictimClient` for the victim's browser (session token from an invite)
 */
export { ForceClient, type ForceClientOptions } from './force-client.js';
export { VictimClient, type VictimClientOptions } from './victim-client.js';
export { ProblemError, isProblem, networkProblemType } from './errors.js';
export type { HttpOptions } from './http.js';
export { problemTypes, type ProblemType } from '@victim-portal/contract/problems';
export type * from '@victim-portal/contract';
