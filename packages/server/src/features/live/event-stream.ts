import { PassThrough } from 'node:stream';
import type { ThreadEventRecord } from '../messages/read-model.js';
import type { HubSubscriber, StreamAudience } from './hub.js';

/** How a stream is paced. */
export interface StreamTimings {
  /** Tells the client how long to wait before reconnecting (the SSE `retry` field). Default 3000. */
  retryMs: number;
  /** A comment line this often keeps proxies from closing an idle connection. Default 25 000. */
  heartbeatMs: number;
  /** How often the credential is checked again while nothing happens. Default 30 000. */
  credentialCheckMs: number;
}

export const defaultStreamTimings: StreamTimings = { retryMs: 3000, heartbeatMs: 25_000, credentialCheckMs: 30_000 };

/**
 * More than this unsent on one stream means the client is not reading: the stream ends, and the
 * client resumes from its Last-Event-ID when it can keep up, so memory stays bounded.
 */
const maxBufferedBytes = 1024 * 1024;

export type StreamEndReason = 'signed_out' | 'closing' | 'listener_lost' | 'client_gone' | 'too_slow' | 'failed';

/**
 * One client's text/event-stream. Events are written as `id` (the seq), `event` and `data`
 * (a StreamEvent). While the resume replay runs, live events wait; then each seq is written at
 * most once, in order, so an event both replayed and heard live goes out once.
 */
export class EventStream implements HubSubscriber {
  /** The response body. */
  readonly body = new PassThrough();
  private lastSeq: bigint | undefined;
  // Live events heard while the replay runs; undefined once it is done.
  private waiting: ThreadEventRecord[] | undefined = [];
  private ended = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly audience: StreamAudience,
    private readonly timings: StreamTimings,
    /** The client's Last-Event-ID: it has everything up to there. */
    resumeAfter?: string,
    private readonly onEnd: (reason: StreamEndReason) => void = () => undefined,
  ) {
    if (resumeAfter !== undefined) this.lastSeq = BigInt(resumeAfter);
    this.write(`retry: ${timings.retryMs}\n\n`);
  }

  /** Whether the stream has ended. */
  get isEnded(): boolean {
    return this.ended;
  }

  /** Run `cleanup` when the stream ends (timers, the hub subscription). */
  onEnded(cleanup: () => void): void {
    if (this.ended) cleanup();
    else this.cleanups.push(cleanup);
  }

  offer(record: ThreadEventRecord): void {
    if (this.waiting) this.waiting.push(record);
    else this.send(record);
  }

  /** The replay is done: write it, then what was heard meanwhile, and go live. */
  replayed(records: ThreadEventRecord[]): void {
    const heard = this.waiting ?? [];
    this.waiting = undefined;
    for (const record of [...records, ...heard]) this.send(record);
  }

  /** A comment line, which clients ignore. */
  keepAlive(): void {
    this.write(': keep-alive\n\n');
  }

  end(reason: StreamEndReason): void {
    if (this.ended) return;
    // The server is going away (a deploy, scale-in): the client should come back at once to
    // another instance, but not every client at the same moment, so each gets a delay between
    // a quarter of the usual and the usual (the load balancer sends it to an instance still ready).
    if (reason === 'closing') this.body.write(`retry: ${Math.round(this.timings.retryMs * (0.25 + 0.75 * Math.random()))}\n\n`);
    this.ended = true;
    this.waiting = undefined;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.body.end();
    this.onEnd(reason);
  }

  private send(record: ThreadEventRecord): void {
    const seq = BigInt(record.seq);
    if (this.lastSeq !== undefined && seq <= this.lastSeq) return;
    this.lastSeq = seq;
    // JSON.stringify escapes line breaks, so the data is one line.
    this.write(`id: ${record.seq}\nevent: ${record.data.type}\ndata: ${JSON.stringify(record.data)}\n\n`);
  }

  private write(chunk: string): void {
    if (this.ended) return;
    this.body.write(chunk);
    if (this.body.writableLength + this.body.readableLength > maxBufferedBytes) this.end('too_slow');
  }
}
