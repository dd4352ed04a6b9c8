import type { Harness } from './harness.js';

/**
 * The usage report's headline counts, in plain SQL over the force's raw rows for the instants
 * [start, end): what the report must say, however it counts (docs/reporting.md).
 */
export async function rawHeadlineFigures(h: Harness, forceId: string, start: string, end: string) {
  const count = async (sql: string, ...bindings: unknown[]): Promise<number> => {
    const { rows } = await h.db.raw<{ rows: { n: string }[] }>(`select count(*) as n from ${sql}`, [forceId, ...bindings] as string[]);
    return Number(rows[0]!.n);
  };
  const inPeriod = (column: string) => `${column} >= '${start}' and ${column} < '${end}'`;
  const notification = `outbox where force_id = ? and kind = 'notification' and payload->>'template' <> 'force_alert' and ${inPeriod('created_at')}`;
  return {
    invites: {
      sent: await count(`invites where force_id = ? and purpose = 'invite' and ${inPeriod('created_at')}`),
      redeemed: await count(`invites where force_id = ? and purpose = 'invite' and redeemed_at is not null and ${inPeriod('created_at')}`),
    },
    eligibility: {
      cases: await count(`cases where force_id = ? and ${inPeriod('created_at')}`),
      eligible: await count(`cases where force_id = ? and not_invited_reason is null and ${inPeriod('created_at')}`),
      reasons: Object.fromEntries(await Promise.all(['offence_not_eligible', 'risk_flag', 'victim_under_minimum_age', 'no_contact_channel'].map(async (reason) => [
        reason, await count(`cases where force_id = ? and not_invited_reason = ? and ${inPeriod('created_at')}`, reason),
      ]))),
    },
    signIns: {
      signIns: await count(`sessions where force_id = ? and ${inPeriod('created_at')}`),
      victims: await count(`(select distinct victim_id from sessions where force_id = ? and ${inPeriod('created_at')}) v`),
    },
    messages: {
      fromVictims: await count(`messages where force_id = ? and author_type = 'victim' and kind = 'text' and ${inPeriod('created_at')}`),
      fromOfficers: await count(`messages where force_id = ? and author_type = 'officer' and ${inPeriod('created_at')}`),
      updateRequests: await count(`messages where force_id = ? and kind = 'update_request' and ${inPeriod('created_at')}`),
      updateRequestsAnswered: await count(`messages r where r.force_id = ? and r.kind = 'update_request' and ${inPeriod('r.created_at')}
        and (select count(*) from messages o where o.force_id = r.force_id and o.case_id = r.case_id and o.author_type = 'officer' and o.created_at > r.created_at) > 0`),
    },
    notifications: {
      sent: await count(`${notification} and sent_at is not null`),
      failed: await count(`${notification} and failed_at is not null and last_error not like 'cancelled%'`),
    },
    victimsCode: {
      due: await count(`case_events where force_id = ? and due_by < now() and ${inPeriod('due_by')}`),
      met: await count(`case_events where force_id = ? and due_by < now() and told_at <= due_by and ${inPeriod('due_by')}`),
    },
  };
}
