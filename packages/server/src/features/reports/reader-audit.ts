import type { AuditEvent } from '../../audit/audit-log.js';
import type { ReportReader } from '../../auth/credentials.js';

/**
 * The audit row of a report read: by the records system's key or by a member of force staff
 * (the admin token's id; admin_tokens.name says whose it is). The subject is the force: a
 * report holds figures, never a case.
 */
export function reportReadAudit(reader: ReportReader, action: AuditEvent['action'], what: string): AuditEvent {
  const who = reader.actorType === 'force_staff' ? 'force staff' : 'records system';
  return {
    forceId: reader.forceId,
    actorType: reader.actorType,
    actorId: reader.actorId,
    action,
    subjectType: 'force',
    subjectId: reader.forceId,
    reason: `${who} read ${what}`,
    requestId: reader.requestId,
  };
}
