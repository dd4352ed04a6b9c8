import type { CaseUpdateNotification, NewMessageNotification, Notification } from './outbox.js';

/** A notification in words, ready for a channel. */
export interface RenderedNotification {
  channel: 'email' | 'sms';
  to: string;
  senderName: string;
  /** Email only. */
  subject?: string;
  body: string;
  /** The sign-in link inside the body, for the dev mailbox to make clickable. */
  link?: string;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** The reply notification in the victim's language: that there is a message, never what it says. */
function newMessage(notification: NewMessageNotification): RenderedNotification {
  const base = { channel: notification.channel, to: notification.to, senderName: notification.senderName };
  const welsh = notification.language === 'cy';
  const line = welsh
    ? `Mae gennych neges newydd am eich adroddiad gan ${notification.senderName}. Mewngofnodwch i'w darllen.`
    : `You have a new message about your report from ${notification.senderName}. Sign in to read it.`;
  if (notification.channel === 'sms') return { ...base, body: line };
  return {
    ...base,
    subject: welsh ? 'Mae gennych neges newydd' : 'You have a new message',
    body: [welsh ? 'Helo,' : 'Hello,', line, welsh ? 'Ni fyddwn byth yn gofyn am eich cyfrinair na’ch manylion banc.' : 'We will never ask for your password or bank details.'].join('\n\n'),
  };
}

/** The case-update notification in the victim's language: that there is an update, never what. */
function caseUpdate(notification: CaseUpdateNotification): RenderedNotification {
  const base = { channel: notification.channel, to: notification.to, senderName: notification.senderName };
  const welsh = notification.language === 'cy';
  const line = welsh ? 'Mae diweddariad ar eich achos. Mewngofnodwch i’w ddarllen.' : 'There is an update on your case. Sign in to read it.';
  if (notification.channel === 'sms') return { ...base, body: `${notification.senderName}: ${line}` };
  return {
    ...base,
    subject: welsh ? 'Mae diweddariad ar eich achos' : 'There is an update on your case',
    body: [welsh ? 'Helo,' : 'Hello,', line, welsh ? 'Ni fyddwn byth yn gofyn am eich cyfrinair na’ch manylion banc.' : 'We will never ask for your password or bank details.'].join('\n\n'),
  };
}

/**
 * Words for a notification. Those to victims never mention the crime or the case: the phone or
 * inbox may be shared with the person who harmed them (DESIGN.md, Safety). Welsh copy comes
 * with the GOV.UK Notify templates, which each force sets; the stored `language` carries over.
 */
export function renderNotification(notification: Notification): RenderedNotification {
  const base = { channel: notification.channel, to: notification.to, senderName: notification.senderName };
  switch (notification.template) {
    case 'invite':
    case 'sign_in_link': {
      const link = notification.inviteLink ?? '(link removed after sending)';
      const until = dateFormat.format(new Date(notification.expiresAt));
      const opening = notification.template === 'invite'
        ? `${notification.senderName} has set up a secure page where you can get updates online.`
        : `You asked ${notification.senderName} for a new link to sign in.`;
      if (notification.channel === 'sms') {
        return { ...base, body: `${opening} Sign in with this link, which works once, until ${until}: ${link}`, link };
      }
      return {
        ...base,
        subject: `Your sign-in link from ${notification.senderName}`,
        body: [
          'Hello,',
          opening,
          `Sign in with this link: ${link}`,
          `The link works once and until ${until}. If you were not expecting this message, you can ignore it.`,
          'We will never ask for your password or bank details.',
        ].join('\n\n'),
        link,
      };
    }
    case 'one_time_code': {
      const code = notification.code ?? '(code removed after sending)';
      const body = `${notification.senderName}: your sign-in code is ${code}. It works for 10 minutes. Nobody from ${notification.senderName} will ask you for it.`;
      return notification.channel === 'sms' ? { ...base, body } : { ...base, subject: `Your sign-in code from ${notification.senderName}`, body };
    }
    case 'new_message':
      return newMessage(notification);
    case 'case_update':
      return caseUpdate(notification);
    case 'force_alert':
      return {
        ...base,
        subject: 'Victim Portal: an invite was locked',
        body: [
          `An invite${notification.crimeReference ? ` for crime reference ${notification.crimeReference}` : ''} was locked after five wrong second-factor answers.`,
          'The victim cannot sign in with it. If it was the victim, reissue the invite from your records system; if not, consider whether they are at risk.',
        ].join('\n\n'),
      };
  }
}
