import type { Knex } from 'knex';
import type { Officer, OfficerAbsenceUpdate, OfficerUpsert, Rank } from '@victim-portal/contract';
import { auditActions, auditColumns, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { runStatement, statement } from '../../db/statement.js';
import { problem } from '../../http/problem.js';
import { absenceColumns, coverJoin, toAbsence, type AbsenceRow } from './absence.js';

/** An officers row as read here, with its absence and covering officer. */
export interface OfficerRow extends AbsenceRow {
  id: string;
  collar_number: string;
  display_name: string;
  rank: Rank;
  team: string | null;
}

/** @returns the officer as the records system sees them, with any recorded absence */
export function toOfficer(row: OfficerRow): Officer {
  return { collarNumber: row.collar_number, displayName: row.display_name, rank: row.rank, team: row.team, absence: toAbsence(row) };
}

const officerColumns = `o.id, o.collar_number, o.display_name, o.rank, o.team, ${absenceColumns('o', 'cover')}`;

// Insert or update and its audit row in one statement: both happen or neither does. The
// absence is left as it is: it has its own operation.
const saveOfficer = statement(
  'officers_save',
  `with saved as (
     insert into officers (force_id, collar_number, display_name, rank, team)
     values (:forceId, :collarNumber, :displayName, :rank, :team)
     on conflict (force_id, collar_number) do update
       set display_name = excluded.display_name, rank = excluded.rank, team = excluded.team, updated_at = now()
     returning *
   ),
   audit as (
     insert into audit_log ${auditColumns}
     select :forceId, 'force_api_key', :apiKeyId, '${auditActions.officerSaved}', 'officer', saved.id, 'records system updated the officer', :requestId
     from saved
   )
   select ${officerColumns} from saved o ${coverJoin('o', 'cover')}`,
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
  return toOfficer(row);
}

/** @returns the force's officer with that collar number, if stored */
export async function findOfficer(db: Knex | Knex.Transaction, forceId: string, collarNumber: string): Promise<OfficerRow | undefined> {
  const { rows } = await db.raw<{ rows: OfficerRow[] }>(
    `select ${officerColumns} from officers o ${coverJoin('o', 'cover')} where o.force_id = ? and o.collar_number = ?`,
    [forceId, collarNumber],
  );
  return rows[0];
}

/** @returns the force's officer with that id, if stored */
export async function findOfficerById(db: Knex | Knex.Transaction, forceId: string, officerId: string): Promise<OfficerRow | undefined> {
  const { rows } = await db.raw<{ rows: OfficerRow[] }>(`select ${officerColumns} from officers o ${coverJoin('o', 'cover')} where o.force_id = ? and o.id = ?`, [forceId, officerId]);
  return rows[0];
}

async function requireOfficer(trx: Knex.Transaction, forceId: string, collarNumber: string): Promise<OfficerRow> {
  // FOR UPDATE: two changes of one officer's absence apply one after the other.
  const { rows } = await trx.raw<{ rows: { id: string }[] }>('select id from officers where force_id = ? and collar_number = ? for update', [forceId, collarNumber]);
  if (!rows[0]) throw problem('notFound', 'The force has no officer with that collar number.');
  return (await findOfficer(trx, forceId, collarNumber)) as OfficerRow;
}

/**
 * Record the officer's absence (replacing any), and who covers their cases meanwhile.
 * @returns the officer with the absence as now stored
 */
export async function putOfficerAbsence(db: Knex, actor: ForceActor, collarNumber: string, absence: OfficerAbsenceUpdate): Promise<Officer> {
  // The contract cannot say "after `from`"; a 400 here rather than the database's check (a 500).
  if (Date.parse(absence.until) <= Date.parse(absence.from)) {
    throw problem('invalidRequest', 'The absence must end (until) after it starts (from).', { errors: [{ pointer: '/until', detail: 'must be after from' }] });
  }
  return db.transaction(async (trx) => {
    const officer = await requireOfficer(trx, actor.forceId, collarNumber);
    let coverId: string | null = null;
    if (absence.coveredBy) {
      if (absence.coveredBy === officer.collar_number) {
        throw problem('invalidRequest', 'An officer cannot cover for themself.', { errors: [{ pointer: '/coveredBy', detail: 'must be another officer' }] });
      }
      const cover = await findOfficer(trx, actor.forceId, absence.coveredBy);
      if (!cover) throw problem('unknownOfficer', 'The force has no officer with the covering collar number. Add them with PUT /v1/officers/{collarNumber} first.');
      coverId = cover.id;
    }
    await trx('officers')
      .where({ force_id: actor.forceId, id: officer.id })
      .update({ absent_from: absence.from, absent_until: absence.until, covered_by_officer_id: coverId, updated_at: trx.fn.now() });
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.officerAbsenceSet,
      subjectType: 'officer',
      subjectId: officer.id,
      reason: 'records system recorded the officer\'s absence',
      requestId: actor.requestId,
    });
    return toOfficer((await findOfficer(trx, actor.forceId, collarNumber)) as OfficerRow);
  });
}

/** Clear the officer's absence (there may have been none). Throws notFound for an unknown officer. */
export async function clearOfficerAbsence(db: Knex, actor: ForceActor, collarNumber: string): Promise<void> {
  await db.transaction(async (trx) => {
    const officer = await requireOfficer(trx, actor.forceId, collarNumber);
    await trx('officers')
      .where({ force_id: actor.forceId, id: officer.id })
      .update({ absent_from: null, absent_until: null, covered_by_officer_id: null, updated_at: trx.fn.now() });
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.officerAbsenceCleared,
      subjectType: 'officer',
      subjectId: officer.id,
      reason: 'records system cleared the officer\'s absence',
      requestId: actor.requestId,
    });
  });
}
