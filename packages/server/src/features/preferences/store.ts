import type { Knex } from 'knex';
import type { Channel, Language, Preferences, PreferencesUpdate } from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions, recordAudit, type AuditEvent } from '../../audit/audit-log.js';
import { unauthenticated } from '../../auth/credentials.js';
import { validVictimSession, victimSessionColumns, type VictimSessionRow } from '../../auth/victim-session.js';
import { problem } from '../../http/problem.js';
import { enqueueWebhook } from '../../outbox/webhooks.js';

/** Who is asking, as the victim features pass it on. */
export interface PreferencesWho {
  sessionTokenHash: string;
  requestId: string | undefined;
  onSession?: (forceId: string) => void;
}

interface PreferencesRow extends VictimSessionRow {
  email: string | null;
  mobile: string | null;
  preferred_channel: Channel | null;
  language: Language;
  update_every_days: number | null;
  /** PostgreSQL `time`: `HH:MM:SS`. */
  quiet_from: string | null;
  quiet_until: string | null;
  notifications_opted_out: boolean;
  default_update_every_days: number;
}

// The session, its victim and the force's default, in one read; `for update of v` when
// changing, so two changes at once apply one after the other and each sees the other's result.
const preferencesSql = (lock: boolean) =>
  `select ${victimSessionColumns}, v.email, v.mobile, v.preferred_channel, v.language, v.update_every_days,
     cast(v.quiet_from as text) as quiet_from, cast(v.quiet_until as text) as quiet_until, v.notifications_opted_out,
     f.default_update_every_days
   from sessions s
   join victims v on v.force_id = s.force_id and v.id = s.victim_id
   join forces f on f.id = s.force_id
   where ${validVictimSession}${lock ? ' for update of v' : ''}`;

async function readPreferences(db: Knex | Knex.Transaction, who: PreferencesWho, lock: boolean): Promise<PreferencesRow> {
  const { rows } = await db.raw<{ rows: PreferencesRow[] }>(preferencesSql(lock), { sessionTokenHash: who.sessionTokenHash });
  const [row] = rows;
  if (!row) throw unauthenticated();
  who.onSession?.(row.session_force_id);
  return row;
}

/** @returns the channels the force holds contact details for, email first */
function availableChannels(row: Pick<PreferencesRow, 'email' | 'mobile'>): Channel[] {
  return [...(row.email ? (['email'] as const) : []), ...(row.mobile ? (['sms'] as const) : [])];
}

const hhmm = (time: string) => time.slice(0, 5);

/** @returns the preferences as the contract shows them */
function toPreferences(row: PreferencesRow): Preferences {
  const available = availableChannels(row);
  // Where notifications really go: the chosen channel while the force holds it, else the first held.
  const contactChannel = row.preferred_channel && available.includes(row.preferred_channel) ? row.preferred_channel : (available[0] ?? null);
  return {
    contactChannel,
    availableChannels: available,
    language: row.language,
    updateEveryDays: row.update_every_days,
    forceUpdateEveryDays: row.default_update_every_days,
    quietHours: row.quiet_from && row.quiet_until ? { from: hhmm(row.quiet_from), until: hhmm(row.quiet_until) } : null,
    notifications: !row.notifications_opted_out,
  };
}

function preferencesAudit(row: PreferencesRow, requestId: string | undefined, action: AuditEvent['action'], reason: string): AuditEvent {
  return { forceId: row.session_force_id, actorType: 'victim', actorId: row.session_victim_id, action, subjectType: 'victim', subjectId: row.session_victim_id, reason, requestId };
}

/** @returns the signed-in victim's preferences, once the read is audited */
export async function getPreferences(db: Knex, activity: ActivityRecorder, who: PreferencesWho): Promise<Preferences> {
  const row = await readPreferences(db, who, false);
  await activity.record(
    { audit: preferencesAudit(row, who.requestId, auditActions.preferencesRead, 'victim viewed their preferences') },
    ...(row.session_needs_touch ? [{ touchSessionId: row.session_id }] : []),
  );
  return toPreferences(row);
}

/** @returns the victims columns the update sets, and the names of the preferences it changes */
function changesOf(row: PreferencesRow, update: PreferencesUpdate): { columns: Record<string, unknown>; changed: (keyof PreferencesUpdate)[] } {
  const columns: Record<string, unknown> = {};
  const changed: (keyof PreferencesUpdate)[] = [];
  const before = toPreferences(row);
  if (update.contactChannel !== undefined) {
    if (!before.availableChannels.includes(update.contactChannel)) {
      throw problem('channelUnavailable', `The force holds no ${update.contactChannel === 'sms' ? 'mobile number' : 'email address'} for you: ask them to add it, or choose another channel.`);
    }
    if (update.contactChannel !== row.preferred_channel) columns['preferred_channel'] = update.contactChannel;
    if (update.contactChannel !== before.contactChannel) changed.push('contactChannel');
  }
  if (update.language !== undefined && update.language !== row.language) {
    columns['language'] = update.language;
    changed.push('language');
  }
  if (update.updateEveryDays !== undefined && update.updateEveryDays !== row.update_every_days) {
    columns['update_every_days'] = update.updateEveryDays;
    changed.push('updateEveryDays');
  }
  // A window that ends when it starts is no window (outbox/quiet-hours.ts ignores it): stored as none.
  const quietHours = update.quietHours && update.quietHours.from === update.quietHours.until ? null : update.quietHours;
  if (quietHours !== undefined && (quietHours?.from !== before.quietHours?.from || quietHours?.until !== before.quietHours?.until)) {
    columns['quiet_from'] = quietHours?.from ?? null;
    columns['quiet_until'] = quietHours?.until ?? null;
    changed.push('quietHours');
  }
  if (update.notifications !== undefined && update.notifications === row.notifications_opted_out) {
    columns['notifications_opted_out'] = !update.notifications;
    changed.push('notifications');
  }
  return { columns, changed };
}

/**
 * Change some of the victim's preferences. The change, its audit row (which names the fields
 * changed, never their values) and one `preferences.updated` webhook per case of the victim
 * commit together; a request that changes nothing writes nothing.
 * @returns the preferences as now stored
 */
export async function updatePreferences(db: Knex, activity: ActivityRecorder, who: PreferencesWho, update: PreferencesUpdate): Promise<Preferences> {
  const { preferences, touchSessionId } = await db.transaction(async (trx) => {
    const row = await readPreferences(trx, who, true);
    const touch = row.session_needs_touch ? row.session_id : undefined;
    const { columns, changed } = changesOf(row, update);
    if (Object.keys(columns).length > 0) {
      await trx('victims').where({ force_id: row.session_force_id, id: row.session_victim_id }).update({ ...columns, updated_at: trx.fn.now() });
    }
    const after = toPreferences(await readPreferences(trx, who, false));
    if (changed.length === 0) return { preferences: after, touchSessionId: touch };
    await recordAudit(trx, preferencesAudit(row, who.requestId, auditActions.preferencesUpdated, `victim changed their preferences: ${changed.join(', ')}`));
    // Every case of theirs, hidden from them or not: the records system keeps the preferences per case.
    const cases = await trx('cases').where({ force_id: row.session_force_id, victim_id: row.session_victim_id }).orderBy('created_at').select<{ id: string; crime_reference: string }[]>('id', 'crime_reference');
    const timestamp = new Date().toISOString();
    for (const victimCase of cases) {
      await enqueueWebhook(trx, row.session_force_id, { type: 'preferences.updated', timestamp, data: { caseId: victimCase.id, crimeReference: victimCase.crime_reference, preferences: after } });
    }
    return { preferences: after, touchSessionId: touch };
  });
  if (touchSessionId) await activity.record({ touchSessionId });
  return preferences;
}
