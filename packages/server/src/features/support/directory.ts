import type { Knex } from 'knex';
import type { LocalisedText, OpeningHours, SupportContact, SupportHelps, SupportService, SupportServiceUpsert } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';

/** A support_services row as knex reads it (jsonb columns come back parsed). */
export interface SupportServiceRow {
  id: string;
  force_id: string;
  key: string;
  name: string;
  description: LocalisedText;
  helps: SupportHelps;
  contact: SupportContact;
  opening_hours: OpeningHours[];
  opening_notes: LocalisedText | null;
  accepts_referrals: boolean;
  withdrawn_at: Date | null;
  updated_at: Date;
}

/** @returns the service as the force's directory shows it */
export function toSupportService(row: SupportServiceRow): SupportService {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    helps: row.helps,
    contact: row.contact,
    openingHours: row.opening_hours,
    openingNotes: row.opening_notes,
    acceptsReferrals: row.accepts_referrals,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** @returns the force's services still offered, by key */
export async function listServices(db: Knex | Knex.Transaction, forceId: string): Promise<SupportServiceRow[]> {
  return db('support_services').where({ force_id: forceId }).whereNull('withdrawn_at').orderBy('key').select<SupportServiceRow[]>('*');
}

/**
 * Add a service under the force's key, or replace it; a withdrawn service put again is offered
 * again (its referrals were kept).
 * @returns the service as now stored
 */
export async function saveService(db: Knex, actor: ForceActor, key: string, service: SupportServiceUpsert): Promise<SupportService> {
  return db.transaction(async (trx) => {
    const columns = {
      name: service.name,
      // jsonb: pass JSON text, or pg would send a JS array as a PostgreSQL array.
      description: JSON.stringify(service.description),
      helps: JSON.stringify(service.helps ?? {}),
      contact: JSON.stringify(service.contact),
      opening_hours: JSON.stringify(service.openingHours ?? []),
      opening_notes: service.openingNotes ? JSON.stringify(service.openingNotes) : null,
      accepts_referrals: service.acceptsReferrals ?? true,
      withdrawn_at: null,
      updated_at: trx.fn.now(),
    };
    const [row] = await trx('support_services')
      .insert({ force_id: actor.forceId, key, ...columns })
      .onConflict(['force_id', 'key'])
      .merge(columns)
      .returning<SupportServiceRow[]>('*');
    await recordAudit(trx, {
      forceId: actor.forceId, actorType: 'force_api_key', actorId: actor.apiKeyId, action: auditActions.supportServiceSaved,
      subjectType: 'force', subjectId: actor.forceId, reason: `support service ${key} saved`, requestId: actor.requestId,
    });
    return toSupportService(row as SupportServiceRow);
  });
}

/**
 * Take a service out of the directory: victims no longer see it or can ask for it; referrals
 * already asked for stay, and the force still has to make them.
 * @returns false when the force has no such service offered
 */
export async function withdrawService(db: Knex, actor: ForceActor, key: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const withdrawn = await trx('support_services')
      .where({ force_id: actor.forceId, key })
      .whereNull('withdrawn_at')
      .update({ withdrawn_at: trx.fn.now(), updated_at: trx.fn.now() });
    if (withdrawn === 0) return false;
    await recordAudit(trx, {
      forceId: actor.forceId, actorType: 'force_api_key', actorId: actor.apiKeyId, action: auditActions.supportServiceWithdrawn,
      subjectType: 'force', subjectId: actor.forceId, reason: `support service ${key} withdrawn`, requestId: actor.requestId,
    });
    return true;
  });
}
