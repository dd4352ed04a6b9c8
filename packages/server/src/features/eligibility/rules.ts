import type { Channel, EligibilityRules, NotInvitedReason, RiskFlag } from '@victim-portal/contract';

/**
 * The rules a force has until it sets its own: every offence, but no invite where the records
 * system flags a risk (the person who harmed the victim may read their messages) nor for
 * victims under 18 (DESIGN.md, Rules).
 */
export const defaultEligibilityRules: EligibilityRules = {
  includeOffences: ['*'],
  excludeOffences: [],
  excludeRiskFlags: ['domestic_abuse', 'sexual_offence', 'stalking_or_harassment', 'modern_slavery', 'unsafe_to_contact'],
  minimumVictimAge: 18,
};

/** What eligibility looks at. */
export interface InviteCandidate {
  offenceCode: string;
  riskFlags: RiskFlag[];
  /** YYYY-MM-DD, when the force holds it. */
  dateOfBirth: string | null;
  email: string | null;
  mobile: string | null;
  preferredChannel: Channel | null;
}

export type Eligibility =
  | { eligible: true; channel: Channel; to: string }
  | { eligible: false; reason: NotInvitedReason; riskFlags?: RiskFlag[] };

/** Does a pattern (`*`, `028/*`, `028/01`) match an offence code? */
export function offenceMatches(pattern: string, code: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return code.split('/')[0] === pattern.slice(0, -2);
  return pattern === code;
}

/** @returns the victim's age in whole years on `today` */
export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const age = today.getUTCFullYear() - year;
  const hadBirthday = today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return hadBirthday ? age : age - 1;
}

/**
 * Whether a case gets an invite, and by which channel. Reasons are checked safety first: a
 * risk flag wins over everything else, so the answer never hints that only contact was missing.
 */
export function evaluateEligibility(rules: EligibilityRules, candidate: InviteCandidate, today = new Date()): Eligibility {
  const flagged = candidate.riskFlags.filter((flag) => rules.excludeRiskFlags.includes(flag));
  if (flagged.length > 0) return { eligible: false, reason: 'risk_flag', riskFlags: flagged };
  const included = rules.includeOffences.some((pattern) => offenceMatches(pattern, candidate.offenceCode));
  const excluded = rules.excludeOffences.some((pattern) => offenceMatches(pattern, candidate.offenceCode));
  if (!included || excluded) return { eligible: false, reason: 'offence_not_eligible' };
  if (candidate.dateOfBirth && ageOn(candidate.dateOfBirth, today) < rules.minimumVictimAge) {
    return { eligible: false, reason: 'victim_under_minimum_age' };
  }
  const contacts: Record<Channel, string | null> = { email: candidate.email, sms: candidate.mobile };
  const order: Channel[] = candidate.preferredChannel === 'sms' ? ['sms', 'email'] : ['email', 'sms'];
  for (const channel of order) {
    const to = contacts[channel];
    if (to) return { eligible: true, channel, to };
  }
  return { eligible: false, reason: 'no_contact_channel' };
}
