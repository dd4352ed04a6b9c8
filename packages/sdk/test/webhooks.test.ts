// verifyWebhook against deliveries signed by the official Standard Webhooks library, as the
// service signs them. No server needed: the signature is the whole contract here.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../src/webhooks.js';
import * as entry from '../src/webhooks.js';
import type { WebhookEvent } from '../src/index.js';

const event: WebhookEvent = {
  type: 'message.created',
  timestamp: '2026-12-01T08:00:00.000Z',
  data: {
    caseId: '6a1f7c9e-0000-4000-8000-000000000001',
    crimeReference: 'KN/24/0012345',
    message: {
      id: '0b4d3c2a-0000-4000-8000-000000000002',
      cursor: '42',
      caseId: '6a1f7c9e-0000-4000-8000-000000000001',
      kind: 'text',
      author: { type: 'victim' },
      body: 'Has anyone looked at the doorbell footage?',
      sentAt: '2026-12-01T08:00:00.000Z',
      readAt: null,
    },
  },
};
const body = JSON.stringify(event);
const sentAt = new Date('2026-12-01T08:00:00Z');
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The three headers of a delivery signed with each of `secrets` at `at`. */
function signed(secrets: string[], at = sentAt, id = 'msg_2f0c9d'): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signatures.join(' ') };
}

/** @returns the error verifyWebhook threw (failing the test when it did not throw) */
function refusal(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error('verifyWebhook accepted it');
}

describe('verifyWebhook', () => {
  it('accepts a delivery signed with the secret and returns the typed event', () => {
    const secret = newSecret();
    expect(verifyWebhook(body, signed([secret]), secret, { now: sentAt })).toEqual(event);
  });

  it('reads Fetch Headers and Node header records alike, names in any case', () => {
    const secret = newSecret();
    const headers = signed([secret]);
    expect(verifyWebhook(body, new Headers(headers), secret, { now: sentAt })).toEqual(event);
    const shouting = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), [value]]));
    expect(verifyWebhook(body, shouting, secret, { now: sentAt })).toEqual(event);
  });

  it('is also the separate @victim-portal/sdk/webhooks entry', () => {
    expect(entry.verifyWebhook).toBe(verifyWebhook);
    expect(entry.WebhookVerificationError).toBe(WebhookVerificationError);
  });

  it('refuses a tampered body', () => {
    const secret = newSecret();
    const tampered = body.replace('doorbell', 'dashcam');
    expect(refusal(() => verifyWebhook(tampered, signed([secret]), secret, { now: sentAt })).message).toMatch(/No webhook-signature matches/);
  });

  it('refuses a delivery signed with another secret', () => {
    expect(refusal(() => verifyWebhook(body, signed([newSecret()]), newSecret(), { now: sentAt })).message).toMatch(/No webhook-signature matches/);
  });

  it('refuses a signature moved to another webhook-id', () => {
    const secret = newSecret();
    const headers = { ...signed([secret]), 'webhook-id': 'msg_other' };
    expect(refusal(() => verifyWebhook(body, headers, secret, { now: sentAt })).message).toMatch(/No webhook-signature matches/);
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('refuses a delivery without %s', (name) => {
    const secret = newSecret();
    const headers: Record<string, string> = signed([secret]);
    delete headers[name];
    expect(refusal(() => verifyWebhook(body, headers, secret, { now: sentAt })).message).toContain(`no ${name} header`);
  });

  it('refuses a replay: a timestamp older than the tolerance', () => {
    const secret = newSecret();
    const headers = signed([secret]);
    const sixMinutesLater = new Date(sentAt.getTime() + 6 * 60_000);
    expect(refusal(() => verifyWebhook(body, headers, secret, { now: sixMinutesLater })).message).toMatch(/signed 360 s ago, more than the 300 s allowed/);
    // Within a wider tolerance the same delivery is fine.
    expect(verifyWebhook(body, headers, secret, { now: sixMinutesLater, toleranceSeconds: 600 })).toEqual(event);
  });

  it('refuses a timestamp further in the future than the tolerance', () => {
    const secret = newSecret();
    const headers = signed([secret], new Date(sentAt.getTime() + 10 * 60_000));
    expect(refusal(() => verifyWebhook(body, headers, secret, { now: sentAt })).message).toMatch(/600 s in the future/);
    expect(verifyWebhook(body, headers, secret, { now: sentAt, toleranceSeconds: 900 })).toEqual(event);
  });

  it('refuses a timestamp that is not a number of seconds', () => {
    const secret = newSecret();
    const headers = { ...signed([secret]), 'webhook-timestamp': '2026-12-01T08:00:00Z' };
    expect(refusal(() => verifyWebhook(body, headers, secret, { now: sentAt })).message).toMatch(/not a time in seconds/);
  });

  it('checks against the real clock when no `now` is given', () => {
    const secret = newSecret();
    expect(verifyWebhook(body, signed([secret], new Date()), secret)).toEqual(event);
    expect(refusal(() => verifyWebhook(body, signed([secret], new Date(Date.now() - 10 * 60_000)), secret)).message).toMatch(/ago, more than the 300 s allowed/);
  });

  it('during a secret rotation, accepts either of two signatures', () => {
    const previous = newSecret();
    const next = newSecret();
    const headers = signed([next, previous]);
    expect(verifyWebhook(body, headers, previous, { now: sentAt })).toEqual(event);
    expect(verifyWebhook(body, headers, next, { now: sentAt })).toEqual(event);
    expect(() => verifyWebhook(body, headers, newSecret(), { now: sentAt })).toThrow(WebhookVerificationError);
  });

  it('ignores signatures of versions it does not know', () => {
    const secret = newSecret();
    const headers = signed([secret]);
    const v2Only = { ...headers, 'webhook-signature': headers['webhook-signature']!.replace(/^v1,/, 'v2,') };
    expect(() => verifyWebhook(body, v2Only, secret, { now: sentAt })).toThrow(WebhookVerificationError);
    const both = { ...headers, 'webhook-signature': `v1a,AAAA ${headers['webhook-signature']}` };
    expect(verifyWebhook(body, both, secret, { now: sentAt })).toEqual(event);
  });

  it('refuses a correctly signed body that is not a Victim Portal event', () => {
    const secret = newSecret();
    const other = JSON.stringify({ type: 'invoice.paid', data: {} });
    const id = 'msg_x';
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(sentAt.getTime() / 1000), 'webhook-signature': new Webhook(secret).sign(id, sentAt, other) };
    expect(refusal(() => verifyWebhook(other, headers, secret, { now: sentAt })).message).toMatch(/not a Victim Portal event/);
  });

  it('says a malformed secret is a configuration error, not a bad webhook', () => {
    const secret = newSecret();
    expect(() => verifyWebhook(body, signed([secret]), '', { now: sentAt })).toThrow(TypeError);
  });
});
