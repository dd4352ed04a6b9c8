import type { CrimeTypeGroup } from '@victim-portal/contract';
import { otherCrimeTypeGroup } from '../../content/crime-type-groups.js';
import { offenceMatches } from '../eligibility/rules.js';

/**
 * Puts offence codes in the force's crime-type groups: the first group with a matching pattern
 * (as eligibility rules match them: `028/*` a class, `028/01` one code), else `other`. The SQL
 * groups by offence code and this maps each distinct code once, so the patterns never have to
 * be written in SQL.
 * @returns the group key of an offence code (null, for an invite without a case, is `other`)
 */
export function crimeTypeGrouper(groups: readonly CrimeTypeGroup[]): (offenceCode: string | null) => string {
  const known = new Map<string, string>();
  return (offenceCode) => {
    if (offenceCode === null) return otherCrimeTypeGroup.key;
    let key = known.get(offenceCode);
    if (key === undefined) {
      key = groups.find((group) => group.offenceCodes.some((pattern) => offenceMatches(pattern, offenceCode)))?.key ?? otherCrimeTypeGroup.key;
      known.set(offenceCode, key);
    }
    return key;
  };
}
