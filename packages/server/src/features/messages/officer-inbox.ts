import type { Knex } from 'knex';
import type { OfficerCase, OfficerCaseList, OfficerInCharge } from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions } from '../../audit/audit-log.js';
import type { OfficerActor } from '../../auth/credentials.js';
import { runStatement, statement } from '../../db/statement.js';
import { toOfficerInCharge } from '../officers/absence.js';
import { officerSeesCase } from '../officers/cover.js';
import { findOfficerById } from '../officers/store.js';

interface InboxRow {
  case_id: string;
  crime_reference: string;
  offence_label: string;
  victim_name: string;
  role: OfficerCase['role'];
  unread_count: number;
  pending_update_requests: number;
  last_message_at: Date | null;
}

// Unread: the victim's messages and update requests after where the officers (any officer of
// the case: in charge or covering) have read up to. Pending: update requests after the last
// officer reply. Those needing attention first, then the most recent activity.
const inbox = statement(
  'officer_inbox',
  `select c.id as case_id, c.crime_reference, c.offence_label, v.given_name || ' ' || v.family_name as victim_name,
     case when c.oic_officer_id = :officerId then 'officer_in_charge' else 'covering' end as role,
     cast(coalesce(t.unread_count, 0) as integer) as unread_count,
     cast(coalesce(t.pending_update_requests, 0) as integer) as pending_update_requests,
     t.last_message_at
   from cases c
   join victims v on v.force_id = c.force_id and v.id = c.victim_id
   left join officers oic on oic.force_id = c.force_id and oic.id = c.oic_officer_id
   left join lateral (
     select
       count(*) filter (where m.author_type = 'victim' and m.seq > coalesce(
         (select max(r.up_to_seq) from read_receipts r where r.force_id = c.force_id and r.case_id = c.id and r.reader = 'officer'), 0)) as unread_count,
       count(*) filter (where m.kind = 'update_request' and m.seq > coalesce(
         (select max(o.seq) from messages o where o.force_id = c.force_id and o.case_id = c.id and o.author_type = 'officer'), 0)) as pending_update_requests,
       max(m.created_at) as last_message_at
     from messages m where m.force_id = c.force_id and m.case_id = c.id
   ) t on true
   where c.force_id = :forceId and ${officerSeesCase('c', 'oic', ':officerId')}
   order by (coalesce(t.unread_count, 0) + coalesce(t.pending_update_requests, 0) > 0) desc,
     t.last_message_at desc nulls last, c.created_at desc`,
);

/**
 * The officer's inbox: the cases they are in charge of or cover now. Answers once the audit rows
 * (one per case shown) are committed.
 * @returns the officer and their cases, those needing attention first
 */
export async function listOfficerCases(db: Knex, activity: ActivityRecorder, officer: OfficerActor): Promise<OfficerCaseList> {
  const [rows, me] = await Promise.all([
    runStatement<InboxRow>(db, inbox, { forceId: officer.forceId, officerId: officer.officerId }),
    findOfficerById(db, officer.forceId, officer.officerId),
  ]);
  if (!me) throw new Error('the officer of a valid token is not stored');
  await activity.record(...rows.map((row) => ({
    audit: {
      forceId: officer.forceId,
      actorType: 'officer' as const,
      actorId: officer.officerId,
      action: auditActions.officerCasesListed,
      subjectType: 'case' as const,
      subjectId: row.case_id,
      reason: 'officer listed their cases',
      requestId: officer.requestId,
    },
  })));
  return {
    officer: toOfficerInCharge(me, '') as OfficerInCharge,
    items: rows.map((row) => ({
      caseId: row.case_id,
      crimeReference: row.crime_reference,
      crimeType: row.offence_label,
      victimName: row.victim_name,
      role: row.role,
      unreadCount: row.unread_count,
      pendingUpdateRequests: row.pending_update_requests,
      lastMessageAt: row.last_message_at ? row.last_message_at.toISOString() : null,
    })),
  };
}
