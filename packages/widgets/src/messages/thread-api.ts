import type { Message, MessagePage, ReadState } from '@victim-portal/sdk';

/** The state of a live stream, as the SDK's `subscribe` reports it. */
export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What a live stream tells its listener; the SDK's listener shape. */
export interface ThreadListener {
  onMessage?(message: Message): void;
  onRead?(caseId: string, read: ReadState): void;
  onStatus?(status: StreamStatus, detail?: { problem?: { status: number } }): void;
}

/** An open live stream. */
export interface ThreadSubscription {
  close(): void;
}

/**
 * What a thread needs from the service, from either side: `VictimClient` (through the victim's
 * session) and `OfficerClient` both have these methods, so one thread view serves both.
 */
export interface ThreadService {
  /** @returns every message after `after` (all pages), the read state and who the thread goes to */
  allMessages(caseId: string, after?: string): Promise<MessagePage>;
  /** Sends a message; idempotent by `id`, so a retry with the same id never makes a second one. */
  sendMessage(caseId: string, body: string, id: string): Promise<Message>;
  /** Records that this side has read up to `upTo`. */
  markRead(caseId: string, upTo: string): Promise<ReadState>;
  /** Asks for an update (victims only); idempotent by `id`. */
  requestUpdate?(caseId: string, note: string | undefined, id: string): Promise<Message>;
}

/** Which side of the thread the reader is on. */
export type Reader = 'victim' | 'officer';

/** The longest message body the contract accepts (MessageBody.maxLength). */
export const maxBodyLength = 2000;

/** The longest note on an update request (UpdateRequestCreate.note.maxLength). */
export const maxNoteLength = 500;

/**
 * @returns whether cursor `a` comes after cursor `b`. Cursors are decimal strings of up to 19
 * digits (beyond a double's precision), so they are compared by length, then as text.
 */
export function isAfter(a: string, b: string | null | undefined): boolean {
  if (!b) return true;
  return a.length === b.length ? a > b : a.length > b.length;
}
