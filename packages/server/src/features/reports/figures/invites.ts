import type { Knex } from 'knex';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, weekOf, weekText, type ReportScope } from './scope.js';

export interface InviteFigures {
  sent: number;
  redeemed: number;
}

/** Invite figures by one dimension: the week sent, the channel, or the case's offence code. */
export interface InviteRow extends InviteFigures {
  dimension: 'week' | 'channel' | 'offence';
  /** The week's Monday, the channel, or the offence code (null: an invite without a case). */
  key: string | null;
}

// Invites for a case sent in the period (a reissue is a new row; a resend changes the row's
// token only), and how many of them were redeemed by now. Sign-in links are not invites.
const invitesSent = statement(
  'report_invites',
  `select case when grouping(week) = 0 then 'week' when grouping(channel) = 0 then 'channel' else 'offence' end as dimension,
          coalesce(${weekText('week')}, channel, offence_code) as key,
          cast(count(*) as integer) as sent,
          cast(count(redeemed_at) as integer) as redeemed
   from (
     select ${weekOf('i.created_at')} as week, i.channel, c.offence_code, i.redeemed_at
     from invites i left join cases c on c.force_id = i.force_id and c.id = i.case_id
     where i.force_id = :forceId and i.purpose = 'invite' and ${inPeriod('i.created_at')}
   ) sent
   group by grouping sets ((week), (channel), (offence_code))`,
);

/** @returns invites sent in the period and redeemed since, by week, by channel and by offence code */
export function inviteFigures(db: Knex, scope: ReportScope): Promise<InviteRow[]> {
  return runReport<InviteRow>(db, invitesSent, scope);
}
