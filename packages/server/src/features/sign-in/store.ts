import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import type { Channel, Language, SecondFactor, SignInChallenge } from '@victim-portal/contract';
import { auditActions, auditColumns, recordAudit } from '../../audit/audit-log.js';
import { generateToken, hashToken } from '../../auth/tokens.js';
import type { SessionPolicy } from '../../auth/victim-session.js';
import { runStatement, statement } from '../../db/statement.js';
import { problem } from '../../http/problem.js';
import { enqueueNotification } from '../../outbox/outbox.js';
import { issueInvite } from '../invites/store.js';

/** Wrong second-factor answers an invite survives; the next one locks it. */
export const maxWrongAnswers = 5;
const codeLifetimeSeconds = 10 * 60;

/** An invite with what signing in with it needs: its state, the victim's facts, the force's choice. */
interface InviteForSignIn {
  id: string;
  force_id: string;
  victim_id: string;
  case_id: string | null;
  channel: Channel;
  expired: boolean;
  redeemed: boolean;
  revoked: boolean;
  locked: boolean;
  wrong_answers: number;
  code_hash: string | null;
  code_live: boolean;
  second_factor: SecondFactor;
  sender_name: string;
  alert_email: string | null;
  email: string | null;
  mobile: string | null;
  language: Language;
  date_of_birth: string | null;
  postcode: string | null;
  crime_reference: string | null;
}

const loadInvite = statement(
  'sign_in_load_invite',
  `select i.id, i.force_id, i.victim_id, i.case_id, i.channel,
     i.expires_at <= now() as expired, i.redeemed_at is not null as redeemed, i.revoked_at is not null as revoked,
     i.locked_at is not null as locked, i.wrong_answers, i.code_hash,
     coalesce(i.code_expires_at > now(), false) as code_live,
     f.second_factor, f.sender_name, f.alert_email,
     v.email, v.mobile, v.language, to_char(v.date_of_birth, 'YYYY-MM-DD') as date_of_birth, v.postcode,
     c.crime_reference
   from invites i
   join forces f on f.id = i.force_id
   join victims v on v.force_id = i.force_id and v.id = i.victim_id
   left join cases c on c.force_id = i.force_id and c.id = i.case_id
   where i.token_hash = :tokenHash`,
);

/** Told the force of a known invite, before any refusal (for CORS, see http/cors.ts). */
export type InviteFound = (forceId: string) => void;

/**
 * The invite for a token, if it can still be used; otherwise the problem that says why not.
 * The order matters: a used invite says "used" even once it has also expired.
 */
async function openInvite(db: Knex, token: string, requestId: string | undefined, inviteFound?: InviteFound): Promise<InviteForSignIn> {
  const [invite] = await runStatement<InviteForSignIn>(db, loadInvite, { tokenHash: hashToken(token) });
  if (!invite) throw problem('inviteInvalid', 'This invite link is not recognised. Check it was copied in full, or ask the force for a new one.');
  inviteFound?.(invite.force_id);
  const refusal = invite.redeemed
    ? problem('inviteUsed', 'This invite link has already been used. Ask the force for a new one.')
    : invite.locked
      ? problem('inviteLocked', 'This invite is locked after too many wrong answers. The force has been told and can send a new one.')
      : invite.revoked
        ? problem('inviteExpired', 'This invite link was withdrawn or replaced by a newer one. Use the latest link you were sent.')
        : invite.expired
          ? problem('inviteExpired', 'This invite link has expired. Ask the force for a new one.')
          : undefined;
  if (!refusal) return invite;
  // A known invite tried after it stopped working: counted, and recorded for the force to see.
  await db.transaction(async (trx) => {
    await trx('invites').where({ id: invite.id, force_id: invite.force_id }).increment('attempts', 1);
    await recordAudit(trx, audit(invite, auditActions.inviteRefused, refusal.title.toLowerCase(), requestId));
  });
  throw refusal;
}

/**
 * The second factor for this invite: the force's choice when it holds that fact for the
 * victim, else a one-time code (every invited victim has a contact to send it to).
 */
function secondFactorFor(invite: InviteForSignIn): SecondFactor {
  if (invite.second_factor === 'date_of_birth' && invite.date_of_birth) return 'date_of_birth';
  if (invite.second_factor === 'postcode' && invite.postcode) return 'postcode';
  return 'one_time_code';
}

/** The victim's other contact channel, or the invite's own when there is no other. */
function codeChannel(invite: InviteForSignIn): { channel: Channel; to: string } {
  if (invite.channel === 'email' && invite.mobile) return { channel: 'sms', to: invite.mobile };
  if (invite.channel === 'sms' && invite.email) return { channel: 'email', to: invite.email };
  const to = invite.channel === 'email' ? invite.email : invite.mobile;
  if (!to) throw problem('inviteExpired', 'The force no longer holds a contact for this invite. Ask the force for a new one.');
  return { channel: invite.channel, to };
}

/** Enough to recognise where a code went, not enough to learn the address. */
export function maskContact(channel: Channel, to: string): string {
  if (channel === 'sms') return `•••• ••• ${to.slice(-3)}`;
  const [local = '', domain = ''] = to.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

function codeHash(inviteId: string, code: string): string {
  return createHash('sha256').update(`${inviteId}:${code}`).digest('hex');
}

/**
 * Start signing in: check the invite without using it up, and say which second factor to
 * ask for. For a one-time code, send a fresh one (replacing any earlier code).
 * @param beforeNewCode called before a code is made, to rate-limit codes per invite
 * @param inviteFound told the invite's force as soon as the token is recognised
 * @returns the challenge, and whether a notification was queued
 */
export async function startChallenge(
  db: Knex,
  token: string,
  requestId: string | undefined,
  beforeNewCode: (inviteId: string) => Promise<void>,
  inviteFound?: InviteFound,
): Promise<{ challenge: SignInChallenge; codeQueued: boolean }> {
  const invite = await openInvite(db, token, requestId, inviteFound);
  const method = secondFactorFor(invite);
  const attemptsLeft = maxWrongAnswers - invite.wrong_answers;
  if (method !== 'one_time_code') {
    await recordAudit(db, audit(invite, auditActions.challengeStarted, `victim asked for the ${method} question`, requestId));
    return { challenge: { method, attemptsLeft }, codeQueued: false };
  }
  await beforeNewCode(invite.id);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const { channel, to } = codeChannel(invite);
  const codeExpiresAt = await db.transaction(async (trx) => {
    const [updated] = await trx('invites')
      .where({ id: invite.id, force_id: invite.force_id })
      .whereNull('redeemed_at')
      .update({ code_hash: codeHash(invite.id, code), code_expires_at: trx.raw(`now() + ? * interval '1 second'`, [codeLifetimeSeconds]) })
      .returning<{ code_expires_at: Date }[]>('code_expires_at');
    if (!updated) throw problem('inviteUsed', 'This invite link has already been used. Ask the force for a new one.');
    await enqueueNotification(trx, invite.force_id, {
      template: 'one_time_code',
      channel,
      to,
      senderName: invite.sender_name,
      language: invite.language,
      code,
      expiresAt: updated.code_expires_at.toISOString(),
    });
    await recordAudit(trx, audit(invite, auditActions.challengeStarted, `one-time code sent by ${channel}`, requestId));
    return updated.code_expires_at;
  });
  return {
    challenge: { method, attemptsLeft, sentTo: maskContact(channel, to), sentVia: channel, codeExpiresAt: codeExpiresAt.toISOString() },
    codeQueued: true,
  };
}

function audit(invite: InviteForSignIn, action: (typeof auditActions)[keyof typeof auditActions], reason: string, requestId: string | undefined) {
  return { forceId: invite.force_id, actorType: 'victim' as const, actorId: invite.victim_id, action, subjectType: 'invite' as const, subjectId: invite.id, reason, requestId };
}

function sameText(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

function answerIsRight(invite: InviteForSignIn, method: SecondFactor, answer: string): boolean {
  const given = answer.trim();
  switch (method) {
    case 'one_time_code':
      return invite.code_live && invite.code_hash !== null && sameText(codeHash(invite.id, given), invite.code_hash);
    case 'date_of_birth':
      return invite.date_of_birth !== null && sameText(given, invite.date_of_birth);
    case 'postcode': {
      const normal = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();
      return invite.postcode !== null && sameText(normal(given), normal(invite.postcode));
    }
  }
}

// Single use under any concurrency: only one UPDATE can move redeemed_at from NULL, so only
// one caller gets a row back and a session; the session and its audit row are written by the
// same statement. The code hash is re-checked so that a code replaced meanwhile does not count.
const redeem = statement(
  'sign_in_redeem',
  `with invite as (
     update invites set redeemed_at = now(), attempts = attempts + 1
     where id = :inviteId and force_id = :forceId
       and redeemed_at is null and revoked_at is null and locked_at is null and expires_at > now()
       and (cast(:codeHash as text) is null or code_hash = cast(:codeHash as text))
     returning id, force_id, victim_id
   ),
   new_session as (
     insert into sessions (force_id, victim_id, invite_id, token_hash, idle_timeout_seconds, idle_expires_at, expires_at)
     select force_id, victim_id, id, :sessionTokenHash, cast(:idleSeconds as integer),
            least(now() + cast(:idleSeconds as integer) * interval '1 second', now() + cast(:absoluteSeconds as integer) * interval '1 second'),
            now() + cast(:absoluteSeconds as integer) * interval '1 second'
     from invite
     returning id, force_id, victim_id, expires_at, idle_expires_at
   ),
   audit as (
     insert into audit_log ${auditColumns}
     select force_id, 'victim', victim_id, '${auditActions.signedIn}', 'session', id, 'victim redeemed an invite with its second factor', :requestId
     from new_session
   )
   select expires_at, idle_expires_at from new_session`,
);

// A wrong answer counts, atomically; the fifth locks the invite.
const countWrongAnswer = statement(
  'sign_in_wrong_answer',
  `update invites
   set attempts = attempts + 1,
       wrong_answers = wrong_answers + 1,
       locked_at = case when wrong_answers + 1 >= ${maxWrongAnswers} then now() else null end
   where id = :inviteId and force_id = :forceId and redeemed_at is null and locked_at is null
   returning wrong_answers, locked_at is not null as locked`,
);

export interface SignedIn {
  sessionToken: string;
  expiresAt: Date;
  idleExpiresAt: Date;
}

/**
 * Redeem an invite with its second-factor answer for a new victim session.
 * @param inviteFound told the invite's force as soon as the token is recognised
 * @returns the session, and whether a notification (an alert to the force) was queued
 * @throws the problem for an unusable invite, a wrong answer (422) or a lock (423)
 */
export async function redeemWithAnswer(
  db: Knex,
  token: string,
  answer: string,
  policy: SessionPolicy,
  requestId: string | undefined,
  inviteFound?: InviteFound,
): Promise<SignedIn> {
  const invite = await openInvite(db, token, requestId, inviteFound);
  const method = secondFactorFor(invite);
  if (answerIsRight(invite, method, answer)) {
    const sessionToken = generateToken('victimSession');
    const [session] = await runStatement<{ expires_at: Date; idle_expires_at: Date }>(db, redeem, {
      inviteId: invite.id,
      forceId: invite.force_id,
      codeHash: method === 'one_time_code' ? invite.code_hash : null,
      sessionTokenHash: hashToken(sessionToken),
      idleSeconds: policy.idleTimeoutSeconds,
      absoluteSeconds: policy.absoluteTimeoutSeconds,
      requestId: requestId ?? null,
    });
    if (session) return { sessionToken, expiresAt: session.expires_at, idleExpiresAt: session.idle_expires_at };
    // Someone else got there first (or it changed meanwhile): say how it stands now.
    await openInvite(db, token, requestId);
    throw problem('inviteUsed', 'This invite link has already been used. Ask the force for a new one.');
  }
  // The wrong answer (and a lock) must be committed even though the request fails: the
  // transaction returns what happened, and the problem is thrown after it commits.
  const outcome = await db.transaction(async (trx): Promise<{ locked: boolean; attemptsLeft: number }> => {
    const [counted] = await runStatementIn<{ wrong_answers: number; locked: boolean }>(trx, countWrongAnswer, { inviteId: invite.id, forceId: invite.force_id });
    if (!counted) return { locked: true, attemptsLeft: 0 };
    if (counted.locked) {
      await recordAudit(trx, audit(invite, auditActions.inviteLocked, `${maxWrongAnswers} wrong second-factor answers`, requestId));
      if (invite.alert_email) {
        await enqueueNotification(trx, invite.force_id, {
          template: 'force_alert',
          channel: 'email',
          to: invite.alert_email,
          senderName: 'Victim Portal',
          alert: 'invite_locked',
          crimeReference: invite.crime_reference,
        });
      }
      return { locked: true, attemptsLeft: 0 };
    }
    await recordAudit(trx, audit(invite, auditActions.inviteRefused, 'wrong second-factor answer', requestId));
    return { locked: false, attemptsLeft: maxWrongAnswers - counted.wrong_answers };
  });
  if (outcome.locked) {
    throw problem('inviteLocked', 'That was the last try: this invite is now locked. The force has been told and can send a new one.');
  }
  const { attemptsLeft } = outcome;
  throw problem('secondFactorIncorrect', `That answer did not match. ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.`, { attemptsLeft });
}

/** Run a prepared statement inside a knex transaction (runStatement uses its own connection). */
async function runStatementIn<Row>(trx: Knex.Transaction, sql: { text: string; parameters: readonly string[] }, values: Record<string, unknown>): Promise<Row[]> {
  // knex binds `?` in order of appearance, so each `$n` becomes `?` with its value repeated.
  const positional = sql.text.replace(/\$(\d+)/g, () => '?');
  const bindings = [...sql.text.matchAll(/\$(\d+)/g)].map((match) => values[sql.parameters[Number(match[1]) - 1] as string]);
  const { rows } = await trx.raw<{ rows: Row[] }>(positional, bindings as Knex.RawBinding[]);
  return rows;
}

/** Turn a contact as typed (any case, spaces, a UK 07… number) into how it is stored. */
export function normaliseContact(contact: string): { channel: Channel; value: string } | undefined {
  const trimmed = contact.trim();
  if (trimmed.includes('@')) return { channel: 'email', value: trimmed.toLowerCase() };
  const digits = trimmed.replace(/[\s()-]/g, '');
  if (/^07[0-9]{9}$/.test(digits)) return { channel: 'sms', value: `+44${digits.slice(1)}` };
  if (/^\+[1-9][0-9]{7,14}$/.test(digits)) return { channel: 'sms', value: digits };
  return undefined;
}

const signInLinkSeconds = 24 * 60 * 60;

/**
 * Send a sign-in link to a returning victim, if the force holds that contact for a current
 * case. Runs after the response has gone, so nothing about the answer or its timing says
 * whether the contact belongs to a victim.
 */
export async function sendSignInLink(db: Knex, forceSlug: string, contact: string, requestId: string | undefined): Promise<boolean> {
  const normal = normaliseContact(contact);
  if (!normal) return false;
  return db.transaction(async (trx) => {
    const force = await trx('forces')
      .select<{ id: string; portal_url: string; sender_name: string; invite_ttl_days: number }[]>('id', 'portal_url', 'sender_name', 'invite_ttl_days')
      .where({ slug: forceSlug })
      .first();
    if (!force) return false;
    const victims = trx('victims as v')
      .select<{ id: string; language: Language }[]>('v.id', 'v.language')
      .where('v.force_id', force.id)
      .whereExists(function currentCase() {
        this.select(trx.raw('1'))
          .from('cases as c')
          .whereRaw('c.force_id = v.force_id and c.victim_id = v.id')
          .whereNull('c.not_invited_reason')
          .whereNotIn('c.status', ['case_closed']);
      });
    const victim = await (normal.channel === 'email' ? victims.whereRaw('lower(v.email) = ?', [normal.value]) : victims.where('v.mobile', normal.value)).first();
    if (!victim) return false;
    await issueInvite(
      trx,
      { id: force.id, portalUrl: force.portal_url, senderName: force.sender_name, inviteTtlDays: force.invite_ttl_days },
      { victimId: victim.id, caseId: null, channel: normal.channel, to: normal.value, language: victim.language, purpose: 'sign_in_link', ttlSeconds: signInLinkSeconds },
      { type: 'victim', id: victim.id, requestId },
    );
    return true;
  });
}
