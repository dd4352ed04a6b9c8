import type { NotifyTemplates } from '@victim-portal/contract';
import type { Notification } from './outbox.js';
import { DeliveryError, PermanentDeliveryError } from './sender.js';

/** A GOV.UK Notify template and the values for its ((placeholders)). */
export interface NotifyMessage {
  templateId: string;
  /** Only what the template needs: a link or code, a date, the force's sender name. */
  personalisation: Record<string, string>;
}

/**
 * The personalisation each kind of template receives (docs/notifications.md). A template may
 * use fewer of these (Notify ignores extra values); it must not ask for others, or Notify
 * refuses every message with a 400. Nothing here names the crime, the offence or the victim:
 * the phone or inbox may be shared with the person who harmed them.
 */
export const personalisationKeys = {
  invite: ['link', 'expiry_date', 'sender_name', 'welsh'],
  sign_in_link: ['link', 'expiry_date', 'sender_name', 'welsh'],
  one_time_code: ['code', 'sender_name', 'welsh'],
  force_alert: ['crime_reference', 'sender_name'],
  new_message: ['sender_name', 'welsh'],
  case_update: ['sender_name', 'welsh'],
} as const satisfies Record<Notification['template'], readonly string[]>;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** @returns the force's template setting that serves this notification */
export function templateSetting(notification: Notification): keyof NotifyTemplates {
  const channel = notification.channel === 'email' ? 'Email' : 'Sms';
  switch (notification.template) {
    case 'invite':
      return `invite${channel}`;
    case 'sign_in_link':
      return `signInLink${channel}`;
    case 'one_time_code':
      return `code${channel}`;
    case 'force_alert':
      return 'forceAlertEmail';
    case 'new_message':
      return `newMessage${channel}`;
    case 'case_update':
      return `caseUpdate${channel}`;
  }
}

function personalisation(notification: Notification): Record<string, string> {
  switch (notification.template) {
    case 'invite':
    case 'sign_in_link':
      // Cleared from the row once sent: a row sent again by hand must not carry a dead link.
      if (!notification.inviteLink) throw new PermanentDeliveryError('link_removed');
      return {
        link: notification.inviteLink,
        expiry_date: dateFormat.format(new Date(notification.expiresAt)),
        sender_name: notification.senderName,
        welsh: notification.language === 'cy' ? 'yes' : 'no',
      };
    case 'one_time_code':
      if (!notification.code) throw new PermanentDeliveryError('code_removed');
      return { code: notification.code, sender_name: notification.senderName, welsh: notification.language === 'cy' ? 'yes' : 'no' };
    case 'force_alert':
      // To the force's own staff, who need to know which invite was locked.
      return { crime_reference: notification.crimeReference ?? 'not recorded', sender_name: notification.senderName };
    case 'new_message':
    case 'case_update':
      // Nothing of the message, the update or the case: only that there is something to read.
      return { sender_name: notification.senderName, welsh: notification.language === 'cy' ? 'yes' : 'no' };
  }
}

/**
 * The Notify template and personalisation for a notification, from the force's settings.
 * A force without the template yet is a retryable failure: the message waits, and goes once
 * the force sets it (until the worker gives up).
 */
export function notifyMessage(notification: Notification, templates: NotifyTemplates): NotifyMessage {
  const templateId = templates[templateSetting(notification)];
  if (!templateId) throw new DeliveryError(`notify_no_template_${templateSetting(notification)}`);
  return { templateId, personalisation: personalisation(notification) };
}
