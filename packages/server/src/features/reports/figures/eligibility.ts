import type { Knex } from 'knex';
import type { UsageReport } from '@victim-portal/contract';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, type ReportScope } from './scope.js';

export type NotInvitedReason = keyof UsageReport['eligibility']['reasons'];

export interface EligibilityRow {
  offence_code: string;
  /** Null: the case is eligible. */
  not_invited_reason: NotInvitedReason | null;
  cases: number;
}

// Cases that reached the portal in the period, by offence code and the reason now stored for
// giving them no invite (null: eligible). A few rows per offence code.
const casesByOutcome = statement(
  'report_eligibility',
  `select offence_code, not_invited_reason, cast(count(*) as integer) as cases
   from cases
   where force_id = :forceId and ${inPeriod('created_at')}
   group by offence_code, not_invited_reason`,
);

/** @returns the period's cases by offence code and eligibility outcome */
export function eligibilityFigures(db: Knex, scope: ReportScope): Promise<EligibilityRow[]> {
  return runReport<EligibilityRow>(db, casesByOutcome, scope);
}
