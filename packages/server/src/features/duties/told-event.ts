import type { Knex } from 'knex';
import type { CaseEvent, CaseEventType, DutyState, TellingMethod } from '@victim-portal/contract';
import { eventKinds } from '../timeline/vocabulary.js';

interface EventRow {
  id: string;
  case_id: string;
  event_type: CaseEventType;
  occurred_at: Date;
  victim_visible: boolean;
  key_decision: boolean;
  officer_text: string | null;
  outcome_code: number | null;
  due_by: Date | null;
  told_at: Date | null;
  told_by: TellingMethod | null;
  created_at: Date;
  wording: string | null;
}

/** The duty state of an event, judged at `now`. */
export function dutyState(dueBy: Date | null, toldAt: Date | null, now: Date): DutyState {
  if (!dueBy) return 'none';
  if (toldAt) return toldAt <= dueBy ? 'met' : 'late';
  return now > dueBy ? 'overdue' : 'pending';
}

/**
 * One case event as the force sees it, for the `victim.told` webhook. Read in the transaction
 * that told the victim, so it shows the telling.
 * TODO(timeline): use the timeline's own read of a CaseEvent once it exports one.
 */
export async function readToldEvent(trx: Knex | Knex.Transaction, forceId: string, caseId: string, eventId: string): Promise<CaseEvent | undefined> {
  const { rows } = await trx.raw<{ rows: EventRow[] }>(
    `select e.id, e.case_id, e.event_type, e.occurred_at, e.victim_visible, e.key_decision, e.officer_text, e.outcome_code,
       e.due_by, e.told_at, e.told_by, e.created_at, w.wording
     from case_events e
     join cases c on c.force_id = e.force_id and c.id = e.case_id
     join victims v on v.force_id = c.force_id and v.id = c.victim_id
     left join event_wording w on w.force_id = e.force_id and w.event_type = e.event_type and w.language = v.language
     where e.force_id = ? and e.case_id = ? and e.id = ?`,
    [forceId, caseId, eventId],
  );
  const [row] = rows;
  if (!row) return undefined;
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.event_type,
    occurredAt: row.occurred_at.toISOString(),
    victimVisible: row.victim_visible,
    keyDecision: row.key_decision,
    victimText: row.wording ?? eventKinds[row.event_type].meaning,
    officerText: row.officer_text,
    outcomeCode: row.outcome_code as CaseEvent['outcomeCode'],
    dueBy: row.due_by?.toISOString() ?? null,
    toldAt: row.told_at?.toISOString() ?? null,
    toldBy: row.told_by,
    duty: dutyState(row.due_by, row.told_at, new Date()),
    recordedAt: row.created_at.toISOString(),
  };
}
