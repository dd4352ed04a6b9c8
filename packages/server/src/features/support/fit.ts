import type { RiskFlag, SupportHelps } from '@victim-portal/contract';
import { ageOn, offenceMatches } from '../eligibility/rules.js';
import { londonDate } from '../timeline/working-days.js';

/** What a support service's "who it helps" is checked against. */
export interface SupportCandidate {
  offenceCode: string;
  riskFlags: readonly RiskFlag[];
  /** The victim's postcode, when the force holds it. */
  postcode: string | null;
  /** YYYY-MM-DD, when the force holds it. */
  dateOfBirth: string | null;
}

/** @returns the postcode's outward code (`KM14AB` → `KM1`) and area (`KM`), spaces and case ignored */
export function postcodeParts(postcode: string): { outward: string; area: string } {
  const normal = postcode.replace(/\s+/g, '').toUpperCase();
  // The inward code is always 3 characters; a bare outward code is taken as it is.
  const outward = normal.length >= 5 ? normal.slice(0, -3) : normal;
  return { outward, area: /^[A-Z]*/.exec(outward)?.[0] ?? '' };
}

/** Does a listed area (`KM`) or district (`KM1`) cover the postcode? */
export function postcodeCovered(pattern: string, postcode: string): boolean {
  const { outward, area } = postcodeParts(postcode);
  return /^[A-Z]+$/.test(pattern) ? area === pattern : outward === pattern;
}

// An empty list is read like a missing one (no limit): a force that clears a list means
// "everyone", never "no-one", which would hide the service without saying so.
const limits = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/**
 * Whether a service is for this victim and case. Every part of `helps` left out means everyone;
 * a part that needs something the force does not hold (no postcode, no date of birth) rules the
 * service out, since we cannot tell that it is for them.
 * @param today when to work the victim's age out (UK date)
 */
export function serviceFits(helps: SupportHelps, candidate: SupportCandidate, today = new Date()): boolean {
  if (limits(helps.offenceCodes) && !helps.offenceCodes.some((pattern) => offenceMatches(pattern, candidate.offenceCode))) return false;
  if (limits(helps.riskFlags) && !helps.riskFlags.some((flag) => candidate.riskFlags.includes(flag))) return false;
  if (limits(helps.postcodeAreas)) {
    const { postcode } = candidate;
    if (!postcode || !helps.postcodeAreas.some((pattern) => postcodeCovered(pattern, postcode))) return false;
  }
  if (helps.minAge !== undefined || helps.maxAge !== undefined) {
    if (!candidate.dateOfBirth) return false;
    // ageOn reads the calendar date of `today` in UTC: give it the UK date at midnight UTC.
    const age = ageOn(candidate.dateOfBirth, new Date(`${londonDate(today)}T00:00:00Z`));
    if (helps.minAge !== undefined && age < helps.minAge) return false;
    if (helps.maxAge !== undefined && age > helps.maxAge) return false;
  }
  return true;
}
