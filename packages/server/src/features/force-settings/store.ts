import type { Knex } from 'knex';
import type { CallsAvoidedAssumptions, CrimeTypeGroup, ForceSettings, ForceSettingsUpdate, NotifyTemplates, SecondFactor } from '@victim-portal/contract';
import { defaultCallsAvoided, defaultCrimeTypeGroups } from '../../content/crime-type-groups.js';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { wakeParkedWebhooks } from '../../outbox/webhooks.js';

interface ForceRow {
  name: string;
  slug: string;
  portal_url: string;
  sender_name: string;
  invite_ttl_days: number;
  second_factor: SecondFactor;
  allowed_origins: string[];
  alert_email: string | null;
  notify_templates: NotifyTemplates;
  webhook_url: string | null;
  webhook_secret_set: boolean;
  default_update_every_days: number;
  deadline_warning_hours: number;
  right_to_review_url: string | null;
  calls_avoided: CallsAvoidedAssumptions;
  crime_type_groups: CrimeTypeGroup[] | null;
}

function toSettings(row: ForceRow): ForceSettings {
  return {
    name: row.name,
    slug: row.slug,
    portalUrl: row.portal_url,
    senderName: row.sender_name,
    inviteTtlDays: row.invite_ttl_days,
    secondFactor: row.second_factor,
    allowedOrigins: row.allowed_origins,
    alertEmail: row.alert_email,
    notifyTemplates: row.notify_templates,
    webhookUrl: row.webhook_url,
    webhookSecretSet: row.webhook_secret_set,
    defaultUpdateEveryDays: row.default_update_every_days,
    deadlineWarningHours: row.deadline_warning_hours,
    rightToReviewUrl: row.right_to_review_url,
    callsAvoided: { ...defaultCallsAvoided, ...row.calls_avoided },
    // null: the force never set its own, so it follows the service's groups as they improve.
    crimeTypeGroups: row.crime_type_groups ?? [...defaultCrimeTypeGroups],
  };
}

const columns = ['name', 'slug', 'portal_url', 'sender_name', 'invite_ttl_days', 'second_factor', 'allowed_origins', 'alert_email', 'notify_templates', 'webhook_url', 'default_update_every_days', 'deadline_warning_hours', 'right_to_review_url', 'calls_avoided', 'crime_type_groups'];

/** @returns the force's portal settings (never the webhook secret itself: only whether one is set) */
export async function forceSettingsOf(db: Knex | Knex.Transaction, forceId: string): Promise<ForceSettings> {
  const row = await db('forces')
    .select<ForceRow[]>([...columns, db.raw('webhook_secret is not null as webhook_secret_set')])
    .where({ id: forceId })
    .first();
  if (!row) throw new Error('the API key belongs to no force');
  return toSettings(row);
}

/** Change some settings; the rest stay. @returns the settings as now stored */
export async function changeForceSettings(db: Knex, actor: ForceActor, change: ForceSettingsUpdate): Promise<ForceSettings> {
  const update: Record<string, unknown> = {};
  if (change.portalUrl !== undefined) update['portal_url'] = change.portalUrl;
  if (change.senderName !== undefined) update['sender_name'] = change.senderName;
  if (change.inviteTtlDays !== undefined) update['invite_ttl_days'] = change.inviteTtlDays;
  if (change.secondFactor !== undefined) update['second_factor'] = change.secondFactor;
  // Origins are compared exactly with the browser's Origin header, which has no trailing slash.
  if (change.allowedOrigins !== undefined) update['allowed_origins'] = [...new Set(change.allowedOrigins.map((origin) => origin.toLowerCase()))];
  if (change.alertEmail !== undefined) update['alert_email'] = change.alertEmail;
  if (change.notifyTemplates !== undefined) update['notify_templates'] = JSON.stringify(change.notifyTemplates);
  // null stops deliveries: webhooks then wait in the outbox until a URL is set again.
  if (change.webhookUrl !== undefined) update['webhook_url'] = change.webhookUrl;
  // Victims' Code: how often victims hear when they agreed nothing else, and how long before a
  // deadline the duty.due_soon warning goes (warnings already scheduled keep their time).
  if (change.defaultUpdateEveryDays !== undefined) update['default_update_every_days'] = change.defaultUpdateEveryDays;
  if (change.deadlineWarningHours !== undefined) update['deadline_warning_hours'] = change.deadlineWarningHours;
  if (change.rightToReviewUrl !== undefined) update['right_to_review_url'] = change.rightToReviewUrl;
  // Usage report: assumptions given replace those stored one by one; groups replace the list.
  if (change.crimeTypeGroups !== undefined) update['crime_type_groups'] = JSON.stringify(change.crimeTypeGroups);
  return db.transaction(async (trx) => {
    if (change.callsAvoided !== undefined) {
      update['calls_avoided'] = trx.raw('calls_avoided || ?::jsonb', [JSON.stringify(change.callsAvoided)]);
    }
    await trx('forces').where({ id: actor.forceId }).update(update);
    if (change.webhookUrl) await wakeParkedWebhooks(trx, actor.forceId);
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.forceSettingsChanged,
      subjectType: 'force',
      subjectId: actor.forceId,
      reason: `records system changed ${Object.keys(change).join(', ')}`,
      requestId: actor.requestId,
    });
    return forceSettingsOf(trx, actor.forceId);
  });
}
