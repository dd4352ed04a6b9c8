import type { StreamEvent } from '@victim-portal/sdk';
import type { FakeAnswer, ReceivedRequest } from './fake-api.js';

const encoder = new TextEncoder();

/**
 * A fake live stream (`GET /v1/me/stream` or `/v1/officer/stream`) for FakeApi: each request
 * gets a `text/event-stream` body the test pushes Server-Sent Events into, and can drop, as a
 * phone changing network does. Each connection first sends `retry: 1`, the SSE field that sets
 * the client's reconnection delay, so a reconnect follows a drop at once without a timed wait.
 */
export class FakeStream {
  /** Every connection made, with the `Last-Event-ID` it sent. */
  readonly connections: { lastEventId: string | null }[] = [];
  #open: ReadableStreamDefaultController<Uint8Array> | undefined;
  #gate: Promise<void> | undefined;
  #release: (() => void) | undefined;

  /** The route to give FakeApi.on(). */
  readonly route = async (request: ReceivedRequest): Promise<FakeAnswer> => {
    await this.#gate;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (started) => void (controller = started) });
    request.signal.addEventListener('abort', () => {
      fail(controller, new DOMException('The stream was closed', 'AbortError'));
      if (this.#open === controller) this.#open = undefined;
    });
    controller.enqueue(encoder.encode('retry: 1\n\n'));
    this.#open = controller;
    this.connections.push({ lastEventId: request.lastEventId });
    return { status: 200, stream };
  };

  /** Whether a connection is open now. */
  get connected(): boolean {
    return this.#open !== undefined;
  }

  /** Sends one event on the open connection, with its cursor as the event id. */
  send(event: StreamEvent, id: string): void {
    this.#open?.enqueue(encoder.encode(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
  }

  /** Drops the open connection with a network error. */
  drop(): void {
    if (this.#open) fail(this.#open, new TypeError('network error'));
    this.#open = undefined;
  }

  /** Holds the next connections until `release()`, to look at the page while it reconnects. */
  hold(): void {
    this.#gate = new Promise((resolve) => (this.#release = resolve));
  }

  /** Lets held connections through. */
  release(): void {
    this.#release?.();
    this.#gate = undefined;
  }
}

function fail(controller: ReadableStreamDefaultController<Uint8Array>, error: Error): void {
  try {
    controller.error(error);
  } catch {
    // Already closed.
  }
}
