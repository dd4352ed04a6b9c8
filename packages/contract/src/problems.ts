// Kept apart from index.ts so browser code can import the problem types without the whole
// OpenAPI document.

/** Stable problem types (RFC 9457 `type`), documented in docs/problems.md. */
export const problemTypes = {
  invalidRequest: 'urn:victim-portal:problem:invalid-request',
  unauthenticated: 'urn:victim-portal:problem:unauthenticated',
  notFound: 'urn:victim-portal:problem:not-found',
  crimeReferenceExists: 'urn:victim-portal:problem:crime-reference-exists',
  unknownOfficer: 'urn:victim-portal:problem:unknown-officer',
  inviteInvalid: 'urn:victim-portal:problem:invite-invalid',
  inviteUsed: 'urn:victim-portal:problem:invite-used',
  inviteExpired: 'urn:victim-portal:problem:invite-expired',
  inviteLocked: 'urn:victim-portal:problem:invite-locked',
  inviteNotOpen: 'urn:victim-portal:problem:invite-not-open',
  caseNotEligible: 'urn:victim-portal:problem:case-not-eligible',
  secondFactorIncorrect: 'urn:victim-portal:problem:second-factor-incorrect',
  rateLimited: 'urn:victim-portal:problem:rate-limited',
  payloadTooLarge: 'urn:victim-portal:problem:payload-too-large',
  unsupportedMediaType: 'urn:victim-portal:problem:unsupported-media-type',
  idempotencyKeyReused: 'urn:victim-portal:problem:idempotency-key-reused',
  idempotencyKeyInUse: 'urn:victim-portal:problem:idempotency-key-in-use',
  messageIdReused: 'urn:victim-portal:problem:message-id-reused',
  notAllowedToReply: 'urn:victim-portal:problem:not-allowed-to-reply',
  timeInFuture: 'urn:victim-portal:problem:time-in-future',
  timeBeforeEvent: 'urn:victim-portal:problem:time-before-event',
  invalidPeriod: 'urn:victim-portal:problem:invalid-period',
  duplicateCrimeTypeGroup: 'urn:victim-portal:problem:duplicate-crime-type-group',
  channelUnavailable: 'urn:victim-portal:problem:channel-unavailable',
  unknownSupportService: 'urn:victim-portal:problem:unknown-support-service',
  referralsNotAccepted: 'urn:victim-portal:problem:referrals-not-accepted',
  notReady: 'urn:victim-portal:problem:not-ready',
  methodNotAllowed: 'urn:victim-portal:problem:method-not-allowed',
  internal: 'urn:victim-portal:problem:internal',
} as const;
export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];
