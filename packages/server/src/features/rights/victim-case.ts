/**
 * A signed-in victim's own case, read in one statement with what the rights and support pages
 * need of it: the stage, the offence and risk flags, and the victim's postcode, age and
 * language. A case that is not theirs, or is hidden from them by the force's eligibility rules,
 * answers exactly like one that does not exist (404), as getMyCase does.
 */
import type { Knex } from 'knex';
import type { CaseStatus, Language, RiskFlag } from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { hiddenCaseReadRefused, type AuditEvent } from '../../audit/audit-log.js';
import { unauthenticated } from '../../auth/credentials.js';
import { validVictimSession, victimSessionColumns, type VictimSessionRow } from '../../auth/victim-session.js';
import { runStatement, statement } from '../../db/statement.js';
import { problem } from '../../http/problem.js';
import { victimCasesJoin } from '../me/store.js';

/** Who is asking, as the victim features pass it on. */
export interface VictimWho {
  sessionTokenHash: string;
  requestId: string | undefined;
  /** Told the session's force once found valid (for CORS). */
  onSession?: (forceId: string) => void;
}

/** The victim's case, once allowed. */
export interface VictimCase {
  forceId: string;
  victimId: string;
  caseId: string;
  crimeReference: string;
  status: CaseStatus;
  offenceCode: string;
  riskFlags: RiskFlag[];
  /** YYYY-MM-DD, when the force holds it. */
  dateOfBirth: string | null;
  postcode: string | null;
  language: Language;
  /** A victim session whose idle expiry should slide forward. */
  touchSessionId?: string;
}

interface VictimCaseRow extends VictimSessionRow {
  case_id: string | null;
  crime_reference: string | null;
  status: CaseStatus | null;
  offence_code: string | null;
  risk_flags: RiskFlag[] | null;
  date_of_birth: string | null;
  postcode: string | null;
  language: Language | null;
  hidden_case_id: string | null;
}

// As features/me/store.ts: the second join of cases only finds the victim's own case when it
// is hidden from them, to audit the refused read.
const readVictimCase = statement(
  'rights_victim_case',
  `select ${victimSessionColumns}, c.id as case_id, c.crime_reference, c.status, c.offence_code, c.risk_flags,
     to_char(v.date_of_birth, 'YYYY-MM-DD') as date_of_birth, v.postcode, v.language, h.id as hidden_case_id
   from sessions s
   ${victimCasesJoin} and c.id = :caseId
   left join victims v on v.force_id = c.force_id and v.id = c.victim_id
   left join cases h on h.force_id = s.force_id and h.victim_id = s.victim_id and h.id = :caseId and h.hidden_from_victim
   where ${validVictimSession}`,
);

/**
 * @param db the database (not a transaction: the read takes a pooled connection of its own)
 * @param activity where a refused read of a hidden case is audited
 * @returns the victim's case; throws 401 for a session that is not valid, 404 for a case that
 *   is not theirs, is hidden from them or does not exist
 */
export async function findVictimCase(db: Knex, activity: ActivityRecorder, who: VictimWho, caseId: string): Promise<VictimCase> {
  const [row] = await runStatement<VictimCaseRow>(db, readVictimCase, { sessionTokenHash: who.sessionTokenHash, caseId });
  if (!row) throw unauthenticated();
  who.onSession?.(row.session_force_id);
  if (!row.case_id) {
    if (row.hidden_case_id) {
      const victim = { forceId: row.session_force_id, victimId: row.session_victim_id, requestId: who.requestId };
      await activity.record({ audit: hiddenCaseReadRefused(victim, row.hidden_case_id, 'case') });
    }
    throw problem('notFound', 'You have no case with this id.');
  }
  const found: VictimCase = {
    forceId: row.session_force_id,
    victimId: row.session_victim_id,
    caseId: row.case_id,
    crimeReference: row.crime_reference as string,
    status: row.status as CaseStatus,
    offenceCode: row.offence_code as string,
    riskFlags: row.risk_flags ?? [],
    dateOfBirth: row.date_of_birth,
    postcode: row.postcode,
    language: row.language ?? 'en',
  };
  if (row.session_needs_touch) found.touchSessionId = row.session_id;
  return found;
}

/** @returns the audit event of the victim's read or change of their case */
export function victimCaseAudit(found: VictimCase, requestId: string | undefined, action: AuditEvent['action'], reason: string): AuditEvent {
  return { forceId: found.forceId, actorType: 'victim', actorId: found.victimId, action, subjectType: 'case', subjectId: found.caseId, reason, requestId };
}
