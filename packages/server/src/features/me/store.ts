import type { Knex } from 'knex';
import type { CaseStatus, Rank, ReportedVia, SessionInfo, VictimCase } from '@victim-portal/contract';
import type { Activity, ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions, auditColumns, hiddenCaseReadRefused } from '../../audit/audit-log.js';
import { validVictimSession, victimSessionColumns, type SessionFound, type VictimSessionRow } from '../../auth/victim-session.js';
import { runStatement, statement } from '../../db/statement.js';
import { lastContactSql, nextUpdateDue, updateEveryDaysSql } from '../timeline/next-update.js';
import { absenceColumns, coverJoin, toOfficerInCharge, type AbsenceRow } from '../officers/absence.js';

/** A case as its victim may see it: no victim details, no internal codes. */
type OicAbsenceRow = { [Key in keyof AbsenceRow as `oic_${Key}`]: AbsenceRow[Key] | null };

interface VictimCaseRow extends VictimSessionRow, OicAbsenceRow {
  id: string | null;
  crime_reference: string;
  offence_label: string;
  reported_at: Date;
  reported_via: ReportedVia;
  status: CaseStatus;
  oic_collar_number: string | null;
  oic_display_name: string | null;
  oic_rank: Rank | null;
  created_at: Date;
  last_contact_at: Date | null;
  update_every_days: number;
}

function toVictimCase(row: VictimCaseRow & { id: string }): VictimCase {
  return {
    id: row.id,
    crimeReference: row.crime_reference,
    crimeType: row.offence_label,
    reportedAt: row.reported_at.toISOString(),
    reportedVia: row.reported_via,
    status: row.status,
    // With the OIC's absence only while it is in force: who covers, and when they are back.
    officerInCharge: toOfficerInCharge(row, 'oic_'),
    nextUpdateDue: nextUpdateDue(row.status, row.last_contact_at ?? row.created_at, row.update_every_days),
  };
}

// Cases are matched on the session's force AND victim, so a victim only ever sees their own,
// and only those the force's eligibility rules do not rule out for safety: a risk flag, the
// offence or the victim's age (cases.hidden_from_victim, kept current on every change of the
// case or the rules). The condition is in the join, so a hidden case reads exactly like
// another victim's (404) and leaves every list. Every victim read of a case joins this way.
// Left joins: a valid session with no matching case still gives one row (then 404, not 401).
export const victimCasesJoin = 'left join cases c on c.force_id = s.force_id and c.victim_id = s.victim_id and not c.hidden_from_victim';
const victimCaseColumns = `${victimSessionColumns},
    c.id, c.crime_reference, c.offence_label, c.reported_at, c.reported_via, c.status, c.created_at,
    ${lastContactSql} as last_contact_at, ${updateEveryDaysSql} as update_every_days,
    o.collar_number as oic_collar_number, o.display_name as oic_display_name, o.rank as oic_rank,
    ${absenceColumns('o', 'oc', 'oic_')}`;
const officerJoin = `left join officers o on o.force_id = c.force_id and o.id = c.oic_officer_id ${coverJoin('o', 'oc')}`;

// The hot path: one indexed read checks the session and reads the case. The second join is
// only there to audit a refused read of the victim's own case when it is hidden from them: a
// primary-key lookup of the same row, in the same statement.
const readMyCase = statement(
  'me_read_case',
  `select ${victimCaseColumns}, h.id as hidden_case_id
   from sessions s
   ${victimCasesJoin} and c.id = :caseId
   ${officerJoin}
   left join cases h on h.force_id = s.force_id and h.victim_id = s.victim_id and h.id = :caseId and h.hidden_from_victim
   where ${validVictimSession}`,
);
const listMine = statement(
  'me_list_cases',
  `select ${victimCaseColumns} from sessions s ${victimCasesJoin} ${officerJoin} where ${validVictimSession} order by c.reported_at desc`,
);

const endSession = statement(
  'me_sign_out',
  `with ended as (
     update sessions set revoked_at = now()
     where token_hash = :sessionTokenHash and revoked_at is null and idle_expires_at > now() and expires_at > now()
     returning id, force_id, victim_id
   ),
   audit as (
     insert into audit_log ${auditColumns}
     select force_id, 'victim', victim_id, '${auditActions.signedOut}', 'session', id, 'victim signed out', :requestId
     from ended
   )
   select id, force_id from ended`,
);

export interface VictimRequest {
  sessionTokenHash: string;
  requestId: string | undefined;
  /** Told the session's force once the read has found the session valid (for CORS). */
  sessionFound?: SessionFound;
}

/** What a signed-in victim did: one audit row per case shown, and the session kept alive. */
function activityOf(row: VictimSessionRow, caseIds: string[], requestId: string | undefined, action: typeof auditActions.caseRead | typeof auditActions.caseListed): Activity[] {
  const reason = action === auditActions.caseRead ? 'victim viewed their case' : 'victim listed their cases';
  const activities: Activity[] = caseIds.map((caseId) => ({
    audit: { forceId: row.session_force_id, actorType: 'victim', actorId: row.session_victim_id, action, subjectType: 'case', subjectId: caseId, reason, requestId },
  }));
  if (row.session_needs_touch) activities.push({ touchSessionId: row.session_id });
  return activities;
}

/**
 * Read one of the victim's cases. Answers only once the read's audit row is committed. A
 * refused read of their own case that is hidden from them is audited too (`case.read_refused`);
 * a case that is not theirs is not (nothing of it was shown, and it has no link to them).
 * @returns 'signed_out' when the session is not valid, else the case, or undefined if not
 *   theirs or hidden from them
 */
export async function readMyCaseForVictim(db: Knex, activity: ActivityRecorder, who: VictimRequest, caseId: string): Promise<'signed_out' | VictimCase | undefined> {
  const [row] = await runStatement<VictimCaseRow & { hidden_case_id: string | null }>(db, readMyCase, { sessionTokenHash: who.sessionTokenHash, caseId });
  if (!row) return 'signed_out';
  who.sessionFound?.(row.session_force_id);
  if (row.id === null) {
    const victim = { forceId: row.session_force_id, victimId: row.session_victim_id, requestId: who.requestId };
    const refused: Activity[] = row.hidden_case_id === null ? [] : [{ audit: hiddenCaseReadRefused(victim, row.hidden_case_id, 'case') }];
    await activity.record(...refused, ...activityOf(row, [], who.requestId, auditActions.caseRead));
    return undefined;
  }
  await activity.record(...activityOf(row, [row.id], who.requestId, auditActions.caseRead));
  return toVictimCase({ ...row, id: row.id });
}

/** @returns 'signed_out' when the session is not valid, else the victim's cases, newest report first */
export async function listMyCasesForVictim(db: Knex, activity: ActivityRecorder, who: VictimRequest): Promise<'signed_out' | VictimCase[]> {
  const rows = await runStatement<VictimCaseRow>(db, listMine, { sessionTokenHash: who.sessionTokenHash });
  const [first] = rows;
  if (!first) return 'signed_out';
  who.sessionFound?.(first.session_force_id);
  const cases = rows.flatMap((row) => (row.id === null ? [] : [toVictimCase({ ...row, id: row.id })]));
  await activity.record(...activityOf(first, cases.map((c) => c.id), who.requestId, auditActions.caseListed));
  return cases;
}

/** @returns whether a valid session was ended */
export async function signOutVictim(db: Knex, who: VictimRequest): Promise<boolean> {
  const [ended] = await runStatement<{ id: string; force_id: string }>(db, endSession, { sessionTokenHash: who.sessionTokenHash, requestId: who.requestId ?? null });
  if (ended) who.sessionFound?.(ended.force_id);
  return ended !== undefined;
}

const keepAlive = statement(
  'me_keep_alive',
  `update sessions s
   set idle_expires_at = least(now() + s.idle_timeout_seconds * interval '1 second', s.expires_at)
   where ${validVictimSession}
   returning s.force_id, s.expires_at, s.idle_expires_at, s.idle_timeout_seconds`,
);

/** @returns the session's expiries after sliding its idle expiry, or 'signed_out' */
export async function keepSessionAlive(db: Knex, who: VictimRequest): Promise<'signed_out' | SessionInfo> {
  const [row] = await runStatement<{ force_id: string; expires_at: Date; idle_expires_at: Date; idle_timeout_seconds: number }>(db, keepAlive, { sessionTokenHash: who.sessionTokenHash });
  if (!row) return 'signed_out';
  who.sessionFound?.(row.force_id);
  return { expiresAt: row.expires_at.toISOString(), idleExpiresAt: row.idle_expires_at.toISOString(), idleTimeoutSeconds: row.idle_timeout_seconds };
}
