import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, weekOf, weekText, type ReportScope } from './scope.js';

export interface MessageFigures {
  from_victims: number;
  from_officers: number;
  update_requests: number;
}

export interface MessageRow extends MessageFigures {
  dimension: 'week' | 'offence';
  /** The week's Monday, or the case's offence code. */
  key: string;
}

// Messages written in the period, by side: a victim's text, an officer's reply, or a victim's
// update request. System notices (officer changed) are nobody's message. Each message's case is
// looked up by its key (a subquery per message): a year's messages touch a few thousand of the
// force's cases, and joining them read all 150,000.
const messagesWritten = statement(
  'report_messages',
  `select case when grouping(week) = 0 then 'week' else 'offence' end as dimension,
          coalesce(${weekText('week')}, offence_code) as key,
          cast(count(*) filter (where author_type = 'victim' and kind = 'text') as integer) as from_victims,
          cast(count(*) filter (where author_type = 'officer') as integer) as from_officers,
          cast(count(*) filter (where kind = 'update_request') as integer) as update_requests
   from (
     select ${weekOf('m.created_at')} as week, m.author_type, m.kind,
            (select c.offence_code from cases c where c.force_id = m.force_id and c.id = m.case_id) as offence_code
     from messages m
     where m.force_id = :forceId and m.author_type <> 'system' and ${inPeriod('m.created_at')}
   ) written
   group by grouping sets ((week), (offence_code))`,
);

// An update request made in the period is answered when an officer wrote on the case after it
// (by now). Ordered by time, then by the thread's sequence for messages of the same instant.
const requestsAnswered = statement(
  'report_update_requests_answered',
  `select cast(count(*) as integer) as answered
   from messages r
   where r.force_id = :forceId and r.kind = 'update_request' and ${inPeriod('r.created_at')}
     and exists (
       select 1 from messages o
       where o.force_id = r.force_id and o.case_id = r.case_id and o.author_type = 'officer'
         and (o.created_at, o.seq) > (r.created_at, r.seq)
     )`,
);

/** @returns the period's messages by week and by offence code */
export function messageFigures(db: Knex, scope: ReportScope): Promise<MessageRow[]> {
  return runReport<MessageRow>(db, messagesWritten, scope);
}

/** @returns how many of the period's update requests an officer's message has followed */
export async function updateRequestsAnswered(db: Knex, scope: ReportScope): Promise<number> {
  const [row] = await runReport<{ answered: number }>(db, requestsAnswered, scope);
  return row?.answered ?? 0;
}
