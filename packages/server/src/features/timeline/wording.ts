import type { Knex } from 'knex';
import type { CaseEventType, EventWording, EventWordingUpdate, Language } from '@victim-portal/contract';
import { standardEventWording } from '../../content/event-wording.js';
import { caseEventTypes } from './vocabulary.js';

interface WordingRow {
  event_type: CaseEventType;
  language: Language;
  wording: string;
}

/** The wording the victim reads for each event type and language: the force's where it has one. */
export class EventWordings {
  constructor(private readonly custom: ReadonlyMap<string, string>) {}

  /** @returns the wording of an event type in a language */
  text(type: CaseEventType, language: Language): string {
    return this.custom.get(`${type}:${language}`) ?? standardEventWording[type][language];
  }

  /** @returns the event type's wording, standard and custom, as the force sees it */
  entry(type: CaseEventType): EventWording {
    const custom = { en: this.custom.get(`${type}:en`) ?? null, cy: this.custom.get(`${type}:cy`) ?? null };
    return {
      eventType: type,
      wording: { en: this.text(type, 'en'), cy: this.text(type, 'cy') },
      standard: { ...standardEventWording[type] },
      custom,
    };
  }
}

/**
 * @param types only these event types' overrides (all when omitted)
 * @returns the force's event wording
 */
export async function eventWordingsOf(db: Knex | Knex.Transaction, forceId: string, types?: readonly CaseEventType[]): Promise<EventWordings> {
  const query = db('event_wording').select<WordingRow[]>('event_type', 'language', 'wording').where({ force_id: forceId });
  if (types) query.whereIn('event_type', [...new Set(types)]);
  const rows = await query;
  return new EventWordings(new Map(rows.map((row) => [`${row.event_type}:${row.language}`, row.wording])));
}

/** @returns every event type's wording for the force, in the vocabulary's order */
export async function listEventWording(db: Knex | Knex.Transaction, forceId: string): Promise<EventWording[]> {
  const wordings = await eventWordingsOf(db, forceId);
  return caseEventTypes.map((type) => wordings.entry(type));
}

/**
 * Set or remove the force's own wording of an event type: a string replaces the language's
 * wording, null goes back to the standard one, and a language left out stays as it is.
 * @returns the event type's wording as now stored
 */
export async function saveEventWording(trx: Knex.Transaction, forceId: string, type: CaseEventType, change: EventWordingUpdate): Promise<EventWording> {
  for (const language of ['en', 'cy'] as const) {
    const wording = change[language];
    if (wording === undefined) continue;
    if (wording === null) {
      await trx('event_wording').where({ force_id: forceId, event_type: type, language }).delete();
    } else {
      await trx('event_wording')
        .insert({ force_id: forceId, event_type: type, language, wording })
        .onConflict(['force_id', 'event_type', 'language'])
        .merge({ wording, updated_at: trx.fn.now() });
    }
  }
  return (await eventWordingsOf(trx, forceId, [type])).entry(type);
}
