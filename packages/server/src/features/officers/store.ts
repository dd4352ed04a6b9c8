import type { Knex } from 'knex';
import type { Officer, OfficerUpsert, Rank } from '@victim-portal/contract';
import { auditActions, auditColumns } from '../../audit/audit-log.js';
import { runStatement, statement } from '../../db/statement.js';

/** An officers row as read here. */
export interface OfficerRow {
  id: string;
  collar_number: string;
  display_name: string;
  rank: Rank;
  team: string | null;
}

// Insert or update and its audit row in one statement: both happen or neither does.
const saveOfficer = statement(
  'officers_save',
  `with saved as (
     insert into officers (force_id, collar_number, display_name, rank, team)
     values (:forceId, :collarNumber, :displayName, :rank, :team)
     on conflict (force_id, collar_number) do update
       set display_name = excluded.display_name, rank = excluded.rank, team = excluded.team, updated_at = now()
     returning id, collar_number, display_name, rank, team
   ),
   audit as (
     insert into audit_log ${auditColumns}
     select :forceId, 'force_api_key', :apiKeyId, '${auditActions.officerSaved}', 'officer', saved.id, 'records system updated the officer', :requestId
     from saved
   )
   select * from saved`,
);

/**
 * Create or update an officer by collar number, within the force.
 * @returns the officer as now stored
 */
export async function saveOfficerByCollarNumber(
  db: Knex,
  who: { forceId: string; apiKeyId: string; requestId: string | undefined },
  collarNumber: string,
  officer: OfficerUpsert,
): Promise<Officer> {
  const [row] = await runStatement<OfficerRow>(db, saveOfficer, {
    forceId: who.forceId,
    apiKeyId: who.apiKeyId,
    requestId: who.requestId ?? null,
    collarNumber,
    displayName: officer.displayName,
    rank: officer.rank,
    team: officer.team ?? null,
  });
  if (!row) throw new Error('officer upsert returned no row');
  return { collarNumber: row.collar_number, displayName: row.display_name, rank: row.rank, team: row.team };
}

/** @returns the force's officer with that collar number, if stored */
export async function findOfficer(db: Knex | Knex.Transaction, forceId: string, collarNumber: string): Promise<OfficerRow | undefined> {
  return db('officers')
    .select<OfficerRow[]>('id', 'collar_number', 'display_name', 'rank', 'team')
    .where({ force_id: forceId, collar_number: collarNumber })
    .first();
}
