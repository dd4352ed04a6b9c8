import type { Knex } from 'knex';

/** How, and whether, a case's victim can be told there is something to read. */
export interface VictimContact {
  channel: 'email' | 'sms' | null;
  to: string | null;
  language: 'en' | 'cy';
  sender_name: string;
  hidden_from_victim: boolean;
  signed_in_before: boolean;
  opted_out: boolean;
  /** UK wall-clock times as text ('21:00:00'), or null. */
  quiet_from: string | null;
  quiet_until: string | null;
}

/**
 * The victim of a case as a "sign in to read it" notification needs them: the same choice of
 * channel as the invite's (eligibility/rules.ts: sms when preferred and known, else email, else
 * sms), whether they have ever signed in, opted out, and their quiet hours.
 * @returns undefined when the case is not in this force
 */
export async function victimContactFor(db: Knex | Knex.Transaction, forceId: string, caseId: string): Promise<VictimContact | undefined> {
  const { rows } = await db.raw<{ rows: VictimContact[] }>(
    `select
       case when v.preferred_channel = 'sms' and v.mobile is not null then 'sms'
            when v.email is not null then 'email'
            when v.mobile is not null then 'sms' end as channel,
       case when v.preferred_channel = 'sms' and v.mobile is not null then v.mobile else coalesce(v.email, v.mobile) end as "to",
       v.language, f.sender_name, c.hidden_from_victim,
       exists (select 1 from sessions s where s.force_id = c.force_id and s.victim_id = c.victim_id) as signed_in_before,
       v.notifications_opted_out as opted_out,
       cast(v.quiet_from as text) as quiet_from, cast(v.quiet_until as text) as quiet_until
     from cases c
     join victims v on v.force_id = c.force_id and v.id = c.victim_id
     join forces f on f.id = c.force_id
     where c.force_id = ? and c.id = ?`,
    [forceId, caseId],
  );
  return rows[0];
}

/** @returns whether the victim may be sent a "sign in to read it" notification at all */
export function mayNotify(victim: VictimContact | undefined): victim is VictimContact & { channel: 'email' | 'sms'; to: string } {
  return !!victim && !!victim.channel && !!victim.to && !victim.hidden_from_victim && victim.signed_in_before && !victim.opted_out;
}
