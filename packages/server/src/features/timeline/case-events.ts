import type { Knex } from 'knex';
import type { CaseEvent, CaseEventType, DutyState, OutcomeCode, TellingMethod } from '@victim-portal/contract';
import { refreshCaseStatus } from './status.js';
import { isKeyDecision, type ServiceEventType } from './vocabulary.js';

/** A stored case event. */
export interface CaseEventRow {
  id: string;
  case_id: string;
  event_type: CaseEventType;
  occurred_at: Date;
  victim_visible: boolean;
  key_decision: boolean;
  officer_text: string | null;
  outcome_code: OutcomeCode | null;
  due_by: Date | null;
  told_at: Date | null;
  told_by: TellingMethod | null;
  created_at: Date;
}

export const caseEventColumns = [
  'id', 'case_id', 'event_type', 'occurred_at', 'victim_visible', 'key_decision', 'officer_text', 'outcome_code', 'due_by', 'told_at', 'told_by', 'created_at',
] as const;

/** What is stored of a new event; the status follows from it. */
export interface NewCaseEvent {
  forceId: string;
  caseId: string;
  type: CaseEventType;
  occurredAt: Date;
  victimVisible: boolean;
  officerText: string | null;
  outcomeCode: OutcomeCode | null;
  /** The deadline for telling the victim, for a visible key decision. */
  dueBy: Date | null;
  told: { at: Date; by: TellingMethod } | null;
}

/**
 * Store an event and derive the case's status again, in the caller's transaction, which must
 * hold the case's row lock (so events recorded at the same time derive the status in turn).
 * @returns the stored event
 */
export async function insertCaseEvent(trx: Knex.Transaction, event: NewCaseEvent): Promise<CaseEventRow> {
  const [row] = await trx('case_events')
    .insert({
      force_id: event.forceId,
      case_id: event.caseId,
      event_type: event.type,
      occurred_at: event.occurredAt,
      victim_visible: event.victimVisible,
      key_decision: isKeyDecision(event.type),
      officer_text: event.officerText,
      outcome_code: event.outcomeCode,
      due_by: event.dueBy,
      told_at: event.told?.at ?? null,
      told_by: event.told?.by ?? null,
      // The recording order: now() is the transaction's start, the same for every event the
      // transaction records; the clock orders them as they were recorded.
      created_at: trx.raw('clock_timestamp()'),
    })
    .returning<CaseEventRow[]>([...caseEventColumns]);
  if (!row) throw new Error('case event insert returned no row');
  await refreshCaseStatus(trx, event.forceId, event.caseId);
  return row;
}

/**
 * Record an event the service itself observes: the report when a case is created, and the
 * officer in charge being assigned or changed. Visible, no deadline, no notification (an
 * officer change already puts a notice in the thread). Call it in the transaction of the
 * change, which holds the case's row.
 */
export async function recordServiceEvent(
  trx: Knex.Transaction,
  event: { forceId: string; caseId: string; type: ServiceEventType; occurredAt: Date },
): Promise<void> {
  await insertCaseEvent(trx, { ...event, victimVisible: true, officerText: null, outcomeCode: null, dueBy: null, told: null });
}

/**
 * @param now the time the duty is judged at
 * @returns where the duty of telling the victim of the event stands
 */
export function dutyStateOf(row: Pick<CaseEventRow, 'due_by' | 'told_at'>, now: Date): DutyState {
  if (!row.due_by) return 'none';
  if (!row.told_at) return now.getTime() > row.due_by.getTime() ? 'overdue' : 'pending';
  return row.told_at.getTime() <= row.due_by.getTime() ? 'met' : 'late';
}

/**
 * @param victimText the wording the victim reads, in their language
 * @returns the event as the force sees it
 */
export function toCaseEvent(row: CaseEventRow, victimText: string, now: Date): CaseEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.event_type,
    occurredAt: row.occurred_at.toISOString(),
    victimVisible: row.victim_visible,
    keyDecision: row.key_decision,
    victimText,
    officerText: row.officer_text,
    outcomeCode: row.outcome_code,
    dueBy: row.due_by?.toISOString() ?? null,
    toldAt: row.told_at?.toISOString() ?? null,
    toldBy: row.told_by,
    duty: dutyStateOf(row, now),
    recordedAt: row.created_at.toISOString(),
  };
}
