import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { UsageReport } from '@victim-portal/contract';
import { createTestOfficer } from '../../src/testing.js';
import { call } from './api.js';
import type { Harness } from './harness.js';

/**
 * Writes a force's history straight into its tables, every row at a chosen time, as the
 * records of months of use would stand: what the usage report counts. Nothing here goes
 * through the API (which stamps rows with now). Call {@link finish} once it is all told.
 */
export class UsageHistory {
  private references = 0;
  private readonly signIns: { victimId: string; createdAt: string }[] = [];

  private constructor(readonly db: Knex, readonly forceId: string, readonly officerId: string) {}

  /** A history for the force, with one officer to write its messages. */
  static async of(h: Harness, forceId: string): Promise<UsageHistory> {
    const officer = await createTestOfficer(h.db, forceId);
    return new UsageHistory(h.db, forceId, officer.officerId);
  }

  async victim(): Promise<string> {
    const [row] = await this.db('victims').insert({ force_id: this.forceId, given_name: 'Alex', family_name: 'Morgan', email: `${randomUUID()}@example.com` }).returning<{ id: string }[]>('id');
    return row!.id;
  }

  /** A case that reached the portal at `createdAt`; `notInvitedReason` null when it is eligible. */
  async case(victimId: string, offenceCode: string, createdAt: string, notInvitedReason: string | null = null, reportedAt = createdAt): Promise<string> {
    const [row] = await this.db('cases')
      .insert({
        force_id: this.forceId, victim_id: victimId, crime_reference: `UH/${++this.references}/${randomUUID().slice(0, 8)}`,
        offence_code: offenceCode, offence_label: `Offence ${offenceCode}`, reported_at: reportedAt, reported_via: 'phone_101',
        created_at: createdAt, not_invited_reason: notInvitedReason, oic_officer_id: this.officerId,
      })
      .returning<{ id: string }[]>('id');
    return row!.id;
  }

  /** An invite for a case (or a sign-in link, caseId null). */
  async invite(victimId: string, caseId: string | null, channel: 'email' | 'sms', createdAt: string, redeemedAt: string | null = null): Promise<void> {
    await this.db('invites').insert({
      force_id: this.forceId, victim_id: victimId, case_id: caseId, token_hash: randomUUID(), channel, created_at: createdAt,
      expires_at: this.db.raw("cast(? as timestamptz) + interval '14 days'", [createdAt]), redeemed_at: redeemedAt,
      purpose: caseId === null ? 'sign_in_link' : 'invite',
    });
  }

  /** A sign-in: a session started at `createdAt`, written by {@link finish}. */
  signIn(victimId: string, createdAt: string): void {
    this.signIns.push({ victimId, createdAt });
  }

  /**
   * Writes the sign-ins, last and in time order, as the service writes them: each session notes
   * the victim's history up to it as it is written (migration 0014: their previous sign-in, the
   * newest update since, their newest case), so what happened before it must be stored first.
   */
  async finish(): Promise<void> {
    const signIns = this.signIns.splice(0).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    for (const { victimId, createdAt } of signIns) {
      await this.db('sessions').insert({
        force_id: this.forceId, victim_id: victimId, token_hash: randomUUID(), idle_timeout_seconds: 900, created_at: createdAt,
        idle_expires_at: this.db.raw("cast(? as timestamptz) + interval '15 minutes'", [createdAt]),
        expires_at: this.db.raw("cast(? as timestamptz) + interval '12 hours'", [createdAt]),
      });
    }
  }

  /** A message on a case's thread, by the victim (text or update request), the officer, or the system. */
  async message(caseId: string, who: 'victim' | 'update_request' | 'officer' | 'system', createdAt: string): Promise<void> {
    const kind = who === 'update_request' ? 'update_request' : who === 'system' ? 'notice' : 'text';
    const authorType = who === 'update_request' ? 'victim' : who;
    await this.db('messages').insert({
      id: randomUUID(), force_id: this.forceId, case_id: caseId, kind, author_type: authorType, created_at: createdAt,
      author_officer_id: authorType === 'officer' ? this.officerId : null,
      body: kind === 'text' ? 'Words' : null, notice: kind === 'notice' ? JSON.stringify({ type: 'officer_changed' }) : null,
    });
  }

  /** A case event recorded at `createdAt` (when it happened: `occurredAt`, default the same). */
  async event(caseId: string, event: { type?: string; createdAt: string; occurredAt?: string; dueBy?: string; toldAt?: string; victimVisible?: boolean }): Promise<void> {
    await this.db('case_events').insert({
      force_id: this.forceId, case_id: caseId, event_type: event.type ?? 'suspect_arrested', created_at: event.createdAt,
      occurred_at: event.occurredAt ?? event.createdAt, victim_visible: event.victimVisible ?? true, key_decision: event.dueBy !== undefined,
      due_by: event.dueBy ?? null, told_at: event.toldAt ?? null, told_by: event.toldAt ? 'phone' : null,
    });
  }

  /**
   * An outbox row queued at `createdAt`: sent, given up on (`failed`: an error code, or
   * `cancelled…`), or still waiting (never due within a test run, so no worker sends it).
   */
  async outbox(kind: 'notification' | 'webhook', payload: { template?: string; channel?: 'email' | 'sms' }, createdAt: string, outcome: 'sent' | 'waiting' | { failed: string }): Promise<void> {
    await this.db('outbox').insert({
      force_id: this.forceId, kind, payload: JSON.stringify({ to: 'someone@example.com', ...payload }), created_at: createdAt,
      sent_at: outcome === 'sent' ? createdAt : null,
      failed_at: typeof outcome === 'object' ? createdAt : null,
      last_error: typeof outcome === 'object' ? outcome.failed : null,
      next_attempt_at: outcome === 'waiting' ? '2099-01-01T00:00:00Z' : createdAt,
    });
  }
}

/** GET /v1/reports/usage as JSON, expecting 200. */
export async function usageReportOf(h: Harness, token: string, from: string, to: string): Promise<UsageReport> {
  const response = await call<UsageReport>(h.url, 'getUsageReport', `/v1/reports/usage?from=${from}&to=${to}`, { token });
  if (response.status !== 200) throw new Error(`usage report: ${response.status} ${response.text}`);
  return response.body;
}
