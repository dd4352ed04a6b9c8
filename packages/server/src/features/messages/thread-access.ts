/**
 * Who is at a case's thread, decided in one read per request: a victim by session (their own
 * case, not hidden from them), an officer by token (in charge, or covering an absent officer in
 * charge now), or the force's records system (any case of the force, replying as the officer in
 * charge or the cover). A case the caller may not see answers exactly like a missing one.
 */
import type { Knex } from 'knex';
import type { OfficerInCharge, Rank } from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { hiddenCaseReadRefused, type AuditEvent } from '../../audit/audit-log.js';
import { unauthenticated, type ForceActor, type OfficerActor } from '../../auth/credentials.js';
import { validVictimSession, victimSessionColumns, type VictimSessionRow } from '../../auth/victim-session.js';
import { runStatement, statement } from '../../db/statement.js';
import { problem } from '../../http/problem.js';
import { absenceColumns, coverJoin, toOfficerInCharge } from '../officers/absence.js';
import { officerSeesCase } from '../officers/cover.js';
import { findOfficer } from '../officers/store.js';
import { victimCasesJoin } from '../me/store.js';

/** A caller at one case's thread, once allowed. */
export interface ThreadAccess {
  forceId: string;
  caseId: string;
  /** Which side of the thread the caller writes and reads for. */
  side: 'victim' | 'officer';
  /** For the officer side: the officer who writes or reads (null when the force only lists). */
  officerId: string | null;
  /** The records system writes as whoever is officer in charge when the write happens. */
  asOfficerInCharge?: boolean;
  /** Who is named in the audit log. */
  actor: Pick<AuditEvent, 'actorType' | 'actorId' | 'requestId'>;
  /** Who the victim's messages go to now, with any absence in force. */
  officerInCharge: OfficerInCharge | null;
  /** A victim session whose idle expiry should slide forward. */
  touchSessionId?: string;
}

const oicColumns = `c.oic_officer_id, oic.collar_number as oic_collar_number, oic.display_name as oic_display_name, oic.rank as oic_rank,
  oic.covered_by_officer_id as oic_covered_by_officer_id, ${absenceColumns('oic', 'oc', 'oic_')}`;
const oicJoin = `left join officers oic on oic.force_id = c.force_id and oic.id = c.oic_officer_id ${coverJoin('oic', 'oc')}`;

interface OicRow {
  case_id: string | null;
  oic_officer_id: string | null;
  oic_covered_by_officer_id: string | null;
  oic_absent_now: boolean | null;
  oic_collar_number: string | null;
  oic_display_name: string | null;
  oic_rank: Rank | null;
}

// As features/me/store.ts: the second join of cases only finds the victim's own case when it
// is hidden from them, to audit the refused read.
const victimCase = statement(
  'thread_access_victim',
  `select ${victimSessionColumns}, c.id as case_id, ${oicColumns}, h.id as hidden_case_id
   from sessions s
   ${victimCasesJoin} and c.id = :caseId
   ${oicJoin}
   left join cases h on h.force_id = s.force_id and h.victim_id = s.victim_id and h.id = :caseId and h.hidden_from_victim
   where ${validVictimSession}`,
);

/**
 * @param onSession told the session's force once found valid (for CORS)
 * @returns the victim's access to their case; throws 401 for a session not valid, 404 for a
 *   case that is not theirs, is hidden from them, or does not exist
 */
export async function victimAccess(
  db: Knex,
  activity: ActivityRecorder,
  who: { sessionTokenHash: string; requestId: string | undefined; onSession?: (forceId: string) => void },
  caseId: string,
): Promise<ThreadAccess> {
  const [row] = await runStatement<VictimSessionRow & OicRow & { hidden_case_id: string | null }>(db, victimCase, { sessionTokenHash: who.sessionTokenHash, caseId });
  if (!row) throw unauthenticated();
  who.onSession?.(row.session_force_id);
  if (!row.case_id) {
    if (row.hidden_case_id) {
      const victim = { forceId: row.session_force_id, victimId: row.session_victim_id, requestId: who.requestId };
      await activity.record({ audit: hiddenCaseReadRefused(victim, row.hidden_case_id, 'thread') });
    }
    throw problem('notFound', 'You have no case with this id.');
  }
  const access: ThreadAccess = {
    forceId: row.session_force_id,
    caseId: row.case_id,
    side: 'victim',
    officerId: null,
    actor: { actorType: 'victim', actorId: row.session_victim_id, requestId: who.requestId },
    officerInCharge: toOfficerInCharge(row, 'oic_'),
  };
  if (row.session_needs_touch) access.touchSessionId = row.session_id;
  return access;
}

const officerCase = statement(
  'thread_access_officer',
  `select c.id as case_id, ${oicColumns}
   from cases c ${oicJoin}
   where c.force_id = :forceId and c.id = :caseId and ${officerSeesCase('c', 'oic', ':officerId')}`,
);

/** @returns the officer's access to a case they are in charge of or cover now; else throws 404 */
export async function officerAccess(db: Knex, officer: OfficerActor, caseId: string): Promise<ThreadAccess> {
  const [row] = await runStatement<OicRow>(db, officerCase, { forceId: officer.forceId, caseId, officerId: officer.officerId });
  if (!row?.case_id) throw problem('notFound', 'You are not in charge of or covering a case with this id.');
  return {
    forceId: officer.forceId,
    caseId: row.case_id,
    side: 'officer',
    officerId: officer.officerId,
    actor: { actorType: 'officer', actorId: officer.officerId, requestId: officer.requestId },
    officerInCharge: toOfficerInCharge(row, 'oic_'),
  };
}

const forceCase = statement('thread_access_force', `select c.id as case_id, ${oicColumns} from cases c ${oicJoin} where c.force_id = :forceId and c.id = :caseId`);

/**
 * The records system's access to one of its force's cases.
 * @param as `'list'` to only read; else the officer who writes (a collar number, or undefined
 *   for the officer in charge), who must be the officer in charge or the cover while the
 *   officer in charge is away (else 422)
 * @returns the access; throws 404 when the force has no such case
 */
export async function forceAccess(db: Knex, force: ForceActor, caseId: string, as: 'list' | { collarNumber: string | undefined }): Promise<ThreadAccess> {
  const [row] = await runStatement<OicRow>(db, forceCase, { forceId: force.forceId, caseId });
  if (!row?.case_id) throw problem('notFound', 'The force has no case with this id.');
  const access: ThreadAccess = {
    forceId: force.forceId,
    caseId: row.case_id,
    side: 'officer',
    officerId: null,
    actor: { actorType: 'force_api_key', actorId: force.apiKeyId, requestId: force.requestId },
    officerInCharge: toOfficerInCharge(row, 'oic_'),
  };
  if (as === 'list') return access;
  access.officerId = await writingOfficer(db, force.forceId, row, as.collarNumber);
  access.asOfficerInCharge = as.collarNumber === undefined;
  return access;
}

async function writingOfficer(db: Knex, forceId: string, row: OicRow, collarNumber: string | undefined): Promise<string> {
  if (collarNumber === undefined) {
    if (!row.oic_officer_id) throw problem('notAllowedToReply', 'The case has no officer in charge: assign one, or name the officer with collarNumber.');
    return row.oic_officer_id;
  }
  const officer = await findOfficer(db, forceId, collarNumber);
  if (!officer) throw problem('unknownOfficer', 'The force has no officer with that collar number.');
  const covering = row.oic_absent_now === true && row.oic_covered_by_officer_id === officer.id;
  if (officer.id !== row.oic_officer_id && !covering) {
    throw problem('notAllowedToReply', 'That officer is neither the officer in charge of the case nor covering for them now.');
  }
  return officer.id;
}
