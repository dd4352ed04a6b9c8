import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CaseCreate, ForceCase, NotifyTemplates } from '@victim-portal/contract';
import { enqueueNotification, type Notification } from '../../src/outbox/outbox.js';
import { personalisationKeys } from '../../src/outbox/notify-templates.js';
import { startServer } from '../../src/server.js';
import { call } from './api.js';
import type { Harness } from './harness.js';
import { forceWithOfficer } from './journey.js';

/** Notify template ids for every setting, and what personalisation each one needs. */
export function notifyTemplatesForTest(): { templates: Required<NotifyTemplates>; needs: Record<string, readonly string[]> } {
  const templates: Required<NotifyTemplates> = {
    inviteEmail: randomUUID(),
    inviteSms: randomUUID(),
    codeEmail: randomUUID(),
    codeSms: randomUUID(),
    signInLinkEmail: randomUUID(),
    signInLinkSms: randomUUID(),
    forceAlertEmail: randomUUID(),
    newMessageEmail: randomUUID(),
    newMessageSms: randomUUID(),
    caseUpdateEmail: randomUUID(),
    caseUpdateSms: randomUUID(),
  };
  // As a force would write them: the invite uses every key; the text message leaves out `welsh`.
  const needs: Record<string, readonly string[]> = {
    [templates.inviteEmail]: personalisationKeys.invite,
    [templates.inviteSms]: ['link', 'expiry_date', 'sender_name'],
    [templates.codeEmail]: personalisationKeys.one_time_code,
    [templates.codeSms]: ['code'],
    [templates.signInLinkEmail]: personalisationKeys.sign_in_link,
    [templates.signInLinkSms]: ['link'],
    [templates.forceAlertEmail]: personalisationKeys.force_alert,
    [templates.newMessageEmail]: personalisationKeys.new_message,
    [templates.newMessageSms]: ['sender_name'],
    [templates.caseUpdateEmail]: personalisationKeys.case_update,
    [templates.caseUpdateSms]: ['sender_name'],
  };
  return { templates, needs };
}

/** A force of its own whose notifications go through Notify with these templates. */
export async function notifyForce(h: Harness, templates: NotifyTemplates, senderName = 'Testshire Support') {
  const force = await forceWithOfficer(h);
  await h.db('forces').where({ id: force.forceId }).update({ notify_templates: JSON.stringify(templates), sender_name: senderName });
  return force;
}

/**
 * Create a case through a second server that has no sender, so that its invite waits in the
 * outbox for the test's own worker (the shared server's dev mailbox never sees it).
 * @returns the case and the id of the invite's outbox row
 */
export async function caseWithQueuedInvite(h: Harness, force: { forceId: string; apiKey: string }, body: CaseCreate): Promise<{ created: ForceCase; outboxId: string }> {
  const queuing = await startServer({ port: 0, db: h.db, migrate: false });
  try {
    const created = await call<ForceCase>(queuing.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(created.status, created.text).toBe(201);
    const row = await h.db('outbox').where({ force_id: force.forceId }).whereRaw(`payload->>'to' = ?`, [body.victim.email ?? body.victim.mobile ?? '']).first<{ id: string } | undefined>();
    expect(row, 'the invite queued in the outbox').toBeTruthy();
    return { created: created.body, outboxId: (row as { id: string }).id };
  } finally {
    await queuing.close();
  }
}

/** Queue one-time-code notifications directly, as the sign-in feature does. @returns their outbox ids */
export async function queueCodes(h: Harness, forceId: string, count: number, channel: 'email' | 'sms' = 'sms'): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const notification: Notification = {
      template: 'one_time_code',
      channel,
      to: channel === 'sms' ? `+4477009${String(10_000 + n).slice(-5)}` : `code-${n}-${randomUUID().slice(0, 6)}@example.com`,
      senderName: 'Testshire Support',
      language: 'en',
      code: String(100_000 + n),
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    };
    await h.db.transaction((trx) => enqueueNotification(trx, forceId, notification));
    const row = await h.db('outbox').where({ force_id: forceId }).whereRaw(`payload->>'to' = ?`, [notification.to]).first<{ id: string }>();
    ids.push(row?.id as string);
  }
  return ids;
}
