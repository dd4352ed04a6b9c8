import type { StreamEvent } from '@victim-portal/contract';

/** One event as a browser's EventSource would parse it. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: StreamEvent;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** The `retry` the server asked for, once read. */
  retry: number | undefined;
  /** Comment lines seen (keep-alives). */
  comments: number;
  /** Every event so far, in order. */
  events: SseEvent[];
  /** Wait until `count` events have arrived in all. @returns the first `count` */
  waitForEvents(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  /** Wait until an event matching `matches` has arrived. @returns it */
  waitForEvent(matches: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Wait until at least `count` comment lines have arrived. */
  waitForComments(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Drop the connection from this side. */
  close(): void;
}

/**
 * A minimal Server-Sent Events client over fetch (EventSource cannot send Authorization):
 * parses `id`, `event`, `data`, `retry` and comments per the HTML standard's rules.
 */
export async function openSse(url: string, token: string, lastEventId?: string): Promise<SseConnection> {
  const abort = new AbortController();
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const connection: SseConnection = {
    status: response.status,
    headers: response.headers,
    retry: undefined,
    comments: 0,
    events,
    waitForEvents(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events.slice(0, count));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited for ${count} events, got ${events.length}: ${JSON.stringify(events.map((e) => e.id))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    waitForEvent(matches, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(matches);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited for an event, got ${JSON.stringify(events.map((e) => e.id))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    waitForComments(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (connection.comments >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited for ${count} comments, got ${connection.comments}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    ended: Promise.resolve(),
    close: () => abort.abort(),
  };
  if (!response.ok || !response.body) {
    await response.text();
    return connection;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  connection.ended = (async () => {
    let buffer = '';
    let id: string | undefined;
    let event = 'message';
    let data: string[] = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (data.length > 0) {
              events.push({ id, event, data: JSON.parse(data.join('\n')) as StreamEvent });
              for (const waiter of [...waiters]) waiter();
            }
            event = 'message';
            data = [];
            continue;
          }
          if (line.startsWith(':')) {
            connection.comments++;
            for (const waiter of [...waiters]) waiter();
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const fieldValue = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') id = fieldValue;
          else if (field === 'event') event = fieldValue;
          else if (field === 'data') data.push(fieldValue);
          else if (field === 'retry') connection.retry = Number(fieldValue);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  })();
  return connection;
}
