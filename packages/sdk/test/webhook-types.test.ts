// verifyWebhook on each webhook type added with the timeline (issue 5), signed by the official
// Standard Webhooks library as the service signs them. Each body is typed as the contract's
// WebhookEvent, so a body that drifts from the contract fails the typecheck.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../src/index.js';
import { verifyWebhook, WebhookVerificationError, type WebhookEventType } from '../src/webhooks.js';

const caseId = '6a1f7c9e-0000-4000-8000-000000000001';
const crimeReference = 'KN/24/0012345';
const timestamp = '2026-12-01T08:00:00.000Z';
const sentAt = new Date(timestamp);

const referral = {
  id: '0b4d3c2a-0000-4000-8000-000000000010', caseId, serviceKey: 'victim-support-kent', serviceName: 'Victim Support Kent',
  requestedAt: timestamp, dueBy: '2026-12-03T08:00:00.000Z', referredAt: null,
};
const toldEvent = {
  id: '0b4d3c2a-0000-4000-8000-000000000011', caseId, type: 'suspect_arrested' as const, occurredAt: '2026-11-30T16:00:00.000Z', victimVisible: true,
  keyDecision: true, victimText: 'A suspect has been arrested.', officerText: null, outcomeCode: null, dueBy: '2026-12-07T16:00:00.000Z',
  toldAt: timestamp, toldBy: 'portal' as const, duty: 'met' as const, recordedAt: '2026-11-30T16:05:00.000Z',
};

/** One body for each new type, with the field that type carries. */
const bodies: Record<'support.referral_requested' | 'preferences.updated' | 'victim.told' | 'duty.due_soon', WebhookEvent> = {
  'support.referral_requested': { type: 'support.referral_requested', timestamp, data: { caseId, crimeReference, referral } },
  'preferences.updated': {
    type: 'preferences.updated',
    timestamp,
    data: {
      caseId,
      crimeReference,
      preferences: { contactChannel: 'sms', availableChannels: ['email', 'sms'], language: 'cy', updateEveryDays: 14, forceUpdateEveryDays: 28, quietHours: { from: '21:00', until: '08:00' }, notifications: true },
    },
  },
  'victim.told': { type: 'victim.told', timestamp, data: { caseId, crimeReference, event: toldEvent } },
  'duty.due_soon': {
    type: 'duty.due_soon',
    timestamp,
    data: {
      caseId,
      crimeReference,
      duty: {
        kind: 'tell_victim', caseId, crimeReference, officerInCharge: { displayName: 'DC Sam Patel', rank: 'detective_constable', collarNumber: '4521' },
        eventId: toldEvent.id, eventType: 'suspect_arrested', dueBy: toldEvent.dueBy, overdue: false,
      },
    },
  },
};

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The three headers of a delivery of `body` signed with `secret`. */
function signed(body: string, secret: string, id = `msg_${randomBytes(6).toString('hex')}`): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, sentAt, body) };
}

describe('verifyWebhook: the timeline, support and preferences webhooks', () => {
  it.each(Object.entries(bodies))('verifies a signed %s and returns it typed', (type, event) => {
    const secret = newSecret();
    const body = JSON.stringify(event);
    const verified = verifyWebhook(body, signed(body, secret), secret, { now: sentAt });
    expect(verified).toEqual(event);
    const kind: WebhookEventType = verified.type;
    expect(kind).toBe(type);
    // The same body with one character changed, or under another secret, is refused.
    expect(() => verifyWebhook(body.replace(crimeReference, 'KN/24/0012346'), signed(body, secret), secret, { now: sentAt })).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(body, signed(body, newSecret()), secret, { now: sentAt })).toThrow(WebhookVerificationError);
  });

  it.each([
    ['support.referral_requested', 'referral'],
    ['preferences.updated', 'preferences'],
    ['victim.told', 'event'],
    ['duty.due_soon', 'duty'],
  ] as const)('refuses a signed %s without its %s', (type, field) => {
    const secret = newSecret();
    const data: Record<string, unknown> = { ...bodies[type].data };
    delete data[field];
    const body = JSON.stringify({ type, timestamp, data });
    expect(() => verifyWebhook(body, signed(body, secret), secret, { now: sentAt })).toThrow(/not a Victim Portal event/);
  });
});
