import type { Knex } from 'knex';
import { runStatement, statement } from '../db/statement.js';
import type { AuditEvent } from './audit-log.js';

/** One caller's activity: an audit event for what they read, and/or a session to keep alive. */
export interface Activity {
  audit?: AuditEvent;
  /** A victim session whose idle expiry should slide forward. */
  touchSessionId?: string;
}

interface Waiting {
  activities: Activity[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

// Each batch is one statement and one commit, however many requests it serves. The touch
// re-checks the session so that a sign-out or idle expiry in the meantime is never undone.
const recordBatch = statement(
  'activity_record_batch',
  `with touched as (
     update sessions
     set idle_expires_at = least(now() + sessions.idle_timeout_seconds * interval '1 second', sessions.expires_at)
     where sessions.id = any(cast(:touchSessionIds as uuid[]))
       and sessions.revoked_at is null
       and sessions.idle_expires_at > now()
     returning sessions.id
   )
   insert into audit_log (force_id, actor_type, actor_id, action, subject_type, subject_id, reason, request_id)
   select * from unnest(
     cast(:forceIds as uuid[]), cast(:actorTypes as text[]), cast(:actorIds as text[]), cast(:actions as text[]),
     cast(:subjectTypes as text[]), cast(:subjectIds as text[]), cast(:reasons as text[]), cast(:requestIds as text[])
   )`,
);

const maxBatch = 500;

/**
 * Writes the audit rows of reads (and slides victim sessions' idle expiry), batching
 * concurrent requests into one statement: group commit in the application. A request waits
 * for its batch to commit before it answers, so nothing is disclosed without a durable audit
 * row; but under load one commit serves many reads, instead of a commit per read (which is
 * what made the single-statement version of the hot path slow; see bench/README.md).
 * At low load a batch is one request and nothing waits longer than its own insert.
 */
export class ActivityRecorder {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Knex) {}

  /** @returns once the activities are committed */
  record(...activities: Activity[]): Promise<void> {
    if (activities.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ activities, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Waiting[] = [];
        let size = 0;
        while (this.queue.length > 0 && size < maxBatch) {
          const next = this.queue.shift() as Waiting;
          batch.push(next);
          size += next.activities.length;
        }
        try {
          await this.write(batch.flatMap((waiting) => waiting.activities));
          for (const waiting of batch) waiting.resolve();
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(activities: Activity[]): Promise<void> {
    const events = activities.flatMap((activity) => (activity.audit ? [activity.audit] : []));
    const touchSessionIds = [...new Set(activities.flatMap((activity) => (activity.touchSessionId ? [activity.touchSessionId] : [])))];
    await runStatement(this.db, recordBatch, {
      touchSessionIds,
      forceIds: events.map((event) => event.forceId),
      actorTypes: events.map((event) => event.actorType),
      actorIds: events.map((event) => event.actorId),
      actions: events.map((event) => event.action),
      subjectTypes: events.map((event) => event.subjectType),
      subjectIds: events.map((event) => event.subjectId),
      reasons: events.map((event) => event.reason),
      requestIds: events.map((event) => event.requestId ?? null),
    });
  }
}
