import type { Knex } from 'knex';
import type { CaseEventType, CaseStatus, OutcomeCode } from '@victim-portal/contract';
import { eventKinds, outcomeStatuses } from './vocabulary.js';

/** What status derivation reads of an event. */
export interface StatusEvent {
  type: CaseEventType;
  occurredAt: Date;
  victimVisible: boolean;
  /** For case_closed: its Home Office outcome code. */
  outcomeCode?: number | null;
}

/** A case's derived status, and the outcome code it was closed with while that stands. */
export interface CaseState {
  status: CaseStatus;
  outcomeCode: OutcomeCode | null;
}

/** Before a case is charged or decided, investigation steps keep (or put) it under investigation. */
const beforeDecision: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['report_received', 'under_investigation']);

function apply(state: CaseState, event: StatusEvent): CaseState {
  if (!event.victimVisible) return state;
  const effect = eventKinds[event.type].statusEffect;
  switch (effect) {
    case 'none':
      return state;
    case 'assigned':
      return state.status === 'report_received' ? { status: 'under_investigation', outcomeCode: null } : state;
    case 'investigating':
      return beforeDecision.has(state.status) ? { status: 'under_investigation', outcomeCode: null } : state;
    case 'outcome': {
      const code = event.outcomeCode as OutcomeCode | null | undefined;
      const mapped = code ? outcomeStatuses[code] : undefined;
      // The database refuses a case_closed without a code 1–22, so this is only a guard.
      return mapped ? { status: mapped.status, outcomeCode: code as OutcomeCode } : state;
    }
    default:
      return { status: effect, outcomeCode: null };
  }
}

/**
 * The case's status and outcome code from its events (docs/timeline.md). Events are taken in
 * the order they happened: by occurredAt, and in the order given (recording order) when two
 * happened at the same moment, so a backdated event counts where it happened. Hidden events
 * change nothing.
 * @param events the case's events, in recording order
 * @returns the status and, while a closure decides it, the Home Office outcome code
 */
export function deriveCaseState(events: readonly StatusEvent[]): CaseState {
  // Array.prototype.sort is stable: equal times keep recording order.
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return ordered.reduce<CaseState>(apply, { status: 'report_received', outcomeCode: null });
}

/**
 * @param events the case's events, in recording order
 * @returns the case's status, derived from its events
 */
export function deriveStatus(events: readonly StatusEvent[]): CaseStatus {
  return deriveCaseState(events).status;
}

interface EventStatusRow {
  event_type: CaseEventType;
  occurred_at: Date;
  victim_visible: boolean;
  outcome_code: number | null;
}

/**
 * Derive the case's status from its stored events and store it (cases.status and
 * cases.outcome_code). Call it in the transaction of every event insert, after the insert:
 * it is the only writer of the status, so the status cannot disagree with the events.
 * @param trx the transaction that changed the case's events (holding the case's row lock)
 * @returns the status now stored
 */
export async function refreshCaseStatus(trx: Knex.Transaction, forceId: string, caseId: string): Promise<CaseStatus> {
  const rows = await trx('case_events')
    .select<EventStatusRow[]>('event_type', 'occurred_at', 'victim_visible', 'outcome_code')
    .where({ force_id: forceId, case_id: caseId })
    .orderBy([{ column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }]);
  const state = deriveCaseState(rows.map((row) => ({
    type: row.event_type,
    occurredAt: row.occurred_at,
    victimVisible: row.victim_visible,
    outcomeCode: row.outcome_code,
  })));
  await trx('cases')
    .where({ force_id: forceId, id: caseId })
    .update({ status: state.status, outcome_code: state.outcomeCode, updated_at: trx.fn.now() });
  return state.status;
}
