import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One POST the receiver got. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  contentType: string | undefined;
  /** The raw body, as signed. */
  body: string;
  /** The status the receiver answered. */
  status: number;
}

export interface FakeWebhookReceiver {
  /** The URL to set as the force's webhookUrl. */
  url: string;
  received: ReceivedWebhook[];
  /** Those answered 2xx. */
  accepted(): ReceivedWebhook[];
  /** Answer the next `times` posts with this status. */
  failNext(status: number, times?: number): void;
  /** Hold every post open without answering (a receiver that hangs) until `recover()`. */
  hang(): void;
  recover(): void;
  close(): Promise<void>;
}

/**
 * Verify a received webhook as a records system would, with the official Standard Webhooks
 * package. @returns the parsed body; throws when no signature matches or the timestamp is stale
 */
export function verifyWith(secret: string, webhook: ReceivedWebhook): unknown {
  return new Webhook(secret).verify(webhook.body, { 'webhook-id': webhook.id, 'webhook-timestamp': webhook.timestamp, 'webhook-signature': webhook.signature });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A records system's webhook endpoint on 127.0.0.1: records each POST, and can fail or hang. */
export async function startFakeWebhookReceiver(): Promise<FakeWebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const failures: number[] = [];
  let hanging = false;
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      if (hanging) return;
      const status = failures.shift() ?? 200;
      const header = (name: string) => String(request.headers[name] ?? '');
      received.push({ id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), contentType: request.headers['content-type'], body, status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/victim-portal`,
    received,
    accepted: () => received.filter((r) => r.status >= 200 && r.status < 300),
    failNext(status, times = 1) {
      for (let n = 0; n < times; n++) failures.push(status);
    },
    hang() {
      hanging = true;
    },
    recover() {
      hanging = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
