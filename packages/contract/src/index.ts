/**
 * The Victim Portal contract, for TypeScript: the generated `paths`/`components` types, short
 * names for the schemas everyone uses, and the OpenAPI document itself (for validators).
 */
import document from './generated/openapi.json' with { type: 'json' };
import type { components, operations, paths } from './generated/victim-portal.js';

export type { components, operations, paths };

type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type CaseCreate = Schemas['CaseCreate'];
export type ForceCase = Schemas['ForceCase'];
export type ForceVictim = Schemas['ForceVictim'];
export type VictimCreate = Schemas['VictimCreate'];
export type VictimCase = Schemas['VictimCase'];
export type VictimCaseList = Schemas['VictimCaseList'];
export type VictimSession = Schemas['VictimSession'];
export type InviteRedemption = Schemas['InviteRedemption'];
export type InviteOutcome = Schemas['InviteOutcome'];
export type Officer = Schemas['Officer'];
export type OfficerUpsert = Schemas['OfficerUpsert'];
export type OfficerInCharge = Schemas['OfficerInCharge'];
export type Offence = Schemas['Offence'];
export type CaseStatus = Schemas['CaseStatus'];
export type Rank = Schemas['Rank'];
export type ReportedVia = Schemas['ReportedVia'];
export type Language = Schemas['Language'];
export type Channel = Schemas['Channel'];
export type CaseUpdate = Schemas['CaseUpdate'];
export type RiskFlag = Schemas['RiskFlag'];
export type InviteStatus = Schemas['InviteStatus'];
export type NotInvitedReason = Schemas['NotInvitedReason'];
export type SecondFactor = Schemas['SecondFactor'];
export type SignInChallenge = Schemas['SignInChallenge'];
export type InviteChallengeRequest = Schemas['InviteChallengeRequest'];
export type SignInLinkRequest = Schemas['SignInLinkRequest'];
export type SessionInfo = Schemas['SessionInfo'];
export type EligibilityRules = Schemas['EligibilityRules'];
export type ForceSettings = Schemas['ForceSettings'];
export type ForceSettingsUpdate = Schemas['ForceSettingsUpdate'];
export type NotifyTemplates = Schemas['NotifyTemplates'];
export type Cursor = Schemas['Cursor'];
export type Message = Schemas['Message'];
export type MessageCreate = Schemas['MessageCreate'];
export type ForceMessageCreate = Schemas['ForceMessageCreate'];
export type UpdateRequestCreate = Schemas['UpdateRequestCreate'];
export type ReadReceiptCreate = Schemas['ReadReceiptCreate'];
export type ForceReadReceiptCreate = Schemas['ForceReadReceiptCreate'];
export type ReadState = Schemas['ReadState'];
export type MessagePage = Schemas['MessagePage'];
export type MessageAuthor = Schemas['MessageAuthor'];
export type ThreadNotice = Schemas['ThreadNotice'];
export type OfficerCase = Schemas['OfficerCase'];
export type OfficerCaseList = Schemas['OfficerCaseList'];
export type OfficerTokenRequest = Schemas['OfficerTokenRequest'];
export type OfficerToken = Schemas['OfficerToken'];
export type OfficerAbsence = Schemas['OfficerAbsence'];
export type OfficerAbsenceUpdate = Schemas['OfficerAbsenceUpdate'];
export type CoveringOfficer = Schemas['CoveringOfficer'];
export type WebhookSecret = Schemas['WebhookSecret'];
export type StreamEvent = Schemas['StreamEvent'];
export type WebhookEvent = Schemas['WebhookEvent'];
export type CaseEventType = Schemas['CaseEventType'];
export type PostableCaseEventType = Schemas['PostableCaseEventType'];
export type OutcomeCode = Schemas['OutcomeCode'];
export type TellingMethod = Schemas['TellingMethod'];
export type OfficerTellingMethod = Schemas['OfficerTellingMethod'];
export type TellingRecord = Schemas['TellingRecord'];
export type CaseEventCreate = Schemas['CaseEventCreate'];
export type CaseEvent = Schemas['CaseEvent'];
export type DutyState = Schemas['DutyState'];
export type CaseEventList = Schemas['CaseEventList'];
export type Duty = Schemas['Duty'];
export type DutyList = Schemas['DutyList'];
export type ComplianceFigures = Schemas['ComplianceFigures'];
export type ComplianceReport = Schemas['ComplianceReport'];
export type EventWording = Schemas['EventWording'];
export type EventWordingText = Schemas['EventWordingText'];
export type EventWordingList = Schemas['EventWordingList'];
export type EventWordingUpdate = Schemas['EventWordingUpdate'];
export type StatusExplanation = Schemas['StatusExplanation'];
export type RightToReview = Schemas['RightToReview'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type Timeline = Schemas['Timeline'];
export type CrimeReportInput = Schemas['CrimeReportInput'];
export type VictimCrimeReport = Schemas['VictimCrimeReport'];
export type CaseStage = Schemas['CaseStage'];
export type Right = Schemas['Right'];
export type VictimsCode = Schemas['VictimsCode'];
export type CaseRights = Schemas['CaseRights'];
export type ServiceKey = Schemas['ServiceKey'];
export type LocalisedText = Schemas['LocalisedText'];
export type Weekday = Schemas['Weekday'];
export type OpeningHours = Schemas['OpeningHours'];
export type SupportContact = Schemas['SupportContact'];
export type SupportHelps = Schemas['SupportHelps'];
export type SupportServiceUpsert = Schemas['SupportServiceUpsert'];
export type SupportService = Schemas['SupportService'];
export type SupportServiceList = Schemas['SupportServiceList'];
export type VictimSupportService = Schemas['VictimSupportService'];
export type VictimSupportServiceList = Schemas['VictimSupportServiceList'];
export type SupportReferralCreate = Schemas['SupportReferralCreate'];
export type ReferralMade = Schemas['ReferralMade'];
export type SupportReferral = Schemas['SupportReferral'];
export type SupportReferralList = Schemas['SupportReferralList'];
export type UpdateEveryDays = Schemas['UpdateEveryDays'];
export type QuietHours = Schemas['QuietHours'];
export type Preferences = Schemas['Preferences'];
export type PreferencesUpdate = Schemas['PreferencesUpdate'];
export type Readiness = Schemas['Readiness'];
export type AdminTokenRequest = Schemas['AdminTokenRequest'];
export type AdminToken = Schemas['AdminToken'];
export type CallsAvoidedAssumptions = Schemas['CallsAvoidedAssumptions'];
export type CrimeTypeGroup = Schemas['CrimeTypeGroup'];
export type MinutesSummary = Schemas['MinutesSummary'];
export type UsageReport = Schemas['UsageReport'];
export type UsageWeek = Schemas['UsageWeek'];
export type UsageCrimeTypeGroup = Schemas['UsageCrimeTypeGroup'];
export type UsageChannel = Schemas['UsageChannel'];
/** The operations a service implements: those under `paths` (webhooks are the force's to implement). */
export type WebhookOperationId =
  | 'webhookMessageCreated'
  | 'webhookUpdateRequested'
  | 'webhookMessageRead'
  | 'webhookSupportReferralRequested'
  | 'webhookPreferencesUpdated'
  | 'webhookVictimTold'
  | 'webhookDutyDueSoon';
export type OperationId = Exclude<keyof operations, WebhookOperationId>;

/** The OpenAPI 3.1 document, parsed. Treat it as read-only. */
export const openapiDocument: Readonly<Record<string, unknown>> = document;

export { problemTypes, type ProblemType } from './problems.js';
