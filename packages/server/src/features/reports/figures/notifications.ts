import type { Knex } from 'knex';
import type { Channel } from '@victim-portal/contract';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, type ReportScope } from './scope.js';

export interface NotificationRow {
  channel: Channel;
  sent: number;
  failed: number;
}

// Notifications to victims (invites, sign-in links, codes, new message, case update) queued in
// the period: sent once the provider accepted one; failed once the worker gave up on one.
// A cancelled one (last_error 'cancelled…': revoked invite, read meanwhile, opted out, case
// hidden) was stopped on purpose and is neither. Force alerts go to the force's own staff.
const notifications = statement(
  'report_notifications',
  `select payload->>'channel' as channel,
          cast(count(*) filter (where sent_at is not null) as integer) as sent,
          cast(count(*) filter (where failed_at is not null and coalesce(last_error, '') not like 'cancelled%') as integer) as failed
   from outbox
   where force_id = :forceId and kind = 'notification' and payload->>'template' <> 'force_alert' and ${inPeriod('created_at')}
   group by 1`,
);

/** @returns the period's notifications to victims, sent and failed, by channel */
export function notificationFigures(db: Knex, scope: ReportScope): Promise<NotificationRow[]> {
  return runReport<NotificationRow>(db, notifications, scope);
}
