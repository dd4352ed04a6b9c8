import type { Knex } from 'knex';

/**
 * The audit log answers, for every sign-in, read of a case and change: who (actor), when
 * (occurred_at, set by the database), what (action on a subject) and why (reason). It is the
 * law-enforcement processing log of the Data Protection Act 2018 s.62, so the table refuses
 * UPDATE and DELETE (migration 0002). Never put personal data in `reason`.
 */
export interface AuditEvent {
  forceId: string;
  actorType: 'force_api_key' | 'victim' | 'officer' | 'force_staff' | 'system';
  actorId: string;
  action: AuditAction;
  subjectType: 'case' | 'officer' | 'invite' | 'session' | 'victim' | 'force' | 'admin_token';
  subjectId: string;
  reason: string;
  requestId: string | undefined;
}

/** What happened, in a stable vocabulary that reports and investigators can query. */
export const auditActions = {
  caseCreated: 'case.created',
  caseUpdated: 'case.updated',
  caseRead: 'case.read',
  /** A victim asked for their own case that the force's eligibility rules hide from them. */
  caseReadRefused: 'case.read_refused',
  caseListed: 'case.listed',
  officerSaved: 'officer.saved',
  officerTokenMinted: 'officer.token_minted',
  officerAbsenceSet: 'officer.absence_set',
  officerAbsenceCleared: 'officer.absence_cleared',
  /** An officer listed the cases they are in charge of or covering (their inbox). */
  officerCasesListed: 'officer.cases_listed',
  /** A page of a case's message thread was shown. */
  threadRead: 'thread.read',
  messageSent: 'message.sent',
  updateRequested: 'message.update_requested',
  /** A read receipt: a side has read the thread up to a message. */
  threadMarkedRead: 'thread.marked_read',
  /** The system notice written when a case's officer in charge changes. */
  officerChangedNotice: 'message.officer_changed_notice',
  inviteIssued: 'invite.issued',
  inviteRefused: 'invite.refused',
  inviteResent: 'invite.resent',
  inviteRevoked: 'invite.revoked',
  inviteLocked: 'invite.locked',
  challengeStarted: 'invite.challenge_started',
  signInLinkRequested: 'invite.sign_in_link_requested',
  forceSettingsChanged: 'force.settings_changed',
  webhookSecretRotated: 'force.webhook_secret_rotated',
  /** A victim or officer opened a live event stream (what they then receive is not logged per event). */
  streamOpened: 'stream.opened',
  eligibilityRulesReplaced: 'force.eligibility_rules_replaced',
  /** A records system posted a key decision or update on a case (its timeline). */
  caseEventRecorded: 'case.event_recorded',
  /** A records system listed a case's events, with their deadlines. */
  caseEventsListed: 'case.events_listed',
  /** A records system recorded that an officer told the victim of an event another way. */
  victimToldRecorded: 'case.victim_told_recorded',
  /** A victim opened the timeline of their case. */
  timelineRead: 'case.timeline_read',
  /** A victim read their own crime report. */
  crimeReportRead: 'case.crime_report_read',
  eventWordingRead: 'force.event_wording_read',
  eventWordingChanged: 'force.event_wording_changed',
  signedIn: 'session.signed_in',
  signedOut: 'session.signed_out',
  /** A victim read the Victims' Code rights of their case's stage (and any Right to Review). */
  rightsRead: 'case.rights_read',
  /** A victim listed the support services that fit their case. */
  supportServicesListed: 'case.support_services_listed',
  /** A victim asked to be referred to a support service (Right 4). */
  supportReferralRequested: 'support.referral_requested',
  supportReferralsListed: 'support.referrals_listed',
  /** The force recorded that it made a referral. */
  supportReferralMade: 'support.referral_made',
  supportServiceSaved: 'force.support_service_saved',
  supportServiceWithdrawn: 'force.support_service_withdrawn',
  preferencesRead: 'victim.preferences_read',
  /** A victim changed their preferences; the reason names the fields changed, never the values. */
  preferencesUpdated: 'victim.preferences_updated',
  /** The records system listed the force's open Victims' Code duties (they name cases). */
  dutiesListed: 'force.duties_listed',
  /** The records system read the force's Victims' Code compliance figures. */
  complianceRead: 'force.compliance_read',
  /** The records system minted a token for a member of force staff to read reports. */
  adminTokenMinted: 'force.admin_token_minted',
  /** The records system or force staff read the usage report (figures only, no case). */
  usageReportRead: 'force.usage_report_read',
} as const;
export type AuditAction = (typeof auditActions)[keyof typeof auditActions];

/**
 * A victim's refused read of their own case that the force's eligibility rules hide from them
 * (the case itself, or its thread).
 * @param what what was asked for, for the reason: 'case' or 'thread'
 */
export function hiddenCaseReadRefused(who: { forceId: string; victimId: string; requestId: string | undefined }, caseId: string, what: 'case' | 'thread'): AuditEvent {
  return {
    forceId: who.forceId,
    actorType: 'victim',
    actorId: who.victimId,
    action: auditActions.caseReadRefused,
    subjectType: 'case',
    subjectId: caseId,
    reason: what === 'case' ? "case hidden from the victim by the force's eligibility rules" : "thread of a case hidden from the victim by the force's eligibility rules",
    requestId: who.requestId,
  };
}

function toRow(event: AuditEvent) {
  return {
    force_id: event.forceId,
    actor_type: event.actorType,
    actor_id: event.actorId,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    reason: event.reason,
    request_id: event.requestId ?? null,
  };
}

/**
 * Append audit events, in the caller's transaction when given one so the record and the
 * change it describes commit or fail together.
 */
export async function recordAudit(db: Knex | Knex.Transaction, ...events: AuditEvent[]): Promise<void> {
  if (events.length > 0) await db('audit_log').insert(events.map(toRow));
}

/** The audit_log columns in insert order, for statements that write their audit row in SQL. */
export const auditColumns = '(force_id, actor_type, actor_id, action, subject_type, subject_id, reason, request_id)';
