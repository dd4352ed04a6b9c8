// A records system's webhook endpoint, as a vendor would write it: a small HTTP server on
// 127.0.0.1 that checks each POST with the SDK's verifyWebhook (Standard Webhooks signature,
// timestamp) before it believes it, and keeps the events it accepted.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '@victim-portal/sdk';
import { verifyWebhook } from '@victim-portal/sdk/webhooks';

export interface RecordsSystemReceiver {
  /** The URL to set as the force's `webhookUrl`. */
  url: string;
  /** Events whose signature checked out, in the order they came. */
  accepted: WebhookEvent[];
  /** Why any POST was refused (a bad signature, a stale timestamp): should stay empty. */
  refused: string[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * @param secret a function giving the force's current webhook secret (it is rotated after the receiver starts)
 * @returns the running receiver
 */
export async function startRecordsSystemReceiver(secret: () => string): Promise<RecordsSystemReceiver> {
  const accepted: WebhookEvent[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      try {
        accepted.push(verifyWebhook(body, request.headers, secret()));
        response.writeHead(204).end();
      } catch (error) {
        refused.push(error instanceof Error ? error.message : String(error));
        response.writeHead(400, { 'content-type': 'text/plain' }).end('not verified');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/victim-portal`,
    accepted,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
