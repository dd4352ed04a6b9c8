// The usage history the demo seeds (src/demo/seed-usage.ts), checked against the service's own
// rules on a small force of its own: each case's status is what its events derive, each
// deadline what the working-day calendar gives, each session came from an invite or link the
// victim redeemed then, nothing is left for the outbox worker, and the usage report counts
// what the seeder says it seeded.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEventType, UsageReport } from '@victim-portal/contract';
import { seedUsageHistory, type UsageHistoryCounts } from '../src/demo/seed-usage.js';
import { deriveCaseState } from '../src/features/timeline/status.js';
import { isKeyDecision } from '../src/features/timeline/vocabulary.js';
import { addWorkingDays, londonDate } from '../src/features/timeline/working-days.js';
import { createTestForce, type TestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness, type Harness } from './support/harness.js';

let h: Harness;
let force: TestForce;
let seeded: UsageHistoryCounts;

async function rows<Row>(sql: string): Promise<Row[]> {
  const result = await h.db.raw<{ rows: Row[] }>(sql, [force.forceId]);
  return result.rows;
}

beforeAll(async () => {
  h = await harness();
  force = await createTestForce(h.db);
  const key = await h.db('api_keys').first<{ id: string }>('id').where({ force_id: force.forceId });
  seeded = await seedUsageHistory(h.db, {
    forceId: force.forceId,
    apiKeyId: key!.id,
    cases: 500,
    days: 91,
    referencePrefix: 'T/H/',
    victimRefPrefix: 'T-H-',
    officerPrefix: 'T',
    officers: 6,
    // Some duties never told, as a large force's history has.
    untoldShare: 0.05,
  });
});

describe('the usage history seeder', () => {
  it('seeds cases, invites, sign-ins and messages in the proportions of a force running a portal', () => {
    expect(seeded.cases).toBeGreaterThan(450);
    expect(seeded.invites / seeded.cases).toBeGreaterThan(0.8);
    expect(seeded.victimsSignedIn / seeded.invites).toBeGreaterThan(0.55);
    expect(seeded.signIns / seeded.victimsSignedIn).toBeGreaterThan(3);
    expect(seeded.messages).toBeGreaterThan(0);
  });

  it("stores each case's status and outcome as the service derives them from its events", async () => {
    type Row = { case_id: string; status: string; case_outcome: number | null; event_type: CaseEventType; occurred_at: Date; victim_visible: boolean; outcome_code: number | null };
    const events = await rows<Row>(
      `select c.id as case_id, c.status, c.outcome_code as case_outcome, e.event_type, e.occurred_at, e.victim_visible, e.outcome_code
       from cases c join case_events e on e.force_id = c.force_id and e.case_id = c.id
       where c.force_id = ? order by e.created_at, e.id`,
    );
    const byCase = new Map<string, Row[]>();
    for (const row of events) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
    expect(byCase.size).toBe(seeded.cases);
    for (const caseEvents of byCase.values()) {
      const state = deriveCaseState(caseEvents.map((row) => ({ type: row.event_type, occurredAt: row.occurred_at, victimVisible: row.victim_visible, outcomeCode: row.outcome_code })));
      expect([caseEvents[0]!.status, caseEvents[0]!.case_outcome]).toEqual([state.status, state.outcomeCode]);
    }
  });

  it("gives each key decision the Victims' Code deadline of the working-day calendar, and tells no one before the event", async () => {
    type Row = { event_type: CaseEventType; occurred_at: Date; due_by: Date | null; told_at: Date | null; enhanced_rights: boolean };
    const events = await rows<Row>(
      `select e.event_type, e.occurred_at, e.due_by, e.told_at, c.enhanced_rights
       from case_events e join cases c on c.force_id = e.force_id and c.id = e.case_id where e.force_id = ?`,
    );
    const keyDecisions = events.filter((event) => isKeyDecision(event.event_type));
    expect(keyDecisions.length).toBeGreaterThan(100);
    // Every kind of day: decisions at weekends and on bank holidays too.
    expect(new Set(keyDecisions.map((event) => new Date(londonDate(event.occurred_at)).getUTCDay())).size).toBe(7);
    for (const event of events) {
      const due = isKeyDecision(event.event_type) ? addWorkingDays(event.occurred_at, event.enhanced_rights ? 1 : 5) : null;
      expect(event.due_by?.toISOString() ?? null, event.event_type).toBe(due?.toISOString() ?? null);
      if (event.told_at) expect(event.told_at.getTime()).toBeGreaterThanOrEqual(event.occurred_at.getTime());
    }
  });

  it('starts each session from an invite or sign-in link the victim redeemed at that moment', async () => {
    const sessions = await rows<{ purpose: string; redeemed: boolean; same_victim: boolean }>(
      `select i.purpose, i.redeemed_at = s.created_at as redeemed, i.victim_id = s.victim_id as same_victim
       from sessions s join invites i on i.id = s.invite_id where s.force_id = ?`,
    );
    expect(sessions).toHaveLength(seeded.signIns);
    expect(sessions.every((session) => session.redeemed && session.same_victim)).toBe(true);
    expect(sessions.filter((session) => session.purpose === 'invite')).toHaveLength(seeded.victimsSignedIn);
  });

  it("notes on each sign-in the victim's history before it, as if it were written then", async () => {
    // Migration 0014's facts, recomputed from all the rows: the seeder wrote the sessions after
    // the updates they may have read, and in time order.
    const { rows: [facts] } = await h.db.raw<{ rows: { signIns: number; wrongPrevious: number; wrongUpdate: number; readUpdate: number }[] }>(
      `with updates as (
         select c.victim_id, e.created_at as at from case_events e join cases c on c.force_id = e.force_id and c.id = e.case_id
         where e.force_id = :force and e.victim_visible and e.event_type <> 'report_received' and not c.hidden_from_victim
         union all
         select c.victim_id, m.created_at from messages m join cases c on c.force_id = m.force_id and c.id = m.case_id
         where m.force_id = :force and m.author_type = 'officer' and not c.hidden_from_victim
       ),
       sign_ins as (
         select victim_id, created_at, previous_sign_in_at, newest_update_at,
                lag(created_at) over (partition by victim_id order by created_at) as previous
         from sessions where force_id = :force
       )
       select cast(count(*) as integer) as "signIns",
              cast(count(*) filter (where previous_sign_in_at is distinct from previous) as integer) as "wrongPrevious",
              cast(count(*) filter (where newest_update_at is distinct from (
                select max(u.at) from updates u
                where u.victim_id = s.victim_id and u.at <= s.created_at and (s.previous is null or u.at > s.previous))) as integer) as "wrongUpdate",
              cast(count(newest_update_at) as integer) as "readUpdate"
       from sign_ins s`,
      { force: force.forceId },
    );
    expect(facts).toMatchObject({ signIns: seeded.signIns, wrongPrevious: 0, wrongUpdate: 0 });
    expect(facts!.readUpdate).toBeGreaterThan(seeded.signIns / 4);
  });

  it('leaves nothing in the outbox for a worker to send, and no link or code in it', async () => {
    const [waiting] = await rows<{ n: number }>(`select cast(count(*) as integer) as n from outbox where force_id = ? and sent_at is null and failed_at is null`);
    const [secrets] = await rows<{ n: number }>(
      `select cast(count(*) as integer) as n from outbox where force_id = ? and (payload->>'inviteLink' is not null or payload->>'code' is not null)`,
    );
    expect([waiting!.n, secrets!.n]).toEqual([0, 0]);
  });

  it('writes the audit log and each thread in time order, as the service does', async () => {
    const [audit] = await rows<{ n: number }>(
      `select cast(count(*) as integer) as n from (select occurred_at < lag(occurred_at) over (order by id) as back from audit_log where force_id = ?) a where back`,
    );
    const [threads] = await rows<{ n: number }>(
      `select cast(count(*) as integer) as n from (select created_at < lag(created_at) over (partition by case_id order by seq) as back from messages where force_id = ?) m where back`,
    );
    expect([audit!.n, threads!.n]).toEqual([0, 0]);
  });

  it('is counted by the usage report as seeded', async () => {
    const today = londonDate(new Date());
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 92 * 86_400_000).toISOString().slice(0, 10);
    const { status, body } = await call<UsageReport>(h.url, 'getUsageReport', `/v1/reports/usage?from=${from}&to=${today}`, { token: force.apiKey });
    expect(status).toBe(200);
    expect([body.eligibility.cases, body.invites.sent, body.signIns.victims, body.signIns.signIns]).toEqual([seeded.cases, seeded.invites, seeded.victimsSignedIn, seeded.signIns]);
    expect(body.messages.fromVictims + body.messages.fromOfficers + body.messages.updateRequests).toBe(seeded.messages);
    expect(body.victimsCode.met).toBeLessThan(body.victimsCode.due);
    expect(body.officerReplyTime.replies).toBeGreaterThan(0);
  });
});
