import { isProblem, type Message, type OfficerCase, type OfficerInCharge, type ReadState } from '@victim-portal/sdk';
import { arrivedWords, deliveryWords } from '../messages/message-words.js';
import { isAfter, type StreamStatus, type ThreadListener, type ThreadService, type ThreadSubscription } from '../messages/thread-api.js';
import { Thread } from '../messages/thread.js';

/** What the inbox needs from the SDK's `OfficerClient`. */
export interface OfficerService extends ThreadService {
  listCases(): Promise<{ officer: OfficerInCharge; items: OfficerCase[] }>;
  subscribe(listener: ThreadListener & { onEvent?(...args: never[]): void }, options?: { lastEventId?: string }): ThreadSubscription;
}

/** What the inbox tells its element. */
export interface InboxEvents {
  changed(): void;
  sent(message: Message): void;
}

/**
 * The officer's inbox: their cases with unread counts and pending update requests, one thread
 * per case opened (kept while the inbox lives, so a draft or a failed reply survives going back
 * to the list), and one live stream for all of them. A message on a case that is not open bumps
 * that case's counts; on the open case it joins the thread, which marks it read.
 */
export class Inbox {
  state: 'loading' | 'ready' | 'failed' = 'loading';
  cases: OfficerCase[] = [];
  officer: OfficerInCharge | undefined;
  stream: StreamStatus = 'connecting';
  /** The request id of the last failure, to quote to support. */
  requestId: string | undefined;
  #open: Thread | undefined;
  readonly #threads = new Map<string, Thread>();
  #subscription: ThreadSubscription | undefined;

  constructor(
    readonly service: OfficerService,
    readonly events: InboxEvents,
  ) {}

  /** The case whose thread is open, if any. */
  get openThread(): Thread | undefined {
    return this.#open;
  }

  /** @returns the case with this id, from the list */
  caseOf(caseId: string): OfficerCase | undefined {
    return this.cases.find((officerCase) => officerCase.caseId === caseId);
  }

  /** Loads (or reloads) the officer's cases. */
  async loadCases(): Promise<void> {
    try {
      const list = await this.service.listCases();
      this.officer = list.officer;
      this.cases = list.items;
      this.state = 'ready';
    } catch (error) {
      this.requestId = isProblem(error) ? error.requestId : undefined;
      if (this.state !== 'ready') this.state = 'failed';
    }
    this.events.changed();
  }

  /** Opens a case's thread (loading it the first time, catching up after that). */
  open(caseId: string): Thread {
    let thread = this.#threads.get(caseId);
    if (!thread) {
      const officerCase = this.caseOf(caseId);
      const names = { victim: officerCase?.victimName ?? '', ownCollarNumber: this.officer?.collarNumber ?? '' };
      thread = new Thread(caseId, 'officer', this.service, {
        changed: () => this.#threadChanged(caseId),
        sent: (message) => this.events.sent(message),
        arrivedWords: (message) => arrivedWords(message, 'officer', names),
        deliveryWords,
      });
      this.#threads.set(caseId, thread);
      void thread.load();
    } else {
      void thread.resync();
    }
    thread.stream = this.stream;
    thread.shown = true;
    this.#open = thread;
    this.events.changed();
    return thread;
  }

  /** Back to the list: reloads it, so the counts are the service's. */
  close(): void {
    if (this.#open) this.#open.shown = false;
    this.#open = undefined;
    this.events.changed();
    void this.loadCases();
  }

  /** Follows the live stream for every case the officer may see. */
  subscribe(): void {
    this.#subscription ??= this.service.subscribe({
      onMessage: (message) => this.#receive(message),
      onRead: (caseId, read) => this.#receiveRead(caseId, read),
      onStatus: (status) => {
        const dropped = this.stream === 'reconnecting';
        this.stream = status;
        if (this.#open) this.#open.stream = status;
        if (status === 'open' && dropped) {
          void this.loadCases();
          void this.#open?.resync();
        }
        this.events.changed();
      },
    });
  }

  /** Stops following the stream. */
  unsubscribe(): void {
    this.#subscription?.close();
    this.#subscription = undefined;
  }

  #receive(message: Message): void {
    this.#threads.get(message.caseId)?.receive(message);
    const officerCase = this.caseOf(message.caseId);
    if (!officerCase) {
      // A case this officer has just been given or asked to cover.
      void this.loadCases();
      return;
    }
    const updated: OfficerCase = { ...officerCase, lastMessageAt: message.sentAt };
    if (message.author.type === 'officer') updated.pendingUpdateRequests = 0;
    if (message.author.type === 'victim' && this.#open?.caseId !== message.caseId) {
      updated.unreadCount += 1;
      if (message.kind === 'update_request') updated.pendingUpdateRequests += 1;
    }
    this.#replace(updated);
  }

  #receiveRead(caseId: string, read: ReadState): void {
    this.#threads.get(caseId)?.receiveRead(caseId, read);
  }

  #threadChanged(caseId: string): void {
    const thread = this.#threads.get(caseId);
    const officerCase = this.caseOf(caseId);
    // Once the officer has the thread open and read, its case has nothing unread.
    if (thread && officerCase && thread === this.#open && officerCase.unreadCount > 0 && readToTheEnd(thread)) {
      this.#replace({ ...officerCase, unreadCount: 0 });
      return;
    }
    this.events.changed();
  }

  #replace(updated: OfficerCase): void {
    this.cases = this.cases.map((officerCase) => (officerCase.caseId === updated.caseId ? updated : officerCase));
    this.events.changed();
  }
}

/** @returns whether the officers have read every victim message in the thread */
function readToTheEnd(thread: Thread): boolean {
  if (thread.state !== 'ready') return false;
  const newest = thread.items.findLast((item) => item.message.author.type === 'victim' && item.message.cursor)?.message.cursor;
  return !newest || !isAfter(newest, thread.read.officer);
}
