import type { ForceActor } from '../../auth/credentials.js';
import { forceActorOf, reportReaderOf } from '../../auth/credentials.js';
import { auditActions, type AuditEvent } from '../../audit/audit-log.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { reportReadAudit } from '../reports/reader-audit.js';
import { complianceReport } from './compliance.js';
import { readOpenDuties } from './duty-read.js';

function audited(actor: ForceActor, action: AuditEvent['action'], reason: string): AuditEvent {
  return { forceId: actor.forceId, actorType: 'force_api_key', actorId: actor.apiKeyId, action, subjectType: 'force', subjectId: actor.forceId, reason, requestId: actor.requestId };
}

/** The force's Victims' Code duties and its compliance with them (docs/victims-code.md). */
export function dutyOperations({ db, activity }: AppServices): OperationHandlers {
  return {
    listDuties: async (ctx) => {
      const actor = forceActorOf(ctx);
      // Validated against the contract already, which coerced `limit` to a number.
      const query = ctx.query as Record<string, unknown>;
      const { asOf, items } = await readOpenDuties(db, {
        forceId: actor.forceId,
        overdueOnly: query['state'] === 'overdue',
        dueBefore: typeof query['dueBefore'] === 'string' ? new Date(query['dueBefore']) : undefined,
        collarNumber: typeof query['collarNumber'] === 'string' ? query['collarNumber'] : undefined,
        limit: query['limit'] === undefined ? 100 : Number(query['limit']),
      });
      // The list names cases: audited like a read of them, before it is shown.
      await activity.record({ audit: audited(actor, auditActions.dutiesListed, `records system listed ${items.length} duties`) });
      ctx.body = { asOf: asOf.toISOString(), items };
    },
    getVictimsCodeCompliance: async (ctx) => {
      // The records system's key, or a member of force staff's admin token (the dashboard).
      const reader = reportReaderOf(ctx);
      const { from, to } = ctx.query as { from: string; to: string };
      const report = await complianceReport(db, reader.forceId, from, to);
      await activity.record({ audit: reportReadAudit(reader, auditActions.complianceRead, "the Victims' Code compliance report") });
      ctx.body = report;
    },
  };
}
