import { msg, str } from '@lit/localize';
import type { Message, OfficerInCharge } from '@victim-portal/sdk';
import { formatDay, formatTime } from '../shared/dates.js';
import type { Reader } from './thread-api.js';

/** Names the thread shows for each author, from the reader's side. */
export interface ThreadNames {
  /** The victim's name, for officers; the victim sees "You". */
  victim?: string;
  /** The signed-in officer's collar number, so their own replies say "You". */
  ownCollarNumber?: string;
}

/** @returns who wrote a message, in the reader's words */
export function authorWords(message: Message, reader: Reader, names: ThreadNames): string {
  const { author } = message;
  if (author.type === 'system') return msg('Victim Portal', { desc: 'Author of notices the service adds to a thread' });
  if (author.type === reader && (reader === 'victim' || author.officer?.collarNumber === names.ownCollarNumber || !author.officer)) {
    return msg('You', { desc: 'Author of a message: the person reading' });
  }
  if (author.type === 'officer') return author.officer?.displayName ?? msg('Police officer');
  return names.victim ?? msg('Victim');
}

/** @returns what a notice says (from its code), in the reader's language */
export function noticeWords(message: Message, reader: Reader): string {
  const notice = message.notice;
  if (notice?.code === 'officer_changed') {
    const name = notice.officer?.displayName;
    if (!name) return reader === 'victim' ? msg('Your case is waiting for a new officer.') : msg('The case is waiting for a new officer in charge.');
    return reader === 'victim' ? msg(str`Your case is now with ${name}.`) : msg(str`The case is now with ${name}.`, { desc: 'Officer-side notice' });
  }
  return message.body ?? '';
}

/** @returns the label of an update request */
export function updateRequestWords(reader: Reader): string {
  return reader === 'victim' ? msg('You asked for an update') : msg('Asked for an update', { desc: 'Officer side: the victim asked for an update' });
}

/** @returns when a message was sent: "3 March 2025, 14:05" in the active language, UK time */
export function sentWords(timestamp: string): string {
  return msg(str`${formatDay(timestamp)} at ${formatTime(timestamp)}`, { desc: 'When a message was sent: a date, then a time' });
}

/** @returns the live announcement for a message from the other side */
export function arrivedWords(message: Message, reader: Reader, names: ThreadNames): string {
  if (message.author.type === 'system') return noticeWords(message, reader);
  const who = authorWords(message, reader, names);
  return message.kind === 'update_request' ? msg(str`${who} asked for an update`) : msg(str`New message from ${who}`);
}

/** @returns the live announcement when a send of the reader's succeeds or fails */
export function deliveryWords(delivery: 'sent' | 'failed', kind: Message['kind']): string {
  if (kind === 'update_request') return delivery === 'sent' ? msg('You asked for an update') : msg('Your request for an update was not sent');
  return delivery === 'sent' ? msg('Your message was sent') : msg('Your message was not sent');
}

/** @returns who the victim's messages go to, and what happens while that officer is away */
export function recipientWords(officer: OfficerInCharge | null | undefined): string[] {
  if (!officer) return [msg('Your case has not been given to an officer yet. An officer will read your messages when it has.')];
  const lines = [msg(str`Your messages go to ${officer.displayName}, the officer in charge of your case.`)];
  const absence = officer.absence;
  if (!absence) return lines;
  lines.push(msg(str`${officer.displayName} is away until ${formatDay(absence.until)}.`));
  lines.push(
    absence.coveredBy
      ? msg(str`${absence.coveredBy.displayName} is covering and will read your messages.`)
      : msg('Nobody is covering while they are away. They will read your messages when they are back.'),
  );
  return lines;
}
