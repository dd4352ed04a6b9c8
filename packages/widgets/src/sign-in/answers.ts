import { msg } from '@lit/localize';

/** An answer ready to send, or what is wrong with it and which field to fix. */
export type Checked = { answer: string } | { error: string; field: string };

/**
 * @returns the one-time code as the service wants it: digits only. People paste codes with
 * spaces or dashes ("123 456"), or with the text message around them, so only digits count.
 */
export function checkCode(value: string): Checked {
  const digits = value.replace(/\D/g, '');
  if (!value.trim()) return { error: msg('Enter the code we sent you'), field: 'code' };
  if (digits.length < 4 || digits.length > 10) return { error: msg('The code must be the numbers we sent you, like 123456'), field: 'code' };
  return { answer: digits };
}

/** @returns the postcode, trimmed and upper-cased ("sw1a 1aa" → "SW1A 1AA") */
export function checkPostcode(value: string): Checked {
  const postcode = value.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!postcode) return { error: msg('Enter your postcode'), field: 'postcode' };
  // The UK's shapes, loosely: the service decides whether it is the right one.
  if (!/^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/.test(postcode)) return { error: msg('Enter a real postcode, like SW1A 1AA'), field: 'postcode' };
  return { answer: postcode };
}

/** The three fields of a date of birth, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * @returns the date of birth as YYYY-MM-DD, after GOV.UK's date input rules: say which part
 * is missing, and refuse dates that do not exist or are in the future
 * @param today to compare with, for "must be in the past"
 */
export function checkDateOfBirth(parts: DateParts, today: Date): Checked {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return { error: msg('Enter your date of birth'), field: 'dob-day' };
  if (!day) return { error: msg('Your date of birth must include a day'), field: 'dob-day' };
  if (!month) return { error: msg('Your date of birth must include a month'), field: 'dob-month' };
  if (!year) return { error: msg('Your date of birth must include a year'), field: 'dob-year' };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real) return { error: msg('Your date of birth must be a real date, like 27 3 1990'), field: /^\d{4}$/.test(year) ? 'dob-day' : 'dob-year' };
  if (date.getTime() > today.getTime()) return { error: msg('Your date of birth must be in the past'), field: 'dob-day' };
  return { answer: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** @returns the contact for a new sign-in link, or what is wrong with it */
export function checkContact(value: string): Checked {
  const contact = value.trim();
  if (!contact) return { error: msg('Enter your email address or mobile phone number'), field: 'contact' };
  const isEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact);
  const isPhone = /^\+?[0-9 ()-]{10,20}$/.test(contact);
  if (!isEmail && !isPhone) {
    return { error: msg('Enter an email address like name@example.com, or a mobile number like 07700 900 982'), field: 'contact' };
  }
  return { answer: isEmail ? contact : contact.replace(/[ ()-]/g, '') };
}
