// A ThreadListener that keeps what it hears, and lets a test wait for something to be heard
// (no clocks: each call to the listener re-checks what the test waits for).
import type { Message, ProblemError, ReadState, StreamEvent, ThreadListener, ThreadStatus } from '../../src/index.js';

export class ThreadRecorder implements ThreadListener {
  readonly messages: Message[] = [];
  readonly reads: Array<{ caseId: string; read: ReadState }> = [];
  readonly events: Array<{ event: StreamEvent; id: string }> = [];
  readonly statuses: Array<{ status: ThreadStatus; retryInMs?: number; problem?: ProblemError }> = [];
  #waiting: Array<() => boolean> = [];

  onMessage(message: Message): void {
    this.messages.push(message);
    this.#heard();
  }

  onRead(caseId: string, read: ReadState): void {
    this.reads.push({ caseId, read });
    this.#heard();
  }

  onEvent(event: StreamEvent, id: string): void {
    this.events.push({ event, id });
    this.#heard();
  }

  onStatus(status: ThreadStatus, detail?: { retryInMs?: number; problem?: ProblemError }): void {
    this.statuses.push({ status, ...detail });
    this.#heard();
  }

  /** @returns once `condition` holds (at once if it already does) */
  until(condition: (recorder: this) => boolean): Promise<void> {
    if (condition(this)) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiting.push(() => {
        if (!condition(this)) return false;
        resolve();
        return true;
      });
    });
  }

  /** @returns once a message with this id has been heard */
  heardMessage(id: string): Promise<void> {
    return this.until((r) => r.messages.some((message) => message.id === id));
  }

  /** @returns once the stream is in this state */
  reached(status: ThreadStatus): Promise<void> {
    return this.until((r) => r.statuses.at(-1)?.status === status);
  }

  #heard(): void {
    this.#waiting = this.#waiting.filter((check) => !check());
  }
}
