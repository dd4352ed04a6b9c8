import { isProblem, type Channel, type Language, type Preferences, type PreferencesUpdate } from '@victim-portal/sdk';

/** The form's answers, as the victim is changing them. */
export interface PreferencesDraft {
  contactChannel: Channel | null;
  language: Language;
  /** Days between updates; null for the force's usual. */
  updateEveryDays: number | null;
  quiet: boolean;
  quietFrom: string;
  quietUntil: string;
  notifications: boolean;
}

/** The fields of the form that can be wrong, by the id of their first control. */
export type FieldId = 'channel' | 'language' | 'frequency' | 'quiet' | 'quiet-from' | 'quiet-until' | 'notifications';

/** Why a field is wrong; the words are the element's (see preferences-form.ts). */
export type FieldProblem = 'missing-from' | 'missing-until' | 'same-times' | 'channel-not-held' | 'not-accepted';

export interface FieldError {
  field: FieldId;
  problem: FieldProblem;
}

/** @returns the answers the stored preferences give */
export function draftOf(preferences: Preferences): PreferencesDraft {
  return {
    contactChannel: preferences.contactChannel,
    language: preferences.language,
    updateEveryDays: preferences.updateEveryDays,
    quiet: preferences.quietHours !== null,
    quietFrom: preferences.quietHours?.from ?? '',
    quietUntil: preferences.quietHours?.until ?? '',
    notifications: preferences.notifications,
  };
}

const clockTime = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** @returns what is wrong with the answers before anything is sent */
export function checkDraft(draft: PreferencesDraft): FieldError[] {
  if (!draft.quiet) return [];
  const errors: FieldError[] = [];
  if (!clockTime.test(draft.quietFrom)) errors.push({ field: 'quiet-from', problem: 'missing-from' });
  if (!clockTime.test(draft.quietUntil)) errors.push({ field: 'quiet-until', problem: 'missing-until' });
  if (errors.length === 0 && draft.quietFrom === draft.quietUntil) errors.push({ field: 'quiet-until', problem: 'same-times' });
  return errors;
}

/** @returns only what the victim changed, as the contract's update (empty when nothing did) */
export function changesOf(stored: Preferences, draft: PreferencesDraft): PreferencesUpdate {
  const update: PreferencesUpdate = {};
  if (draft.contactChannel && draft.contactChannel !== stored.contactChannel) update.contactChannel = draft.contactChannel;
  if (draft.language !== stored.language) update.language = draft.language;
  if (draft.updateEveryDays !== stored.updateEveryDays) update.updateEveryDays = draft.updateEveryDays;
  const quietHours = draft.quiet ? { from: draft.quietFrom, until: draft.quietUntil } : null;
  if (JSON.stringify(quietHours) !== JSON.stringify(stored.quietHours)) update.quietHours = quietHours;
  if (draft.notifications !== stored.notifications) update.notifications = draft.notifications;
  return update;
}

const fieldOfPointer: [RegExp, FieldId][] = [
  [/^\/contactChannel/, 'channel'],
  [/^\/language/, 'language'],
  [/^\/updateEveryDays/, 'frequency'],
  [/^\/quietHours\/until/, 'quiet-until'],
  [/^\/quietHours\/from/, 'quiet-from'],
  [/^\/quietHours/, 'quiet'],
  [/^\/notifications/, 'notifications'],
];

/**
 * @returns the fields a refused save (4xx) points at, in the element's own words; none when the
 * problem names no field of the form
 */
export function errorsOfProblem(error: unknown): FieldError[] {
  if (!isProblem(error)) return [];
  const fields = new Set<FieldId>();
  for (const { pointer } of error.errors ?? []) {
    const field = fieldOfPointer.find(([pattern]) => pattern.test(pointer))?.[1];
    if (field) fields.add(field);
  }
  return [...fields].map((field) => ({ field, problem: field === 'channel' ? 'channel-not-held' : 'not-accepted' }));
}
