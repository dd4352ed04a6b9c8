import type { Knex } from 'knex';
import type {
  CaseCreate, CaseStatus, CaseUpdate, Channel, CrimeReportInput, EligibilityRules, ForceCase, InviteOutcome, InviteStatus, Language, NotInvitedReason, OfficerInCharge, OutcomeCode, Rank, ReportedVia, RiskFlag,
} from '@victim-portal/contract';
import type { ActivityRecorder } from '../../audit/activity-recorder.js';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import type { ForceActor } from '../../auth/credentials.js';
import { runStatement, statement } from '../../db/statement.js';
import { problem } from '../../http/problem.js';
import { evaluateEligibility, type Eligibility, type InviteCandidate } from '../eligibility/rules.js';
import { eligibilityRulesOf } from '../eligibility/store.js';
import { addNotice } from '../messages/thread-store.js';
import { lockForceThreads } from '../messages/thread-lock.js';
import { findOfficer, type OfficerRow } from '../officers/store.js';
import { recordServiceEvent } from '../timeline/case-events.js';
import { lastContactSql, nextUpdateDue, updateEveryDaysSql } from '../timeline/next-update.js';
import { invitingForce, inviteStatusSql, issueInvite, latestCaseInvite, withdrawOpenInvites, type InviteActor } from '../invites/store.js';

/** A case joined to its victim, officer in charge and latest invite. */
export interface ForceCaseRow {
  id: string;
  crime_reference: string;
  offence_code: string;
  offence_label: string;
  reported_at: Date;
  reported_via: ReportedVia;
  status: CaseStatus;
  risk_flags: RiskFlag[];
  not_invited_reason: NotInvitedReason | null;
  not_invited_flags: RiskFlag[];
  created_at: Date;
  victim_id: string;
  external_ref: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  mobile: string | null;
  preferred_channel: Channel | null;
  language: Language;
  date_of_birth: string | null;
  postcode: string | null;
  oic_collar_number: string | null;
  oic_display_name: string | null;
  oic_rank: Rank | null;
  invite_channel: Channel | null;
  invite_expires_at: Date | null;
  invite_status: Exclude<InviteStatus, 'not_sent'> | null;
  outcome_code: OutcomeCode | null;
  enhanced_rights: boolean;
  crime_report: CrimeReportInput | null;
  last_contact_at: Date | null;
  update_every_days: number;
}

function toInvite(row: ForceCaseRow): InviteOutcome {
  if (row.invite_channel && row.invite_expires_at && row.invite_status) {
    return { sent: true, status: row.invite_status, channel: row.invite_channel, expiresAt: row.invite_expires_at.toISOString() };
  }
  const reason = row.not_invited_reason ?? 'no_contact_channel';
  return reason === 'risk_flag'
    ? { sent: false, status: 'not_sent', notSentReason: reason, riskFlags: row.not_invited_flags }
    : { sent: false, status: 'not_sent', notSentReason: reason };
}

export function toForceCase(row: ForceCaseRow): ForceCase {
  return {
    id: row.id,
    crimeReference: row.crime_reference,
    offence: { code: row.offence_code, label: row.offence_label },
    reportedAt: row.reported_at.toISOString(),
    reportedVia: row.reported_via,
    status: row.status,
    officerInCharge: row.oic_collar_number && row.oic_display_name && row.oic_rank
      ? { collarNumber: row.oic_collar_number, displayName: row.oic_display_name, rank: row.oic_rank }
      : null,
    outcomeCode: row.outcome_code,
    riskFlags: row.risk_flags,
    enhancedRights: row.enhanced_rights,
    crimeReport: row.crime_report,
    nextUpdateDue: nextUpdateDue(row.status, row.last_contact_at ?? row.created_at, row.update_every_days),
    victim: {
      externalRef: row.external_ref,
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      mobile: row.mobile,
      preferredChannel: row.preferred_channel,
      dateOfBirth: row.date_of_birth,
      postcode: row.postcode,
      language: row.language,
    },
    invite: toInvite(row),
    createdAt: row.created_at.toISOString(),
  };
}

// Dates of birth leave the database as text: a `date` read into a JS Date shifts by time zone.
const forceCaseSelect = `
  select c.id, c.crime_reference, c.offence_code, c.offence_label, c.reported_at, c.reported_via, c.status,
    c.risk_flags, c.not_invited_reason, c.not_invited_flags, c.created_at,
    c.outcome_code, c.enhanced_rights, c.crime_report, ${lastContactSql} as last_contact_at, ${updateEveryDaysSql} as update_every_days,
    v.id as victim_id, v.external_ref, v.given_name, v.family_name, v.email, v.mobile, v.preferred_channel, v.language,
    to_char(v.date_of_birth, 'YYYY-MM-DD') as date_of_birth, v.postcode,
    o.collar_number as oic_collar_number, o.display_name as oic_display_name, o.rank as oic_rank,
    i.channel as invite_channel, i.expires_at as invite_expires_at, i.status as invite_status
  from cases c
  join victims v on v.force_id = c.force_id and v.id = c.victim_id
  left join officers o on o.force_id = c.force_id and o.id = c.oic_officer_id
  left join lateral (
    select i.channel, i.expires_at, ${inviteStatusSql} as status from invites i
    where i.force_id = c.force_id and i.case_id = c.id and i.purpose = 'invite'
    order by i.created_at desc limit 1
  ) i on true`;

const readForceCase = statement('cases_read_for_force', `${forceCaseSelect} where c.force_id = :forceId and c.id = :caseId`);

/** @returns the force's case, in or outside a transaction, without auditing the read */
export async function loadForceCase(db: Knex | Knex.Transaction, forceId: string, caseId: string): Promise<ForceCaseRow | undefined> {
  const { rows } = await db.raw<{ rows: ForceCaseRow[] }>(`${forceCaseSelect} where c.force_id = ? and c.id = ?`, [forceId, caseId]);
  return rows[0];
}

/**
 * Read one of the force's cases. Answers only once the read's audit row is committed.
 * @returns the case, or undefined when the force has no case with that id
 */
export async function readCaseForForce(db: Knex, activity: ActivityRecorder, actor: ForceActor, caseId: string): Promise<ForceCase | undefined> {
  const [row] = await runStatement<ForceCaseRow>(db, readForceCase, { forceId: actor.forceId, caseId });
  if (!row) return undefined;
  await activity.record({
    audit: {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.caseRead,
      subjectType: 'case',
      subjectId: row.id,
      reason: 'records system read the case',
      requestId: actor.requestId,
    },
  });
  return toForceCase(row);
}

/** The columns eligibility looks at, and what an invite needs. */
type JudgedCaseRow = Pick<
  ForceCaseRow,
  'id' | 'offence_code' | 'risk_flags' | 'date_of_birth' | 'email' | 'mobile' | 'preferred_channel' | 'victim_id' | 'language' | 'not_invited_reason' | 'not_invited_flags'
>;

type Eligible = Extract<Eligibility, { eligible: true }>;

function forceInviteActor(actor: ForceActor): InviteActor {
  return { type: 'force_api_key', id: actor.apiKeyId, requestId: actor.requestId };
}

/** @returns what the eligibility rules look at, from a case row */
function inviteCandidateOf(row: JudgedCaseRow): InviteCandidate {
  return {
    offenceCode: row.offence_code,
    riskFlags: row.risk_flags,
    dateOfBirth: row.date_of_birth,
    email: row.email,
    mobile: row.mobile,
    preferredChannel: row.preferred_channel,
  };
}

/**
 * Judge the case under the rules and store the outcome on the case. The stored outcome is what
 * the victim's reads filter on (cases.hidden_from_victim), so it is written whenever the case
 * or the rules change, in the same transaction as the change.
 */
async function judgeCase(trx: Knex.Transaction, forceId: string, row: JudgedCaseRow, rules: EligibilityRules): Promise<Eligibility> {
  const eligibility = evaluateEligibility(rules, inviteCandidateOf(row));
  await trx('cases')
    .where({ force_id: forceId, id: row.id })
    .update(eligibility.eligible
      ? { not_invited_reason: null, not_invited_flags: [] }
      : { not_invited_reason: eligibility.reason, not_invited_flags: eligibility.riskFlags ?? [] });
  return eligibility;
}

async function sendInvite(trx: Knex.Transaction, inviteActor: InviteActor, forceId: string, row: JudgedCaseRow, eligibility: Eligible): Promise<true> {
  await issueInvite(
    trx,
    await invitingForce(trx, forceId),
    { victimId: row.victim_id, caseId: row.id, channel: eligibility.channel, to: eligibility.to, language: row.language },
    inviteActor,
  );
  return true;
}

/**
 * Act on the case's eligibility after a change (a PATCH of the case, or a PUT of the rules),
 * and on nothing else:
 * (a) not eligible now: withdraw its open (pending) invite, recording why;
 * (b) not eligible before and eligible now: invite the victim, if they were never invited for
 *     this case or their last invite was withdrawn because the case was not eligible.
 * An invite that locked, expired, was used or was revoked by the force stays as it is, whatever
 * changed: sending a new one is the force's choice (POST /v1/cases/{caseId}/invite/reissue).
 * @returns whether a notification was queued
 */
async function actOnEligibility(trx: Knex.Transaction, inviteActor: InviteActor, forceId: string, row: JudgedCaseRow, wasEligible: boolean, eligibility: Eligibility): Promise<boolean> {
  if (!eligibility.eligible) {
    await withdrawOpenInvites(trx, forceId, row.id, inviteActor, `case no longer eligible: ${eligibility.reason}`);
    return false;
  }
  if (wasEligible) return false;
  const latest = await latestCaseInvite(trx, forceId, row.id);
  const withdrawnForEligibility = latest?.status === 'revoked' && latest.revoked_reason === 'not_eligible';
  if (latest && !withdrawnForEligibility) return false;
  return sendInvite(trx, inviteActor, forceId, row, eligibility);
}

/**
 * Judge the case and invite its victim if it is eligible and has no invite pending or used, or
 * always (`alwaysSend`) for a reissue, after the caller revoked the unused ones. A case that
 * is not eligible has its open invite withdrawn.
 * @returns whether a notification was queued
 */
export async function settleInvite(trx: Knex.Transaction, actor: ForceActor, row: JudgedCaseRow, options: { alwaysSend?: boolean } = {}): Promise<boolean> {
  const rules = await eligibilityRulesOf(trx, actor.forceId, { lock: true });
  const eligibility = await judgeCase(trx, actor.forceId, row, rules);
  const inviteActor = forceInviteActor(actor);
  if (!eligibility.eligible) return actOnEligibility(trx, inviteActor, actor.forceId, row, true, eligibility);
  const latest = await latestCaseInvite(trx, actor.forceId, row.id);
  if (!options.alwaysSend && latest && (latest.status === 'pending' || latest.status === 'redeemed')) return false;
  return sendInvite(trx, inviteActor, actor.forceId, row, eligibility);
}

const judgedCaseColumns = `c.id, c.offence_code, c.risk_flags, c.not_invited_reason, c.not_invited_flags,
  v.id as victim_id, v.email, v.mobile, v.preferred_channel, v.language, to_char(v.date_of_birth, 'YYYY-MM-DD') as date_of_birth`;

function sameOutcome(row: JudgedCaseRow, eligibility: Eligibility): boolean {
  if (eligibility.eligible) return row.not_invited_reason === null;
  const flags = eligibility.riskFlags ?? [];
  return row.not_invited_reason === eligibility.reason
    && row.not_invited_flags.length === flags.length
    && flags.every((flag) => row.not_invited_flags.includes(flag));
}

/**
 * After a PUT of the force's rules, in its transaction: judge every case of the force again
 * and act on those whose outcome changed, exactly as after a PATCH. A case the new rules rule
 * out is hidden from its victim at once; one they let in is shown again.
 * @returns how many notifications were queued
 */
export async function reevaluateForceCases(trx: Knex.Transaction, actor: ForceActor, rules: EligibilityRules): Promise<number> {
  const { rows } = await trx.raw<{ rows: JudgedCaseRow[] }>(
    `select ${judgedCaseColumns} from cases c join victims v on v.force_id = c.force_id and v.id = c.victim_id where c.force_id = ? order by c.id`,
    [actor.forceId],
  );
  const inviteActor = forceInviteActor(actor);
  const today = new Date();
  let invited = 0;
  for (const row of rows) {
    const outcome = evaluateEligibility(rules, inviteCandidateOf(row), today);
    if (sameOutcome(row, outcome)) continue;
    const eligibility = await judgeCase(trx, actor.forceId, row, rules);
    if (await actOnEligibility(trx, inviteActor, actor.forceId, row, row.not_invited_reason === null, eligibility)) invited++;
  }
  return invited;
}

async function saveVictim(trx: Knex.Transaction, forceId: string, victim: CaseCreate['victim']): Promise<string> {
  // The records system sends the victim as it holds them now, so every field is replaced.
  const row = {
    force_id: forceId,
    external_ref: victim.externalRef ?? null,
    given_name: victim.givenName,
    family_name: victim.familyName,
    email: victim.email ?? null,
    mobile: victim.mobile ?? null,
    preferred_channel: victim.preferredChannel ?? null,
    language: victim.language ?? 'en',
    date_of_birth: victim.dateOfBirth ?? null,
    postcode: victim.postcode ?? null,
  };
  const insert = trx('victims').insert(row);
  const [saved] = victim.externalRef
    ? await insert.onConflict(['force_id', 'external_ref']).merge({ ...row, updated_at: trx.fn.now() }).returning<{ id: string }[]>('id')
    : await insert.returning<{ id: string }[]>('id');
  if (!saved) throw new Error('victim insert returned no row');
  return saved.id;
}

async function officerFor(trx: Knex.Transaction, forceId: string, collarNumber: string): Promise<OfficerRow> {
  const officer = await findOfficer(trx, forceId, collarNumber);
  if (!officer) {
    throw problem('unknownOfficer', 'The force has no officer with that collar number. Add them with PUT /v1/officers/{collarNumber} first.');
  }
  return officer;
}

async function officerIdFor(trx: Knex.Transaction, forceId: string, collarNumber: string): Promise<string> {
  return (await officerFor(trx, forceId, collarNumber)).id;
}

/** A system notice in the case's thread that its officer in charge changed, audited. */
async function noteOfficerChanged(trx: Knex.Transaction, actor: ForceActor, caseId: string, officer: OfficerInCharge | null): Promise<void> {
  const seq = await addNotice(trx, actor.forceId, caseId, { code: 'officer_changed', officer });
  await recordAudit(trx, {
    forceId: actor.forceId,
    actorType: 'force_api_key',
    actorId: actor.apiKeyId,
    action: auditActions.officerChangedNotice,
    subjectType: 'case',
    subjectId: caseId,
    reason: `officer in charge changed; notice ${seq} added to the thread`,
    requestId: actor.requestId,
  });
}

async function reloadCase(trx: Knex.Transaction, forceId: string, caseId: string): Promise<ForceCaseRow> {
  const row = await loadForceCase(trx, forceId, caseId);
  if (!row) throw new Error('the case could not be read back');
  return row;
}

/**
 * Store a case and its victim and, when the case is eligible, an invite and its notification:
 * all in one transaction, so a refused case leaves nothing behind.
 * @returns the case as the force sees it, and whether a notification was queued
 */
export async function createCase(db: Knex, actor: ForceActor, body: CaseCreate): Promise<{ created: ForceCase; invited: boolean }> {
  return db.transaction(async (trx) => {
    // The rules' lock first, then rows of the case: the order every judging transaction takes.
    const rules = await eligibilityRulesOf(trx, actor.forceId, { lock: true });
    const officerId = body.officerInCharge ? await officerIdFor(trx, actor.forceId, body.officerInCharge.collarNumber) : null;
    const victimId = await saveVictim(trx, actor.forceId, body.victim);
    // ON CONFLICT DO NOTHING rather than catching the unique violation: no failed statement,
    // and the victim upsert above is rolled back when this throws.
    const [stored] = await trx('cases')
      .insert({
        force_id: actor.forceId,
        crime_reference: body.crimeReference,
        offence_code: body.offence.code,
        offence_label: body.offence.label,
        reported_at: body.reportedAt,
        reported_via: body.reportedVia,
        oic_officer_id: officerId,
        victim_id: victimId,
        risk_flags: body.riskFlags ?? [],
        enhanced_rights: body.enhancedRights ?? false,
        crime_report: body.crimeReport ? JSON.stringify(body.crimeReport) : null,
      })
      .onConflict(['force_id', 'crime_reference'])
      .ignore()
      .returning<{ id: string }[]>('id');
    if (!stored) throw problem('crimeReferenceExists', 'The force already has a case with this crime reference.');
    // The timeline starts with the report and, when the case comes with one, the officer in
    // charge. The portal does not know when that officer was given the case, only that they had
    // it by now; placing it at the report keeps it before the decisions a records system then
    // posts with their own (earlier) dates, instead of above them as the newest news.
    const reportedAt = new Date(body.reportedAt);
    await recordServiceEvent(trx, { forceId: actor.forceId, caseId: stored.id, type: 'report_received', occurredAt: reportedAt });
    if (officerId) await recordServiceEvent(trx, { forceId: actor.forceId, caseId: stored.id, type: 'officer_assigned', occurredAt: reportedAt });
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.caseCreated,
      subjectType: 'case',
      subjectId: stored.id,
      reason: 'records system created the case',
      requestId: actor.requestId,
    });
    const row = await reloadCase(trx, actor.forceId, stored.id);
    const eligibility = await judgeCase(trx, actor.forceId, row, rules);
    const invited = eligibility.eligible && (await sendInvite(trx, forceInviteActor(actor), actor.forceId, row, eligibility));
    return { created: toForceCase(await reloadCase(trx, actor.forceId, stored.id)), invited };
  });
}

/**
 * Change a case's risk flags, officer in charge or victim contact details, then judge its
 * eligibility again and act only on a change of it (see actOnEligibility).
 * @returns the case as now stored, or undefined when the force has no such case
 */
export async function updateCase(db: Knex, actor: ForceActor, caseId: string, change: CaseUpdate): Promise<{ updated: ForceCase; invited: boolean } | undefined> {
  return db.transaction(async (trx) => {
    const rules = await eligibilityRulesOf(trx, actor.forceId, { lock: true });
    // A new officer in charge adds a notice to the thread: take the force's thread lock before
    // the case row, the order every thread writer takes them in (the lock, then the case row
    // through the insert's foreign key), or a reply racing this change could deadlock with it.
    if (change.officerInCharge !== undefined) await lockForceThreads(trx, actor.forceId);
    // FOR UPDATE: two changes to one case apply one after the other, each seeing the last.
    const locked = await trx('cases')
      .select<{ victim_id: string; not_invited_reason: NotInvitedReason | null; oic_officer_id: string | null }[]>('victim_id', 'not_invited_reason', 'oic_officer_id')
      .where({ force_id: actor.forceId, id: caseId })
      .forUpdate()
      .first();
    if (!locked) return undefined;
    const caseChange: Record<string, unknown> = {};
    if (change.riskFlags) caseChange['risk_flags'] = change.riskFlags;
    if (change.enhancedRights !== undefined) caseChange['enhanced_rights'] = change.enhancedRights;
    if (change.crimeReport !== undefined) caseChange['crime_report'] = change.crimeReport ? JSON.stringify(change.crimeReport) : null;
    let newOfficer: OfficerInCharge | null | undefined;
    if (change.officerInCharge !== undefined) {
      const officer = change.officerInCharge ? await officerFor(trx, actor.forceId, change.officerInCharge.collarNumber) : null;
      caseChange['oic_officer_id'] = officer?.id ?? null;
      if ((officer?.id ?? null) !== locked.oic_officer_id) {
        newOfficer = officer ? { collarNumber: officer.collar_number, displayName: officer.display_name, rank: officer.rank } : null;
      }
    }
    if (Object.keys(caseChange).length > 0) {
      await trx('cases').where({ force_id: actor.forceId, id: caseId }).update({ ...caseChange, updated_at: trx.fn.now() });
    }
    // The thread moves with the case (who sees it follows the OIC); both sides are told.
    if (newOfficer !== undefined) {
      await noteOfficerChanged(trx, actor, caseId, newOfficer);
      const type = locked.oic_officer_id === null ? 'officer_assigned' : 'officer_changed';
      await recordServiceEvent(trx, { forceId: actor.forceId, caseId, type, occurredAt: new Date() });
    }
    if (change.victim) {
      const victim = change.victim;
      const victimChange: Record<string, unknown> = {};
      if (victim.email !== undefined) victimChange['email'] = victim.email;
      if (victim.mobile !== undefined) victimChange['mobile'] = victim.mobile;
      if (victim.preferredChannel !== undefined) victimChange['preferred_channel'] = victim.preferredChannel;
      if (victim.language !== undefined) victimChange['language'] = victim.language;
      if (victim.dateOfBirth !== undefined) victimChange['date_of_birth'] = victim.dateOfBirth;
      if (victim.postcode !== undefined) victimChange['postcode'] = victim.postcode;
      await trx('victims').where({ force_id: actor.forceId, id: locked.victim_id }).update({ ...victimChange, updated_at: trx.fn.now() });
    }
    await recordAudit(trx, {
      forceId: actor.forceId,
      actorType: 'force_api_key',
      actorId: actor.apiKeyId,
      action: auditActions.caseUpdated,
      subjectType: 'case',
      subjectId: caseId,
      reason: `records system changed ${Object.keys(change).join(', ')}`,
      requestId: actor.requestId,
    });
    const row = await reloadCase(trx, actor.forceId, caseId);
    const eligibility = await judgeCase(trx, actor.forceId, row, rules);
    const invited = await actOnEligibility(trx, forceInviteActor(actor), actor.forceId, row, locked.not_invited_reason === null, eligibility);
    return { updated: toForceCase(await reloadCase(trx, actor.forceId, caseId)), invited };
  });
}
