/**
 * Helpers for tests that run a real Victim Portal server in-process (this package's, the
 * SDK's, the end-to-end tests). Import from `@victim-portal/server/testing`.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Rank } from '@victim-portal/contract';
import { generateToken, hashToken } from './auth/tokens.js';
import { issueApiKey, saveForce } from './features/forces/store.js';

export { startServer, type RunningServer, type ServerOptions } from './server.js';

export interface TestForceOptions {
  name?: string;
  /** Default: a fresh random slug, so every test gets a force of its own. */
  slug?: string;
  /** Default `https://force.example/victim-portal`. Invite links are this plus `#invite=…`. */
  portalUrl?: string;
  senderName?: string;
  inviteTtlDays?: number;
  /** The second factor victims give; default `one_time_code` (sent through the outbox). */
  secondFactor?: 'one_time_code' | 'date_of_birth' | 'postcode';
  /** Where the force is told of locked invites. */
  alertEmail?: string;
}

export interface TestForce {
  forceId: string;
  /** A force API key (`vpk_…`) for `Authorization: Bearer`. */
  apiKey: string;
  portalUrl: string;
  slug: string;
}

/**
 * A new force with an API key. Isolate tests by giving each its own force rather than
 * emptying tables: every query is scoped by force, and the audit log cannot be emptied.
 * @param db the `db` of a running server
 */
export async function createTestForce(db: Knex, options: TestForceOptions = {}): Promise<TestForce> {
  const slug = options.slug ?? `test-${randomUUID().slice(0, 12)}`;
  const portalUrl = options.portalUrl ?? 'https://force.example/victim-portal';
  const forceId = await saveForce(db, {
    name: options.name ?? 'Testshire Police',
    slug,
    portalUrl,
    senderName: options.senderName ?? 'Testshire Police',
    inviteTtlDays: options.inviteTtlDays,
  });
  await db('forces')
    .where({ id: forceId })
    .update({ second_factor: options.secondFactor ?? 'one_time_code', alert_email: options.alertEmail ?? null });
  const { apiKey } = await issueApiKey(db, forceId, 'test key');
  return { forceId, apiKey, portalUrl, slug };
}

export interface TestOfficerOptions {
  /** Default: a random 6-digit collar number. */
  collarNumber?: string;
  displayName?: string;
  rank?: Rank;
  team?: string | null;
}

export interface TestOfficer {
  officerId: string;
  collarNumber: string;
  displayName: string;
  rank: Rank;
  team: string | null;
}

/**
 * An officer in a force, as if the records system had sent PUT /v1/officers/{collarNumber}.
 * @returns the officer; use `collarNumber` as a case's `officerInCharge.collarNumber`
 */
export async function createTestOfficer(db: Knex, forceId: string, options: TestOfficerOptions = {}): Promise<TestOfficer> {
  const officer = {
    collarNumber: options.collarNumber ?? String(100000 + Math.floor(Math.random() * 900000)),
    displayName: options.displayName ?? 'DC Sam Patel',
    rank: options.rank ?? 'detective_constable',
    team: options.team ?? null,
  };
  const [row] = await db('officers')
    .insert({ force_id: forceId, collar_number: officer.collarNumber, display_name: officer.displayName, rank: officer.rank, team: officer.team })
    .onConflict(['force_id', 'collar_number'])
    .merge()
    .returning<{ id: string }[]>('id');
  if (!row) throw new Error('officer insert returned no row');
  return { officerId: row.id, ...officer };
}

/**
 * The newest invite link the dev mailbox holds for an address, waiting for the outbox worker
 * to deliver it. Needs a server started with `devMailbox: true`.
 * @param baseUrl the server's `url`
 * @param to the victim's email address or mobile number
 * @returns the link (the token is after `#invite=`)
 */
export async function waitForInviteLink(baseUrl: string, to: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/dev/mailbox.json`);
    if (!response.ok) throw new Error(`GET /dev/mailbox.json answered ${response.status}: start the server with devMailbox: true`);
    const { messages } = (await response.json()) as { messages: Array<{ to: string; link?: string }> };
    const link = messages.find((message) => message.to === to && message.link?.includes('#invite='))?.link;
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no invite for ${to} in the dev mailbox after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** @returns the invite token inside an invite link */
export function inviteTokenFrom(link: string): string {
  const token = new URL(link).hash.replace(/^#invite=/, '');
  if (!token.startsWith('vpi_')) throw new Error('not an invite link');
  return token;
}

/**
 * A short-lived officer token (`vpo_…`), minted as a records system would with
 * POST /v1/officer-tokens.
 * @param baseUrl the server's `url`
 * @param apiKey the force's API key
 * @returns the token, for `Authorization: Bearer` on the officer operations
 */
export async function createTestOfficerToken(baseUrl: string, apiKey: string, collarNumber: string, ttlSeconds?: number): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/officer-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(ttlSeconds === undefined ? { collarNumber } : { collarNumber, ttlSeconds }),
  });
  if (response.status !== 201) throw new Error(`POST /v1/officer-tokens answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * A session for the victim of a case, written straight into the database: for tests of what a
 * signed-in victim does, without the invite and second factor (which have their own tests).
 * @returns the session token (`vps_…`)
 */
export async function createTestVictimSession(db: Knex, forceId: string, caseId: string, idleTimeoutSeconds = 15 * 60): Promise<string> {
  const found = await db('cases').select<{ victim_id: string }[]>('victim_id').where({ force_id: forceId, id: caseId }).first();
  if (!found) throw new Error('the force has no such case');
  const token = generateToken('victimSession');
  await db('sessions').insert({
    force_id: forceId,
    victim_id: found.victim_id,
    token_hash: hashToken(token),
    idle_timeout_seconds: idleTimeoutSeconds,
    idle_expires_at: db.raw("now() + ? * interval '1 second'", [idleTimeoutSeconds]),
    expires_at: db.raw("now() + interval '12 hours'"),
  });
  return token;
}
