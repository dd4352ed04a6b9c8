import type { Knex } from 'knex';

// Security review, findings 1 and 2 (docs/eligibility.md, "Who sees a case").
// Plain SQL, one statement per call, accepted by PostgreSQL 15 and PGlite.
const statements = [
  // Whether the victim may see the case, derived from its stored eligibility outcome: a case
  // the force's rules rule out for safety (a risk flag, the offence, the victim's age) is
  // hidden; one that only lacks a contact channel is not. Generated, so it cannot drift from
  // not_invited_reason, which every create, change and PUT of the rules keeps current.
  `alter table cases add column hidden_from_victim boolean not null
     generated always as (coalesce(not_invited_reason in ('risk_flag', 'offence_not_eligible', 'victim_under_minimum_age'), false)) stored`,
  // Why an invite was revoked: only one withdrawn because the case stopped being eligible is
  // sent again, automatically, when the case becomes eligible again.
  `alter table invites add column revoked_reason text
     check (revoked_reason in ('not_eligible', 'revoked_by_force', 'reissued'))`,
  // Invites revoked before this column existed, from the reason their audit row gives. Only an
  // invite that was still open when revoked counts as withdrawn for eligibility: one that had
  // already expired or locked is not sent again.
  `update invites i set revoked_reason = case
       when a.reason like 'case no longer eligible:%' and i.locked_at is null and i.revoked_at < i.expires_at then 'not_eligible'
       when a.reason = 'records system reissued the invite' then 'reissued'
       else 'revoked_by_force' end
     from audit_log a
     where i.revoked_at is not null and i.revoked_reason is null
       and a.force_id = i.force_id and a.subject_type = 'invite' and a.subject_id = i.id::text and a.action = 'invite.revoked'`,
];

export async function up(db: Knex): Promise<void> {
  for (const statement of statements) await db.raw(statement);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('alter table invites drop column revoked_reason');
  await db.raw('alter table cases drop column hidden_from_victim');
}
