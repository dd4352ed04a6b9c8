import type { CaseStage, CaseStatus } from '@victim-portal/contract';

/**
 * Where a case is, for which of the Victims' Code rights apply.
 * @param status the case's derived status
 * @returns `reporting` before an officer has it, `investigation` while it is investigated,
 *   `court` once a suspect is charged, and `decision` for every other outcome
 */
export function stageOf(status: CaseStatus): CaseStage {
  switch (status) {
    case 'report_received':
      return 'reporting';
    case 'under_investigation':
      return 'investigation';
    case 'suspect_charged':
    case 'awaiting_court_result':
      return 'court';
    default:
      return 'decision';
  }
}
