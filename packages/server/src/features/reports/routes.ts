import type { AdminTokenRequest } from '@victim-portal/contract';
import { auditActions } from '../../audit/audit-log.js';
import { forceActorOf, reportReaderOf } from '../../auth/credentials.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { mintAdminToken } from './admin-tokens.js';
import { usageReportCsv } from './csv.js';
import { reportPeriod } from './period.js';
import { reportReadAudit } from './reader-audit.js';
import { usageReport } from './usage-report.js';

/** The force's usage report (JSON or CSV) and the admin tokens its staff read it with. */
export function reportOperations({ db, activity }: AppServices): OperationHandlers {
  return {
    mintAdminToken: async (ctx) => {
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await mintAdminToken(db, forceActorOf(ctx), ctx.request.body as AdminTokenRequest);
    },
    getUsageReport: async (ctx) => {
      const reader = reportReaderOf(ctx);
      const { from, to } = ctx.query as { from: string; to: string };
      const period = reportPeriod(from, to);
      const report = await usageReport(db, reader.forceId, period);
      // Figures only, no case; audited all the same, before they are shown (DPA 2018 s.62).
      await activity.record({ audit: reportReadAudit(reader, auditActions.usageReportRead, `the usage report for ${from} to ${to}`) });
      ctx.vary('Accept');
      if (ctx.accepts('application/json', 'text/csv') === 'text/csv') {
        ctx.attachment(`usage-report-${from}-to-${to}.csv`);
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = usageReportCsv(report);
        return;
      }
      ctx.body = report;
    },
  };
}
