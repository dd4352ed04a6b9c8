// verifyWebhook on the real service's deliveries: a records system's receiver (node:http on
// 127.0.0.1) verifies every POST as the README says to, and answers 400 when it must not trust it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../src/index.js';
import { verifyWebhook, WebhookVerificationError } from '../src/webhooks.js';
import { newThread, useServer } from './support/world.js';

const server = useServer();

interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let receiver: Server;
let receiverUrl: string;
let secrets: string[] = [];
const verified: Array<{ event: WebhookEvent; with: string }> = [];
const refused: string[] = [];
const deliveries: Delivery[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      deliveries.push({ headers: request.headers, body });
      for (const secret of secrets) {
        try {
          verified.push({ event: verifyWebhook(body, request.headers, secret), with: secret });
          response.writeHead(204).end();
          return;
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) throw error;
          refused.push(error.message);
        }
      }
      response.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/victim-portal/webhooks`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

describe('verifyWebhook on the service’s deliveries', () => {
  it('verifies every event of a thread, with the secret before and after a rotation', async () => {
    const thread = await newThread(server());
    await thread.forceClient.updateForceSettings({ webhookUrl: receiverUrl });
    const { secret: first } = await thread.forceClient.rotateWebhookSecret();
    secrets = [first];
    await server().deliverNotifications();

    const question = await thread.victim().sendMessage(thread.theCase.id, 'Is the footage any use?');
    const update = await thread.victim().requestUpdate(thread.theCase.id);
    await thread.forceClient.markRead(thread.theCase.id, update.cursor);
    await server().deliverNotifications();
    expect(refused).toEqual([]);
    expect(verified.map((v) => v.event.type)).toEqual(['message.created', 'update.requested', 'message.read']);
    expect(verified[0]!.event.data).toMatchObject({ caseId: thread.theCase.id, crimeReference: thread.theCase.crimeReference, message: question });
    expect(verified[2]!.event.data).toMatchObject({ reader: 'officer', read: { officer: update.cursor } });

    // After a rotation the receiver may still hold only the previous secret, or already the new one.
    const { secret: next } = await thread.forceClient.rotateWebhookSecret();
    await server().deliverNotifications();
    for (const holding of [[first], [next]]) {
      secrets = holding;
      const before = verified.length;
      const reply = await thread.forceClient.sendMessage(thread.theCase.id, { body: `Answered while the receiver holds ${holding[0] === first ? 'the old' : 'the new'} secret` });
      await server().deliverNotifications();
      expect(refused).toEqual([]);
      expect(verified.slice(before).map((v) => [v.event.data.message?.id, v.with])).toEqual([[reply.id, holding[0]]]);
    }
    const last = deliveries.at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);

    // The same delivery replayed ten minutes later, or with its words changed, is refused.
    const later = new Date(Date.now() + 10 * 60_000);
    expect(() => verifyWebhook(last.body, last.headers, next, { now: later })).toThrow(/a replay/);
    expect(() => verifyWebhook(last.body.replace('Answered', 'Rewritten'), last.headers, next)).toThrow(WebhookVerificationError);
  });
});
