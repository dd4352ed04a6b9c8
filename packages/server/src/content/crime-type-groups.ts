import type { CallsAvoidedAssumptions, CrimeTypeGroup } from '@victim-portal/contract';

/**
 * The usage report's crime-type groups for a force that has not set its own
 * (ForceSettings.crimeTypeGroups): Home Office offence classes (the number before the `/` of
 * an offence code) gathered the way forces' published crime figures gather them. First match
 * wins; anything else is `other`. docs/reporting.md lists them.
 */
const classes = (...numbers: number[]) => numbers.map((n) => `${String(n).padStart(3, '0')}/*`);

export const defaultCrimeTypeGroups: readonly CrimeTypeGroup[] = [
  { key: 'violence', label: 'Violence against the person', offenceCodes: classes(1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 104, 105) },
  { key: 'sexual', label: 'Sexual offences', offenceCodes: classes(17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 70, 71, 72, 73, 74, 88) },
  { key: 'robbery', label: 'Robbery', offenceCodes: classes(34) },
  { key: 'burglary', label: 'Burglary', offenceCodes: classes(28, 29, 30, 31) },
  { key: 'vehicle', label: 'Vehicle crime', offenceCodes: classes(37, 45, 48, 126) },
  { key: 'theft', label: 'Theft', offenceCodes: classes(39, 40, 41, 42, 43, 44, 46, 47, 49, 54) },
  { key: 'damage_arson', label: 'Criminal damage and arson', offenceCodes: classes(56, 57, 58, 59) },
  { key: 'fraud', label: 'Fraud', offenceCodes: classes(51, 52, 53, 55, 60, 61, 814) },
];

/** The key and label of cases that match none of the force's groups. */
export const otherCrimeTypeGroup = { key: 'other', label: 'Other crime' } as const;

/** The assumptions of the 101-calls-avoided estimate for a force that has not set its own. */
export const defaultCallsAvoided: Required<CallsAvoidedAssumptions> = {
  perUpdateRequestAnswered: 1,
  perSignInReadingNewUpdate: 1,
  updateReadWithinDays: 7,
};
