import type { Knex } from 'knex';
import type { Channel } from '@victim-portal/contract';
import { statement } from '../../../db/statement.js';
import { inPeriod, runReport, type ReportScope } from './scope.js';

export interface NotificationRow {
  channel: Channel;
  sent: number;
  failed: number;
}

const sent = 'sent_at is not null';
const failed = "failed_at is not null and coalesce(last_error, '') not like 'cancelled%'";
const channelIs = (channel: Channel) => `payload->>'channel' = '${channel}'`;

// Notifications to victims (invites, sign-in links, codes, new message, case update) queued in
// the period: sent once the provider accepted one; failed once the worker gave up on one.
// A cancelled one (last_error 'cancelled…': revoked invite, read meanwhile, opted out, case
// hidden) was stopped on purpose and is neither. Force alerts go to the force's own staff.
// Counted with filters into one row rather than grouped by channel: a year of a large force
// is a million rows, and grouping by a value inside the payload sorted them all.
const notifications = statement(
  'report_notifications',
  `select cast(count(*) filter (where ${channelIs('email')} and ${sent}) as integer) as email_sent,
          cast(count(*) filter (where ${channelIs('email')} and ${failed}) as integer) as email_failed,
          cast(count(*) filter (where ${channelIs('sms')} and ${sent}) as integer) as sms_sent,
          cast(count(*) filter (where ${channelIs('sms')} and ${failed}) as integer) as sms_failed
   from outbox
   where force_id = :forceId and kind = 'notification' and payload->>'template' <> 'force_alert' and ${inPeriod('created_at')}`,
);

interface NotificationCounts {
  email_sent: number;
  email_failed: number;
  sms_sent: number;
  sms_failed: number;
}

/** @returns the period's notifications to victims, sent and failed, by channel */
export async function notificationFigures(db: Knex, scope: ReportScope): Promise<NotificationRow[]> {
  const [row] = await runReport<NotificationCounts>(db, notifications, scope);
  return [
    { channel: 'email', sent: row?.email_sent ?? 0, failed: row?.email_failed ?? 0 },
    { channel: 'sms', sent: row?.sms_sent ?? 0, failed: row?.sms_failed ?? 0 },
  ];
}
