import type { Message, OfficerInCharge, ReadState } from '@victim-portal/sdk';
import { type FakeAnswer, type FakeApi, type ReceivedRequest } from './fake-api.js';
import { FakeStream } from './fake-stream.js';

/** Whose side of the API a fake thread answers: the victim's (`/v1/me`) or the officer's. */
export type Side = 'victim' | 'officer';

/**
 * One case's thread held by a fake service: answers list (with `after`), send, update request
 * and read receipts on FakeApi as the real service does (idempotent by id, cursors in order),
 * and pushes each new message into the live stream like the service.
 */
export class FakeThread {
  readonly messages: Message[];
  read: ReadState = { victim: null, officer: null };
  readonly stream = new FakeStream();
  #cursor: number;

  constructor(
    readonly caseId: string,
    messages: Message[],
    public officerInCharge: OfficerInCharge | null = null,
  ) {
    this.messages = [...messages];
    this.#cursor = Math.max(100, ...messages.map((message) => Number(message.cursor)));
  }

  /** Adds this thread's routes (and the stream's) to `api`, on the victim's or officer's side. */
  install(api: FakeApi, side: Side, options: { stream?: boolean } = {}): FakeApi {
    const base = side === 'victim' ? `/v1/me/cases/${this.caseId}` : `/v1/officer/cases/${this.caseId}`;
    api.on(`GET ${base}/messages`, (request) => this.#page(request));
    api.on(`POST ${base}/messages`, (request) => this.#create(request, side, 'text'));
    api.on(`POST ${base}/messages/read`, (request) => {
      const { upTo } = request.body as { upTo: string };
      this.read = { ...this.read, [side]: upTo };
      return { status: 200, body: this.read };
    });
    if (side === 'victim') api.on(`POST ${base}/update-requests`, (request) => this.#create(request, side, 'update_request'));
    if (options.stream !== false) api.on(side === 'victim' ? 'GET /v1/me/stream' : 'GET /v1/officer/stream', this.stream.route);
    return api;
  }

  /** Stores a message from `author` (as the other side writing) and sends it down the stream. */
  add(message: Omit<Message, 'cursor' | 'caseId' | 'sentAt' | 'readAt'> & Partial<Message>, live = true): Message {
    const stored: Message = { sentAt: new Date().toISOString(), readAt: null, ...message, caseId: this.caseId, cursor: this.#nextCursor() };
    this.messages.push(stored);
    if (live) this.stream.send({ type: 'message.created', caseId: this.caseId, message: stored }, stored.cursor);
    return stored;
  }

  #nextCursor(): string {
    this.#cursor += 1;
    return String(this.#cursor);
  }

  #page(request: ReceivedRequest): FakeAnswer {
    const after = new URL(request.url).searchParams.get('after');
    const items = this.messages.filter((message) => !after || Number(message.cursor) > Number(after));
    return { status: 200, body: { items, nextCursor: null, read: this.read, officerInCharge: this.officerInCharge } };
  }

  #create(request: ReceivedRequest, side: Side, kind: 'text' | 'update_request'): FakeAnswer {
    const body = request.body as { id: string; body?: string; note?: string };
    const known = this.messages.find((message) => message.id === body.id);
    if (known) return { status: 200, body: known };
    const author = side === 'victim' ? { type: 'victim' as const } : { type: 'officer' as const, ...(this.officerInCharge ? { officer: this.officerInCharge } : {}) };
    const stored = this.add({ id: body.id, kind, author, body: kind === 'text' ? (body.body ?? '') : (body.note ?? null) });
    return { status: 201, body: stored };
  }
}
