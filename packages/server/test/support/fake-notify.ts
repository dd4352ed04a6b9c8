import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake accepted or refused. */
export interface NotifyRequest {
  path: string;
  body: {
    template_id?: string;
    email_address?: string;
    phone_number?: string;
    personalisation?: Record<string, unknown>;
    reference?: string;
    email_reply_to_id?: string;
    sms_sender_id?: string;
  };
  /** The status the fake answered. */
  status: number;
  /** The notification id it gave, when it accepted. */
  id?: string;
}

export interface FakeNotify {
  /** Give this to NotifySender as baseUrl. */
  url: string;
  /** A key of the form Notify issues, which the fake checks the client's JWT against. */
  apiKey: string;
  requests: NotifyRequest[];
  /** What the fake accepted (status 201). */
  accepted(): NotifyRequest[];
  /** Answer every request with this status until `recover()`. */
  failWith(status: 400 | 403 | 429 | 500): void;
  recover(): void;
  /**
   * Leave accepted messages out of GET /v2/notifications?reference=… answers, as if Notify had
   * not stored them yet when asked (the rest of the duplicate window).
   */
  hideFromLookups(hide: boolean): void;
  /** Stop listening (the provider is unreachable); `reopen()` listens on the same port again. */
  close(): Promise<void>;
  reopen(): Promise<void>;
}

const errorNames: Record<number, string> = { 400: 'BadRequestError', 403: 'AuthError', 429: 'RateLimitError', 500: 'Exception' };

function decode(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** Checks the bearer token as Notify does: HS256 with the key's secret, `iss` the service id, fresh `iat`. */
function validBearer(header: string | undefined, serviceId: string, secret: string): boolean {
  const [, token] = /^Bearer (.+)$/.exec(header ?? '') ?? [];
  const [head, claims, signature] = token?.split('.') ?? [];
  if (!head || !claims || !signature) return false;
  const expected = createHmac('sha256', secret).update(`${head}.${claims}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const { alg } = decode(head) as { alg?: string };
  const { iss, iat } = decode(claims) as { iss?: string; iat?: number };
  return alg === 'HS256' && iss === serviceId && typeof iat === 'number' && Math.abs(Date.now() / 1000 - iat) <= 30;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * A local stand-in for the GOV.UK Notify API on 127.0.0.1 (POST /v2/notifications/email and
 * /sms, GET /v2/notifications?reference=…): checks the JWT the official client sends, records
 * each request, and can be told to fail. `templates` maps template ids to the personalisation each needs, as Notify checks.
 */
export async function startFakeNotify(templates: Record<string, readonly string[]> = {}): Promise<FakeNotify> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const requests: NotifyRequest[] = [];
  let failing: number | undefined;
  let hiding = false;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const path = request.url ?? '';
    const body = (raw ? JSON.parse(raw) : {}) as NotifyRequest['body'];
    const refuse = (status: number, message: string) => {
      requests.push({ path, body, status });
      answer(response, status, { status_code: status, errors: [{ error: status === 400 && message.startsWith('Missing') ? 'ValidationError' : errorNames[status], message }] });
    };
    if (!validBearer(request.headers.authorization, serviceId, secret)) return refuse(403, 'Invalid token: signature, api token not found');
    if (failing) return refuse(failing, `Told to fail with ${failing}`);
    const query = new URL(path, 'http://fake').searchParams;
    if (request.method === 'GET' && path.startsWith('/v2/notifications?')) {
      const reference = query.get('reference');
      const found = hiding ? [] : requests.filter((r) => r.status === 201 && r.body.reference === reference);
      requests.push({ path, body: {}, status: 200 });
      return answer(response, 200, { notifications: found.map((r) => ({ id: r.id, reference, status: 'created' })), links: { current: path } });
    }
    if (request.method !== 'POST' || !['/v2/notifications/email', '/v2/notifications/sms'].includes(path)) return refuse(400, 'Not a route of this fake');
    const needs = body.template_id ? templates[body.template_id] : undefined;
    if (!needs) return refuse(400, 'Template not found');
    const missing = needs.filter((key) => typeof body.personalisation?.[key] !== 'string');
    if (missing.length > 0) return refuse(400, `Missing personalisation: ${missing.join(', ')}`);
    const id = randomUUID();
    requests.push({ path, body, status: 201, id });
    answer(response, 201, { id, reference: body.reference ?? null, content: { body: '(rendered by Notify)' }, uri: `/v2/notifications/${id}`, template: { id: body.template_id, version: 1 } });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => answer(response, 500, { status_code: 500, errors: [{ error: 'Exception', message: 'fake failed' }] }));
  });
  const port = await listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: `vp_test-${serviceId}-${secret}`,
    requests,
    accepted: () => requests.filter((r) => r.status === 201),
    failWith(status) {
      failing = status;
    },
    recover() {
      failing = undefined;
    },
    hideFromLookups(hide) {
      hiding = hide;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    reopen: async () => {
      await listen(server, port);
    },
  };
}
