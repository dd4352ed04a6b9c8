import type { Knex } from 'knex';
import { runStatement, statement } from '../../db/statement.js';
import { audienceOfCase, casesVisibleTo, loadThreadEvents, type CaseAudience, type ThreadEventRecord } from '../messages/read-model.js';
import { threadChannel, type ThreadEvent } from './announce.js';
import { listenForThreadEvents, type ThreadListener } from './listener.js';

/** Who a stream is for, with the credential it was opened with. */
export type StreamAudience =
  | { kind: 'victim'; forceId: string; victimId: string; sessionTokenHash: string }
  | { kind: 'officer'; forceId: string; officerId: string; tokenId: string };

/** One open stream, as the hub sees it. */
export interface HubSubscriber {
  audience: StreamAudience;
  /** An event this audience may see. */
  offer(record: ThreadEventRecord): void;
  /** The stream must end: its credential no longer works, or the server is closing. */
  end(reason: 'signed_out' | 'closing' | 'listener_lost'): void;
}

/** @returns whether the audience may see an event of a case with this audience now */
function sees(audience: StreamAudience, caseAudience: CaseAudience): boolean {
  if (audience.kind === 'victim') return caseAudience.victimId === audience.victimId && !caseAudience.hiddenFromVictim;
  return caseAudience.officerIds.includes(audience.officerId);
}

/** A key per credential, so that one check serves every stream opened with it. */
const credentialOf = (audience: StreamAudience) => (audience.kind === 'victim' ? `v:${audience.sessionTokenHash}` : `o:${audience.tokenId}`);

/**
 * @returns whether the credential a stream was opened with still works (a victim's session not
 *   expired, revoked or signed out; an officer's token not expired, its key not revoked)
 */
export async function stillSignedIn(db: Knex, audience: StreamAudience): Promise<boolean> {
  const visible = audience.kind === 'victim'
    ? await casesVisibleTo(db, { kind: 'victim', sessionTokenHash: audience.sessionTokenHash })
    : await casesVisibleTo(db, { kind: 'officer', forceId: audience.forceId, officerId: audience.officerId, tokenId: audience.tokenId });
  return visible !== 'signed_out';
}

const validSessions = statement(
  'live_valid_sessions',
  `select s.token_hash from sessions s
   where s.force_id = :forceId and s.token_hash = any(cast(:hashes as text[]))
     and s.revoked_at is null and s.idle_expires_at > now() and s.expires_at > now()`,
);
const validOfficerTokens = statement(
  'live_valid_officer_tokens',
  `select cast(t.id as text) as id, cast(t.officer_id as text) as officer_id from officer_tokens t join api_keys k on k.id = t.api_key_id
   where t.force_id = :forceId and t.id = any(cast(:ids as uuid[])) and t.expires_at > now() and k.revoked_at is null`,
);

/**
 * The same test as {@link stillSignedIn}, for many streams of one force at once: one query for
 * the victims' sessions and one for the officers' tokens, however many credentials are open.
 * @returns the credential keys ({@link credentialOf}) that still work
 */
export async function credentialsStillValid(db: Knex, forceId: string, audiences: StreamAudience[]): Promise<Set<string>> {
  const hashes = [...new Set(audiences.flatMap((a) => (a.kind === 'victim' ? [a.sessionTokenHash] : [])))];
  const tokenIds = [...new Set(audiences.flatMap((a) => (a.kind === 'officer' ? [a.tokenId] : [])))];
  const [sessions, tokens] = await Promise.all([
    hashes.length > 0 ? runStatement<{ token_hash: string }>(db, validSessions, { forceId, hashes }) : [],
    tokenIds.length > 0 ? runStatement<{ id: string; officer_id: string }>(db, validOfficerTokens, { forceId, ids: tokenIds }) : [],
  ]);
  const officerOfToken = new Map(tokens.map((row) => [row.id, row.officer_id]));
  const valid = new Set(sessions.map((row) => `v:${row.token_hash}`));
  for (const audience of audiences) {
    if (audience.kind === 'officer' && officerOfToken.get(audience.tokenId) === audience.officerId) valid.add(credentialOf(audience));
  }
  return valid;
}

/**
 * The live hub of one server instance: ONE listening connection (channel `vp_thread`) for all
 * its streams. Each committed thread event is loaded once, when some stream of its force is
 * open here, and offered to the streams whose audience may see it now: the case's victim
 * (unless the case is hidden from them) and its officer in charge or covering officer.
 * Credentials are checked again before an event goes out, so a signed-out victim's stream ends
 * rather than receive it. docs/live-updates.md
 */
export class LiveHub {
  private readonly byForce = new Map<string, Set<HubSubscriber>>();
  // Per force, events are handled one after another: the order they were committed in.
  private readonly queues = new Map<string, Promise<void>>();
  private readonly eventListeners = new Set<(event: ThreadEvent) => void>();
  private listener: Promise<ThreadListener> | undefined;
  private closed = false;

  constructor(
    private readonly db: Knex,
    private readonly reportFailure: (error: unknown) => void = () => undefined,
  ) {}

  /** Start listening (idempotent). Streams wait for it before they replay. */
  start(): Promise<void> {
    this.listener ??= listenForThreadEvents(this.db, threadChannel, {
      onNotification: (payload) => this.heard(payload),
      // Events may have been missed while the connection was down: end the streams, whose
      // clients come back with Last-Event-ID and get what they missed.
      onLost: () => this.endAll('listener_lost'),
    });
    return this.listener.then(() => undefined);
  }

  /** Be told of every committed thread event (e.g. to nudge the outbox worker). @returns stop */
  onEvent(listener: (event: ThreadEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Add a stream; it hears of events committed from now on. @returns remove it */
  async subscribe(subscriber: HubSubscriber): Promise<() => void> {
    if (this.closed) throw new Error('the live hub is closed');
    await this.start();
    const forceId = subscriber.audience.forceId;
    let subscribers = this.byForce.get(forceId);
    if (!subscribers) this.byForce.set(forceId, (subscribers = new Set()));
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.byForce.get(forceId) === subscribers) this.byForce.delete(forceId);
    };
  }

  /** How many streams are open here. */
  get size(): number {
    let total = 0;
    for (const subscribers of this.byForce.values()) total += subscribers.size;
    return total;
  }

  /** How many streams are open here, by audience (for /metrics). */
  openStreams(): Record<StreamAudience['kind'], number> {
    const open = { victim: 0, officer: 0 };
    for (const subscribers of this.byForce.values()) for (const subscriber of subscribers) open[subscriber.audience.kind]++;
    return open;
  }

  /** End every stream and stop listening. */
  async close(): Promise<void> {
    this.closed = true;
    this.endAll('closing');
    const listener = this.listener;
    this.listener = undefined;
    await Promise.allSettled([...this.queues.values()]);
    if (listener) await (await listener.catch(() => undefined))?.close();
  }

  private endAll(reason: 'closing' | 'listener_lost'): void {
    for (const subscribers of this.byForce.values()) for (const subscriber of [...subscribers]) subscriber.end(reason);
  }

  private heard(payload: string): void {
    let event: ThreadEvent;
    try {
      event = JSON.parse(payload) as ThreadEvent;
    } catch {
      return;
    }
    for (const listener of this.eventListeners) listener(event);
    if (!this.byForce.has(event.forceId)) return;
    const previous = this.queues.get(event.forceId) ?? Promise.resolve();
    const next = previous.then(() => this.fanOut(event)).catch((error: unknown) => this.reportFailure(error));
    this.queues.set(event.forceId, next);
    void next.finally(() => {
      if (this.queues.get(event.forceId) === next) this.queues.delete(event.forceId);
    });
  }

  private async fanOut(event: ThreadEvent): Promise<void> {
    const subscribers = this.byForce.get(event.forceId);
    if (!subscribers || subscribers.size === 0) return;
    const [[record], caseAudience] = await Promise.all([
      loadThreadEvents(this.db, { forceId: event.forceId, seqs: [event.seq], only: event.type === 'message.read' ? 'receipts' : 'messages' }),
      audienceOfCase(this.db, event.forceId, event.caseId),
    ]);
    if (!record || !caseAudience) return;
    const recipients = [...subscribers].filter((subscriber) => sees(subscriber.audience, caseAudience));
    if (recipients.length === 0) return;
    // Two queries for all the credentials, however many streams (tabs, officers) are open.
    const valid = await credentialsStillValid(this.db, event.forceId, recipients.map((subscriber) => subscriber.audience));
    for (const subscriber of recipients) {
      if (valid.has(credentialOf(subscriber.audience))) subscriber.offer(record);
      else subscriber.end('signed_out');
    }
  }
}
