import type { Knex } from 'knex';
import type { CaseEvent, Language } from '@victim-portal/contract';
import { caseEventColumns, toCaseEvent, type CaseEventRow } from '../timeline/case-events.js';
import { eventKinds } from '../timeline/vocabulary.js';

/**
 * One case event as the force sees it, for the `victim.told` webhook (the timeline's own
 * mapping, toCaseEvent). Read in the transaction that told the victim, so it shows the telling.
 */
export async function readToldEvent(trx: Knex | Knex.Transaction, forceId: string, caseId: string, eventId: string): Promise<CaseEvent | undefined> {
  const row = await trx('case_events as e')
    .join('cases as c', (join) => join.on('c.force_id', 'e.force_id').andOn('c.id', 'e.case_id'))
    .join('victims as v', (join) => join.on('v.force_id', 'c.force_id').andOn('v.id', 'c.victim_id'))
    .leftJoin('event_wording as w', (join) => join.on('w.force_id', 'e.force_id').andOn('w.event_type', 'e.event_type').andOn('w.language', 'v.language'))
    .where({ 'e.force_id': forceId, 'e.case_id': caseId, 'e.id': eventId })
    .first<(CaseEventRow & { language: Language; wording: string | null; now: Date }) | undefined>([
      ...caseEventColumns.map((column) => `e.${column}`), 'v.language', 'w.wording', trx.raw('now() as now'),
    ]);
  if (!row) return undefined;
  // TODO(timeline): their standard wording per language (wording.ts) once it is committed.
  return toCaseEvent(row, row.wording ?? eventKinds[row.event_type].meaning, row.now);
}
