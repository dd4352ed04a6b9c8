/**
 * Absence and cover in SQL, in one place: who sees a case's thread is computed from its officer
 * in charge (OIC) at the time of asking, never stored, so a reassignment or the end of an
 * absence takes effect at once.
 */

/**
 * @param officer the alias of an officers row
 * @returns a condition true while that officer's recorded absence is in force now
 */
export function absentNow(officer: string): string {
  return `(${officer}.absent_from <= now() and now() < ${officer}.absent_until)`;
}

/**
 * @param caseAlias the alias of the cases row
 * @param oic the alias of the case's OIC officers row (left joined on cases.oic_officer_id)
 * @param officerIdParameter a placeholder for the asking officer's id (`:officerId`, or `?`,
 *   which then takes two bindings)
 * @returns a condition true when that officer is the OIC, or covers the OIC who is away now
 */
export function officerSeesCase(caseAlias: string, oic: string, officerIdParameter: string): string {
  return `(${caseAlias}.oic_officer_id = ${officerIdParameter}
    or (${oic}.covered_by_officer_id = ${officerIdParameter} and ${absentNow(oic)}))`;
}
