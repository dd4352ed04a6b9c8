import type { Knex } from 'knex';
import type { RightToReview } from '@victim-portal/contract';
import { addCalendarMonths, londonDate } from '../timeline/working-days.js';

/**
 * Where victims read about the Victims' Right to Review when their force has not set its own
 * page (ForceSettings.rightToReviewUrl): the national Code.
 */
export const nationalRightToReviewUrl = 'https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime';

/** Home Office outcome codes of a closed case that are a police decision not to go on (VRR). */
export const reviewableOutcomeCodes: ReadonlySet<number> = new Set([9, 10, 14, 15, 16, 17, 21, 22]);

/** How long the victim has to ask: 3 calendar months from being told (Victims' Code, Right 6). */
const monthsToAsk = 3;

interface DecisionEventRow {
  event_type: string;
  occurred_at: Date;
  told_at: Date | null;
  victim_visible: boolean;
  outcome_code: number | null;
}

/** @returns whether the event is a decision not to go on that the victim may ask to be reviewed */
function isReviewableDecision(event: DecisionEventRow): boolean {
  if (!event.victim_visible) return false;
  if (event.event_type === 'no_further_action') return true;
  return event.event_type === 'case_closed' && event.outcome_code !== null && reviewableOutcomeCodes.has(event.outcome_code);
}

/**
 * The victim's Right to Review, when it applies: the case's latest visible no-further-action
 * decision (or closure with a reviewable outcome code) that came after a visible interview of
 * a suspect, and that was not undone since by the investigation reopening or a charge (whether
 * or not those events are shown to the victim: a right that no longer applies is never shown).
 * @param db the database or a transaction
 * @param forceId the case's force
 * @param caseId the case
 * @returns the decision's time, the last day to ask and where to read how, or null
 */
export async function rightToReviewFor(db: Knex | Knex.Transaction, forceId: string, caseId: string): Promise<RightToReview | null> {
  const events: DecisionEventRow[] = await db('case_events')
    .where({ force_id: forceId, case_id: caseId })
    .whereIn('event_type', ['suspect_interviewed', 'no_further_action', 'case_closed', 'investigation_reopened', 'charged'])
    .orderBy([{ column: 'occurred_at', order: 'asc' }, { column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }])
    .select('event_type', 'occurred_at', 'told_at', 'victim_visible', 'outcome_code');
  let interviewed = false;
  let decision: DecisionEventRow | null = null;
  for (const event of events) {
    if (event.event_type === 'suspect_interviewed' && event.victim_visible) interviewed = true;
    else if (event.event_type === 'investigation_reopened' || event.event_type === 'charged') decision = null;
    else if (interviewed && isReviewableDecision(event)) decision = event;
  }
  if (!decision) return null;
  const force = await db('forces').where({ id: forceId }).first<{ right_to_review_url: string | null }>('right_to_review_url');
  const toldOrDecided = decision.told_at ?? decision.occurred_at;
  return {
    decidedAt: decision.occurred_at.toISOString(),
    askBy: addCalendarMonths(londonDate(toldOrDecided), monthsToAsk),
    url: force?.right_to_review_url ?? nationalRightToReviewUrl,
  };
}
