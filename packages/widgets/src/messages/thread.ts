import { isProblem, type Message, type OfficerInCharge, type ReadState } from '@victim-portal/sdk';
import { isAfter, maxBodyLength, maxNoteLength, type Reader, type StreamStatus, type ThreadService } from './thread-api.js';

/** Where one of the reader's own messages is on its way to the service. */
export type Delivery = 'sent' | 'sending' | 'failed';

/** One item of the thread, with its delivery state (only the reader's own can be other than sent). */
export interface ThreadItem {
  message: Message;
  delivery: Delivery;
}

/** What the thread tells its element. */
export interface ThreadEvents {
  /** Something changed: render again. */
  changed(): void;
  /** A message or update request of the reader's reached the service. */
  sent?(message: Message): void;
  /** The service said the session or token is over (401). */
  unauthorised?(): void;
  /** @returns the words announced when a message from the other side arrives live */
  arrivedWords(message: Message): string;
  /** @returns the words announced when one of the reader's own sends is sent or not sent */
  deliveryWords(delivery: 'sent' | 'failed', kind: Message['kind']): string;
}

/** Why the composer refused a draft. */
export type DraftProblem = 'empty' | 'too-long';

/**
 * One case's thread, seen from one side: its messages oldest first, the reader's own sends as
 * they go (sending, sent, not sent), the read state, the draft, and what to announce. Sends are
 * optimistic and idempotent: each has an id from the moment it is written, and "Try again"
 * sends the same id, so the service never stores it twice. The draft is held in memory only
 * and stays until the service has the message.
 */
export class Thread {
  items: ThreadItem[] = [];
  read: ReadState = { victim: null, officer: null };
  officerInCharge: OfficerInCharge | null | undefined;
  state: 'loading' | 'ready' | 'failed' = 'loading';
  /** Why the thread failed to load: the service has no such case for this reader (404), or anything else. */
  failure: 'not_found' | 'unavailable' | undefined;
  stream: StreamStatus = 'connecting';
  /** The latest thing to announce (a polite live region reads it). */
  announcement = '';
  /** How many announcements there have been, so the same words twice are still read twice. */
  announcements = 0;
  draft = '';
  draftProblem: DraftProblem | undefined;
  note = '';
  /** Whether the thread is on screen (the inbox keeps threads it is not showing); only a shown thread is marked read. */
  shown = true;
  #markingUpTo: string | undefined;

  constructor(
    readonly caseId: string,
    readonly reader: Reader,
    readonly service: ThreadService,
    readonly events: ThreadEvents,
  ) {}

  /** The other side of the thread. */
  get other(): Reader {
    return this.reader === 'victim' ? 'officer' : 'victim';
  }

  /** Loads the whole thread, then marks it read if the reader can see it. */
  async load(): Promise<void> {
    this.state = 'loading';
    this.#changed();
    try {
      const page = await this.service.allMessages(this.caseId);
      this.items = page.items.map((message) => ({ message, delivery: 'sent' }));
      this.#mergeRead(page.read);
      this.officerInCharge = page.officerInCharge;
      this.state = 'ready';
    } catch (error) {
      this.#failed(error);
      this.failure = isProblem(error) && (error.status === 404 || error.status === 400) ? 'not_found' : 'unavailable';
      this.state = 'failed';
    }
    this.#changed();
    this.markReadIfSeen();
  }

  /** After the stream reconnects: fetches whatever came after the newest message shown, so nothing is missed. */
  async resync(): Promise<void> {
    if (this.state !== 'ready') return this.load();
    try {
      const page = await this.service.allMessages(this.caseId, this.#lastCursor());
      for (const message of page.items) this.#merge(message);
      this.#mergeRead(page.read);
      if (page.officerInCharge !== undefined) this.officerInCharge = page.officerInCharge;
    } catch (error) {
      this.#failed(error);
    }
    this.#changed();
    this.markReadIfSeen();
  }

  /** A message from the live stream (any case: others are ignored). */
  receive(message: Message): void {
    if (message.caseId !== this.caseId) return;
    const known = this.items.some((item) => item.message.id === message.id);
    this.#merge(message);
    if (!known && message.author.type === this.other) this.#announce(this.events.arrivedWords(message));
    this.#changed();
    this.markReadIfSeen();
  }

  /** A read receipt from the live stream. */
  receiveRead(caseId: string, read: ReadState): void {
    if (caseId !== this.caseId) return;
    this.#mergeRead(read);
    this.#changed();
  }

  /** @returns whether the other side has read this message of the reader's */
  isReadByOther(message: Message): boolean {
    if (message.readAt) return true;
    const upTo = this.read[this.other];
    return Boolean(message.cursor && upTo && !isAfter(message.cursor, upTo));
  }

  /** Sends the draft. A draft that failed before is sent again with the same id. */
  send(): void {
    const body = this.draft;
    this.draftProblem = body.trim() === '' ? 'empty' : body.length > maxBodyLength ? 'too-long' : undefined;
    if (this.draftProblem) return this.#changed();
    const failed = this.items.find((item) => item.delivery === 'failed' && item.message.kind === 'text' && item.message.body === body);
    if (failed) return this.retry(failed.message.id);
    if (this.items.some((item) => item.delivery === 'sending' && item.message.body === body)) return;
    void this.#deliver(this.#pending('text', body));
  }

  /** Asks for an update, with the note if one was written. */
  requestUpdate(): void {
    const note = this.note.trim();
    if (note.length > maxNoteLength) return;
    void this.#deliver(this.#pending('update_request', note === '' ? null : note));
  }

  /** Sends a message that was not sent again, with the same id (the service keeps one). */
  retry(id: string): void {
    const item = this.items.find((candidate) => candidate.message.id === id);
    if (item?.delivery !== 'failed') return;
    void this.#deliver(item);
  }

  /**
   * Marks the thread read up to the newest message from the other side, when the reader can see
   * it: the page is visible (not a background tab) and the thread is loaded.
   */
  markReadIfSeen(): void {
    if (!this.shown || this.state !== 'ready' || document.visibilityState !== 'visible') return;
    const newest = this.items.findLast((item) => item.message.author.type === this.other && item.message.cursor);
    const upTo = newest?.message.cursor;
    if (!upTo || !isAfter(upTo, this.read[this.reader]) || upTo === this.#markingUpTo) return;
    this.#markingUpTo = upTo;
    this.service.markRead(this.caseId, upTo).then(
      (read) => {
        this.#mergeRead(read);
        this.#changed();
      },
      (error: unknown) => {
        this.#markingUpTo = undefined;
        this.#failed(error);
      },
    );
  }

  #pending(kind: 'text' | 'update_request', body: string | null): ThreadItem {
    const message: Message = {
      id: crypto.randomUUID(),
      cursor: '',
      caseId: this.caseId,
      kind,
      author: { type: this.reader },
      body,
      sentAt: new Date().toISOString(),
      readAt: null,
    };
    const item: ThreadItem = { message, delivery: 'sending' };
    this.items = [...this.items, item];
    return item;
  }

  async #deliver(item: ThreadItem): Promise<void> {
    const { id, kind, body } = item.message;
    this.#setDelivery(id, 'sending');
    this.#changed();
    let stored: Message;
    try {
      stored =
        kind === 'update_request' && this.service.requestUpdate
          ? await this.service.requestUpdate(this.caseId, body ?? undefined, id)
          : await this.service.sendMessage(this.caseId, body ?? '', id);
    } catch (error) {
      this.#setDelivery(id, 'failed');
      this.#announce(this.events.deliveryWords('failed', kind));
      this.#failed(error);
      this.#changed();
      return;
    }
    this.#merge(stored);
    // Only now is the draft safe to let go of; a draft changed meanwhile is the victim's next one.
    if (kind === 'text' && this.draft === body) this.draft = '';
    if (kind === 'update_request' && this.note.trim() === (body ?? '')) this.note = '';
    this.#announce(this.events.deliveryWords('sent', kind));
    this.events.sent?.(stored);
    this.#changed();
  }

  #announce(words: string): void {
    this.announcement = words;
    this.announcements += 1;
  }

  #setDelivery(id: string, delivery: Delivery): void {
    this.items = this.items.map((item) => (item.message.id === id ? { ...item, delivery } : item));
  }

  /** Adds or replaces a message by id, keeping stored messages in cursor order and sends still on their way last. */
  #merge(message: Message): void {
    const others = this.items.filter((item) => item.message.id !== message.id);
    const stored = others.filter((item) => item.message.cursor);
    const pending = others.filter((item) => !item.message.cursor);
    stored.push({ message, delivery: 'sent' });
    stored.sort((a, b) => (a.message.cursor === b.message.cursor ? 0 : isAfter(a.message.cursor, b.message.cursor) ? 1 : -1));
    this.items = [...stored, ...pending];
  }

  #mergeRead(read: ReadState): void {
    const later = (a: string | null, b: string | null) => (a && isAfter(a, b) ? a : b);
    this.read = { victim: later(read.victim, this.read.victim), officer: later(read.officer, this.read.officer) };
  }

  #lastCursor(): string | undefined {
    return this.items.findLast((item) => item.message.cursor)?.message.cursor;
  }

  #failed(error: unknown): void {
    if (isProblem(error) && error.status === 401) this.events.unauthorised?.();
  }

  #changed(): void {
    this.events.changed();
  }
}
