// A records system's webhook receiver (node:http on 127.0.0.1) that verifies every POST as the
// SDK README says to, and answers 400 when it must not trust it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '../../src/index.js';
import { verifyWebhook, WebhookVerificationError } from '../../src/webhooks.js';

/** One POST as it arrived. */
export interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the receiver has seen so far, and how to stop it. */
export interface WebhookReceiver {
  /** Where the service should post (a force's `webhookUrl`). */
  url: string;
  /** The secrets the receiver holds now, tried in turn; set it as a rotation goes on. */
  secrets: string[];
  /** Each delivery verified, with the secret that verified it. */
  verified: Array<{ event: WebhookEvent; with: string }>;
  /** Why each refused verification failed. */
  refused: string[];
  deliveries: Delivery[];
  close(): Promise<void>;
}

/** @returns a receiver listening on a free port */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = { secrets: [], verified: [], refused: [], deliveries: [] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.deliveries.push({ headers: request.headers, body });
      for (const secret of receiver.secrets) {
        try {
          receiver.verified.push({ event: verifyWebhook(body, request.headers, secret), with: secret });
          response.writeHead(204).end();
          return;
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) throw error;
          receiver.refused.push(error.message);
        }
      }
      response.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/victim-portal/webhooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
