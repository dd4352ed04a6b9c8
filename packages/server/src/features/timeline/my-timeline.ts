import type { Knex } from 'knex';
import type { CaseEventType, CaseStatus, CrimeReportInput, Language, OutcomeCode, ReportedVia, Timeline, VictimCrimeReport } from '@victim-portal/contract';
import type { Activity, ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions, hiddenCaseReadRefused, recordAudit, type AuditEvent } from '../../audit/audit-log.js';
import { validVictimSession, victimSessionColumns, type VictimSessionRow } from '../../auth/victim-session.js';
import { explanationFor } from '../../content/outcomes.js';
import { runStatement, statement } from '../../db/statement.js';
import { markToldByPortal } from '../duties/telling.js';
import { victimCasesJoin, type VictimRequest } from '../me/store.js';
import { rightToReviewFor } from '../rights/right-to-review.js';
import { lastContactSql, nextUpdateDue, updateEveryDaysSql } from './next-update.js';
import { eventWordingsOf } from './wording.js';

interface MyCaseRow extends VictimSessionRow {
  id: string | null;
  hidden_case_id: string | null;
  crime_reference: string;
  offence_label: string;
  reported_at: Date;
  reported_via: ReportedVia;
  status: CaseStatus;
  outcome_code: OutcomeCode | null;
  crime_report: CrimeReportInput | null;
  created_at: Date;
  last_contact_at: Date | null;
  update_every_days: number;
  language: Language;
}

// As getMyCase: the session and the case in one read, the case only when it is the victim's and
// not hidden from them; the second join only finds a hidden case of theirs, to audit the refusal.
const readMyCase = statement(
  'timeline_read_my_case',
  `select ${victimSessionColumns}, c.id, h.id as hidden_case_id,
     c.crime_reference, c.offence_label, c.reported_at, c.reported_via, c.status, c.outcome_code, c.crime_report, c.created_at,
     ${lastContactSql} as last_contact_at, ${updateEveryDaysSql} as update_every_days,
     (select mv.language from victims mv where mv.force_id = s.force_id and mv.id = s.victim_id) as language
   from sessions s
   ${victimCasesJoin} and c.id = :caseId
   left join cases h on h.force_id = s.force_id and h.victim_id = s.victim_id and h.id = :caseId and h.hidden_from_victim
   where ${validVictimSession}`,
);

type Found = { row: MyCaseRow & { id: string }; audit: (action: AuditEvent['action'], reason: string) => AuditEvent; touch: Activity[] };

/**
 * @returns 'signed_out', undefined (not theirs, or hidden: the refusal audited) or the case
 */
async function findMyCase(db: Knex, activity: ActivityRecorder, who: VictimRequest, caseId: string): Promise<'signed_out' | Found | undefined> {
  const [row] = await runStatement<MyCaseRow>(db, readMyCase, { sessionTokenHash: who.sessionTokenHash, caseId });
  if (!row) return 'signed_out';
  who.sessionFound?.(row.session_force_id);
  const touch: Activity[] = row.session_needs_touch ? [{ touchSessionId: row.session_id }] : [];
  if (row.id === null) {
    const victim = { forceId: row.session_force_id, victimId: row.session_victim_id, requestId: who.requestId };
    const refused: Activity[] = row.hidden_case_id === null ? [] : [{ audit: hiddenCaseReadRefused(victim, row.hidden_case_id, 'case') }];
    await activity.record(...refused, ...touch);
    return undefined;
  }
  const subjectId = row.id;
  const audit = (action: AuditEvent['action'], reason: string): AuditEvent => ({
    forceId: row.session_force_id, actorType: 'victim', actorId: row.session_victim_id, action, subjectType: 'case', subjectId, reason, requestId: who.requestId,
  });
  return { row: { ...row, id: row.id }, audit, touch };
}

interface VisibleEventRow {
  id: string;
  event_type: CaseEventType;
  occurred_at: Date;
  officer_text: string | null;
  outcome_code: OutcomeCode | null;
  key_decision: boolean;
  told_at: Date | null;
}

/**
 * The victim's timeline: the events they may see, newest first, in their language (or the one
 * asked for), what the status means, when they will next hear and their Right to Review.
 * Opening it tells the victim of every key decision it shows that they had not been told of.
 * @returns 'signed_out', undefined when not theirs (or hidden from them), or the timeline
 */
export async function readMyTimeline(db: Knex, activity: ActivityRecorder, who: VictimRequest, caseId: string, lang: Language | undefined): Promise<'signed_out' | Timeline | undefined> {
  const found = await findMyCase(db, activity, who, caseId);
  if (found === 'signed_out' || found === undefined) return found;
  const { row } = found;
  const forceId = row.session_force_id;
  const language = lang ?? row.language;
  const events = await db('case_events')
    .select<VisibleEventRow[]>('id', 'event_type', 'occurred_at', 'officer_text', 'outcome_code', 'key_decision', 'told_at')
    .where({ force_id: forceId, case_id: row.id, victim_visible: true })
    .orderBy([{ column: 'occurred_at', order: 'desc' }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  const untold = events.filter((event) => event.key_decision && event.told_at === null).map((event) => event.id);
  const read = found.audit(auditActions.timelineRead, `victim opened their timeline (${events.length} events shown, ${untold.length} newly told)`);
  if (untold.length > 0) {
    // The telling and the read that made it commit together.
    await db.transaction(async (trx) => {
      await markToldByPortal(trx, { forceId, caseId: row.id, eventIds: untold });
      await recordAudit(trx, read);
    });
    await activity.record(...found.touch);
  } else {
    await activity.record({ audit: read }, ...found.touch);
  }
  const wordings = await eventWordingsOf(db, forceId);
  return {
    caseId: row.id,
    language,
    status: row.status,
    explanation: explanationFor(row.status, row.outcome_code, language),
    outcomeCode: row.outcome_code,
    nextUpdateDue: nextUpdateDue(row.status, row.last_contact_at ?? row.created_at, row.update_every_days),
    updateEveryDays: row.update_every_days,
    rightToReview: await rightToReviewFor(db, forceId, row.id),
    events: events.map((event) => ({
      id: event.id,
      type: event.event_type,
      occurredAt: event.occurred_at.toISOString(),
      text: wordings.text(event.event_type, language),
      officerText: event.officer_text,
      outcomeCode: event.outcome_code,
    })),
  };
}

/**
 * The victim's own account of the crime as the force recorded it; its fields are null when the
 * force has not shared one.
 * @returns 'signed_out', undefined when not theirs (or hidden from them), or the report
 */
export async function readMyCrimeReport(db: Knex, activity: ActivityRecorder, who: VictimRequest, caseId: string): Promise<'signed_out' | VictimCrimeReport | undefined> {
  const found = await findMyCase(db, activity, who, caseId);
  if (found === 'signed_out' || found === undefined) return found;
  const { row } = found;
  const report = row.crime_report;
  await activity.record({ audit: found.audit(auditActions.crimeReportRead, report ? 'victim read their crime report' : 'victim asked for their crime report; none shared') }, ...found.touch);
  return {
    caseId: row.id,
    crimeReference: row.crime_reference,
    crimeType: row.offence_label,
    reportedAt: row.reported_at.toISOString(),
    reportedVia: row.reported_via,
    account: report?.account ?? null,
    incidentFrom: report?.incidentFrom ?? null,
    incidentUntil: report?.incidentUntil ?? null,
    location: report?.location ?? null,
  };
}
