import type { CaseEventType, CaseStatus, OutcomeCode } from '@victim-portal/contract';

/**
 * How an event moves the case's status (docs/timeline.md):
 * - `none`: it changes nothing;
 * - `assigned`: report_received becomes under_investigation, anything else stays;
 * - `investigating`: under_investigation, unless the case was already charged or decided;
 * - a CaseStatus: always that status;
 * - `outcome`: the status its Home Office outcome code maps to (case_closed).
 */
export type StatusEffect = 'none' | 'assigned' | 'investigating' | 'outcome' | CaseStatus;

export interface EventKind {
  /** A decision the Victims' Code says the victim must be told of, within a deadline. */
  keyDecision: boolean;
  statusEffect: StatusEffect;
  /** What it means, for the docs and the force (English only: not shown to victims). */
  meaning: string;
}

/** The fixed vocabulary of case events. */
export const eventKinds: Readonly<Record<CaseEventType, EventKind>> = {
  report_received: { keyDecision: false, statusEffect: 'none', meaning: 'The crime was reported (recorded by the service when the case is created, at reportedAt).' },
  officer_assigned: { keyDecision: false, statusEffect: 'assigned', meaning: 'An officer in charge was given the case (recorded by the service).' },
  officer_changed: { keyDecision: false, statusEffect: 'none', meaning: 'The officer in charge changed or was removed (recorded by the service).' },
  crime_allocated: { keyDecision: false, statusEffect: 'investigating', meaning: 'The crime was allocated for investigation.' },
  suspect_identified: { keyDecision: false, statusEffect: 'investigating', meaning: 'A suspect was identified.' },
  suspect_arrested: { keyDecision: true, statusEffect: 'investigating', meaning: 'A suspect was arrested.' },
  suspect_interviewed: { keyDecision: true, statusEffect: 'investigating', meaning: 'A suspect was interviewed.' },
  released_on_bail: { keyDecision: true, statusEffect: 'investigating', meaning: 'A suspect was released on bail, with or without conditions.' },
  released_under_investigation: { keyDecision: true, statusEffect: 'investigating', meaning: 'A suspect was released under investigation (no bail).' },
  charged: { keyDecision: true, statusEffect: 'suspect_charged', meaning: 'A suspect was charged.' },
  passed_to_cps: { keyDecision: false, statusEffect: 'investigating', meaning: 'The file was passed to the Crown Prosecution Service for a charging decision.' },
  no_further_action: { keyDecision: true, statusEffect: 'no_further_action', meaning: 'A decision to take no further action.' },
  investigation_reopened: { keyDecision: true, statusEffect: 'under_investigation', meaning: 'The investigation was reopened.' },
  case_closed: { keyDecision: true, statusEffect: 'outcome', meaning: 'The case was closed with a Home Office outcome code (1 to 22).' },
  property_returned: { keyDecision: false, statusEffect: 'none', meaning: 'Property was returned to the victim.' },
  update_given: { keyDecision: false, statusEffect: 'none', meaning: 'The officer gave the victim an update.' },
};

/** Every event type, in the vocabulary's order. */
export const caseEventTypes = Object.keys(eventKinds) as CaseEventType[];

/** The events the service records itself, which records systems cannot post. */
export const serviceEventTypes = ['report_received', 'officer_assigned', 'officer_changed'] as const;
export type ServiceEventType = (typeof serviceEventTypes)[number];

/** @returns whether the type is a key decision the victim must be told of */
export function isKeyDecision(type: CaseEventType): boolean {
  return eventKinds[type].keyDecision;
}

/** The Home Office crime outcome types, their short names and the status each gives. */
export const outcomeStatuses: Readonly<Record<OutcomeCode, { name: string; status: CaseStatus }>> = {
  1: { name: 'Charged or summonsed (1A: alternative offence)', status: 'awaiting_court_result' },
  2: { name: 'Caution (youths)', status: 'offender_cautioned' },
  3: { name: 'Caution (adults)', status: 'offender_cautioned' },
  4: { name: 'Offence taken into consideration', status: 'dealt_with_in_another_case' },
  5: { name: 'Offender died', status: 'unable_to_prosecute' },
  6: { name: 'Penalty Notice for Disorder', status: 'penalty_notice' },
  7: { name: 'Cannabis or khat warning', status: 'drugs_warning' },
  8: { name: 'Community resolution', status: 'local_resolution' },
  9: { name: 'Prosecution not in the public interest (CPS)', status: 'not_in_public_interest' },
  10: { name: 'Formal action not in the public interest (police)', status: 'not_in_public_interest' },
  11: { name: 'Prosecution prevented: suspect under the age of criminal responsibility', status: 'unable_to_prosecute' },
  12: { name: 'Prosecution prevented: suspect too ill', status: 'unable_to_prosecute' },
  13: { name: 'Prosecution prevented: victim or key witness dead or too ill', status: 'unable_to_prosecute' },
  14: { name: 'Evidential difficulties, suspect not identified: victim does not support action', status: 'unable_to_prosecute' },
  15: { name: 'Evidential difficulties, suspect identified: victim supports action', status: 'unable_to_prosecute' },
  16: { name: 'Evidential difficulties, suspect identified: victim does not support action', status: 'unable_to_prosecute' },
  17: { name: 'Prosecution time limit expired', status: 'unable_to_prosecute' },
  18: { name: 'Investigation complete, no suspect identified', status: 'no_suspect_identified' },
  19: { name: 'National Fraud Intelligence Bureau filed: no lines of enquiry for now', status: 'no_suspect_identified' },
  20: { name: 'Further action by another body or agency', status: 'action_by_another_organisation' },
  21: { name: 'Further investigation not in the public interest (police)', status: 'not_in_public_interest' },
  22: { name: 'Diversionary, educational or intervention activity: no further action in the public interest', status: 'not_in_public_interest' },
};

/** Statuses that are the investigation's outcome: no further updates are due on them. */
export const finalStatuses: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'no_further_action', 'unable_to_prosecute', 'no_suspect_identified', 'offender_cautioned', 'penalty_notice', 'drugs_warning',
  'local_resolution', 'not_in_public_interest', 'action_by_another_organisation', 'dealt_with_in_another_case',
]);
