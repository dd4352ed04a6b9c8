import type { Knex } from 'knex';
import type { CaseEvent, Language } from '@victim-portal/contract';
import { caseEventColumns, toCaseEvent, type CaseEventRow } from '../timeline/case-events.js';
import { eventWordingsOf } from '../timeline/wording.js';

/**
 * One case event as the force sees it, for the `victim.told` webhook: the timeline's own
 * mapping (toCaseEvent), with the wording the victim reads in their language. Read in the
 * transaction that told the victim, so it shows the telling.
 */
export async function readToldEvent(trx: Knex | Knex.Transaction, forceId: string, caseId: string, eventId: string): Promise<CaseEvent | undefined> {
  const row = await trx('case_events as e')
    .join('cases as c', (join) => join.on('c.force_id', 'e.force_id').andOn('c.id', 'e.case_id'))
    .join('victims as v', (join) => join.on('v.force_id', 'c.force_id').andOn('v.id', 'c.victim_id'))
    .where({ 'e.force_id': forceId, 'e.case_id': caseId, 'e.id': eventId })
    .first<(CaseEventRow & { language: Language; now: Date }) | undefined>([...caseEventColumns.map((column) => `e.${column}`), 'v.language', trx.raw('now() as now')]);
  if (!row) return undefined;
  const wordings = await eventWordingsOf(trx, forceId, [row.event_type]);
  return toCaseEvent(row, wordings.text(row.event_type, row.language), row.now);
}
