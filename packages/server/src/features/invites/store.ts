import type { Knex } from 'knex';
import type { Channel, InviteOutcome, InviteStatus, Language } from '@victim-portal/contract';
import { auditActions, recordAudit } from '../../audit/audit-log.js';
import { generateToken, hashToken } from '../../auth/tokens.js';
import { cancelInviteNotifications, enqueueNotification } from '../../outbox/outbox.js';

/** The force settings an invite needs. */
export interface InvitingForce {
  id: string;
  portalUrl: string;
  senderName: string;
  inviteTtlDays: number;
}

export interface InviteRequest {
  victimId: string;
  /** The case it invites to; null for a sign-in link. */
  caseId: string | null;
  channel: Channel;
  /** Email address or mobile number for that channel. */
  to: string;
  language: Language;
  purpose?: 'invite' | 'sign_in_link';
  /** Default: the force's invite lifetime in days. */
  ttlSeconds?: number;
}

export interface InviteActor {
  type: 'force_api_key' | 'victim' | 'system';
  id: string;
  requestId: string | undefined;
}

/** The link a victim opens: the force's portal page with the token in the URL fragment. */
export function inviteLink(portalUrl: string, token: string): string {
  const url = new URL(portalUrl);
  // In the fragment, browsers never send the token to any server, nor in a Referer header.
  url.hash = `invite=${token}`;
  return url.toString();
}

/** @returns the settings of a force that invites need */
export async function invitingForce(db: Knex | Knex.Transaction, forceId: string): Promise<InvitingForce> {
  const row = await db('forces')
    .select<{ id: string; portal_url: string; sender_name: string; invite_ttl_days: number }[]>('id', 'portal_url', 'sender_name', 'invite_ttl_days')
    .where({ id: forceId })
    .first();
  if (!row) throw new Error('no such force');
  return { id: row.id, portalUrl: row.portal_url, senderName: row.sender_name, inviteTtlDays: row.invite_ttl_days };
}

/**
 * Create an invite (or sign-in link) and queue its notification, in the caller's transaction.
 * @returns the invite's id and expiry
 */
export async function issueInvite(trx: Knex.Transaction, force: InvitingForce, invite: InviteRequest, actor: InviteActor): Promise<{ inviteId: string; expiresAt: Date }> {
  const token = generateToken('invite');
  const purpose = invite.purpose ?? 'invite';
  const ttlSeconds = invite.ttlSeconds ?? force.inviteTtlDays * 86_400;
  const [row] = await trx('invites')
    .insert({
      force_id: force.id,
      victim_id: invite.victimId,
      case_id: invite.caseId,
      purpose,
      token_hash: hashToken(token),
      channel: invite.channel,
      expires_at: trx.raw(`now() + ? * interval '1 second'`, [ttlSeconds]),
    })
    .returning<{ id: string; expires_at: Date }[]>(['id', 'expires_at']);
  if (!row) throw new Error('invite insert returned no row');
  await enqueueNotification(trx, force.id, {
    template: purpose,
    inviteId: row.id,
    channel: invite.channel,
    to: invite.to,
    senderName: force.senderName,
    language: invite.language,
    inviteLink: inviteLink(force.portalUrl, token),
    expiresAt: row.expires_at.toISOString(),
  });
  await recordAudit(trx, {
    forceId: force.id,
    actorType: actor.type,
    actorId: actor.id,
    action: purpose === 'invite' ? auditActions.inviteIssued : auditActions.signInLinkRequested,
    subjectType: 'invite',
    subjectId: row.id,
    reason: purpose === 'invite' ? 'victim invited to follow their case online' : 'victim asked for a new sign-in link',
    requestId: actor.requestId,
  });
  return { inviteId: row.id, expiresAt: row.expires_at };
}

/** How an invite stands, in SQL over an `invites` row aliased `i`. */
export const inviteStatusSql = `case
  when i.redeemed_at is not null then 'redeemed'
  when i.locked_at is not null then 'locked'
  when i.revoked_at is not null then 'revoked'
  when i.expires_at <= now() then 'expired'
  else 'pending' end`;

/** Why an invite was revoked: the case stopped being eligible, the force revoked it, or reissued it. */
export type RevokedReason = 'not_eligible' | 'revoked_by_force' | 'reissued';

interface CaseInviteRow {
  id: string;
  channel: Channel;
  expires_at: Date;
  status: Exclude<InviteStatus, 'not_sent'>;
  revoked_reason: RevokedReason | null;
}

/** @returns the case's latest invite (not sign-in links), if it ever had one */
export async function latestCaseInvite(trx: Knex | Knex.Transaction, forceId: string, caseId: string): Promise<CaseInviteRow | undefined> {
  const { rows } = await trx.raw<{ rows: CaseInviteRow[] }>(
    `select i.id, i.channel, i.expires_at, ${inviteStatusSql} as status, i.revoked_reason from invites i
     where i.force_id = ? and i.case_id = ? and i.purpose = 'invite' order by i.created_at desc limit 1`,
    [forceId, caseId],
  );
  return rows[0];
}

/** An invite as the force sees it. */
export function toInviteOutcome(invite: Omit<CaseInviteRow, 'revoked_reason'>): InviteOutcome {
  return { sent: true, status: invite.status, channel: invite.channel, expiresAt: invite.expires_at.toISOString() };
}

async function revoke(trx: Knex.Transaction, forceId: string, query: Knex.QueryBuilder, actor: InviteActor, reason: string, cause: RevokedReason): Promise<number> {
  const revoked = await query.update({ revoked_at: trx.fn.now(), revoked_reason: cause }).returning<{ id: string }[]>('id');
  // A withdrawn invite's message must not go out after all (the case may now be unsafe to contact).
  await cancelInviteNotifications(trx, forceId, revoked.map((invite) => invite.id));
  await recordAudit(
    trx,
    ...revoked.map((invite) => ({
      forceId,
      actorType: actor.type,
      actorId: actor.id,
      action: auditActions.inviteRevoked,
      subjectType: 'invite' as const,
      subjectId: invite.id,
      reason,
      requestId: actor.requestId,
    })),
  );
  return revoked.length;
}

/**
 * Withdraw the case's invites that were never used (pending, expired or locked): before a
 * reissue, or when the force revokes the invite.
 * @param cause stored with the invite; only `not_eligible` is ever sent again automatically
 * @returns how many
 */
export async function revokeUnusedInvites(
  trx: Knex.Transaction,
  forceId: string,
  caseId: string,
  actor: InviteActor,
  reason: string,
  cause: RevokedReason = 'reissued',
): Promise<number> {
  const unused = trx('invites').where({ force_id: forceId, case_id: caseId, purpose: 'invite' }).whereNull('redeemed_at').whereNull('revoked_at');
  return revoke(trx, forceId, unused, actor, reason, cause);
}

/**
 * Withdraw the case's invite that is still open (pending: not yet used, expired, locked or
 * revoked) because the case is no longer eligible. An expired or locked invite is left as it
 * is, so the force keeps seeing it as such and it is never sent again automatically.
 * @returns how many
 */
export async function withdrawOpenInvites(trx: Knex.Transaction, forceId: string, caseId: string, actor: InviteActor, reason: string): Promise<number> {
  const open = trx('invites')
    .where({ force_id: forceId, case_id: caseId, purpose: 'invite' })
    .whereNull('redeemed_at')
    .whereNull('revoked_at')
    .whereNull('locked_at')
    .where('expires_at', '>', trx.fn.now());
  return revoke(trx, forceId, open, actor, reason, 'not_eligible');
}

/**
 * Send the case's open invite again with a new token and the same expiry: tokens are stored
 * only as hashes, so the old link cannot be resent and stops working.
 * @returns the invite, or undefined when none is open
 */
export async function resendOpenInvite(
  trx: Knex.Transaction,
  force: InvitingForce,
  caseId: string,
  victim: { email: string | null; mobile: string | null; language: Language },
  actor: InviteActor,
): Promise<InviteOutcome | undefined> {
  const open = await latestCaseInvite(trx, force.id, caseId);
  const to = open?.channel === 'email' ? victim.email : victim.mobile;
  if (!open || open.status !== 'pending' || !to) return undefined;
  const token = generateToken('invite');
  // A code sent for the old link goes with it.
  await trx('invites').where({ id: open.id, force_id: force.id }).update({ token_hash: hashToken(token), code_hash: null, code_expires_at: null });
  // The old link no longer works: if its message has not gone yet, it never will.
  await cancelInviteNotifications(trx, force.id, [open.id]);
  await enqueueNotification(trx, force.id, {
    template: 'invite',
    inviteId: open.id,
    channel: open.channel,
    to,
    senderName: force.senderName,
    language: victim.language,
    inviteLink: inviteLink(force.portalUrl, token),
    expiresAt: open.expires_at.toISOString(),
  });
  await recordAudit(trx, {
    forceId: force.id,
    actorType: actor.type,
    actorId: actor.id,
    action: auditActions.inviteResent,
    subjectType: 'invite',
    subjectId: open.id,
    reason: 'records system resent the invite',
    requestId: actor.requestId,
  });
  return toInviteOutcome(open);
}
