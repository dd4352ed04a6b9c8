import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Preferences, VictimCreate, WebhookEvent } from '@victim-portal/contract';
import { createTestForce, createTestVictimSession } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, uniqueEmail } from './support/journey.js';

/** A victim with two cases of one force, and their session. */
async function victimWithTwoCases(victim: Partial<VictimCreate> = { email: uniqueEmail(), mobile: '+447700900123' }) {
  const h = await harness();
  const force = await createTestForce(h.db);
  const who = { externalRef: `P-${randomUUID()}`, ...victim };
  const first = await createCase(h, force, caseBody(who));
  const second = await createCase(h, force, caseBody(who));
  const session = await createTestVictimSession(h.db, force.forceId, first.id);
  return { h, force, cases: [first, second], session };
}

async function patch(session: string, json: unknown) {
  const h = await harness();
  return call<Preferences>(h.url, 'updateMyPreferences', '/v1/me/preferences', { method: 'PATCH', token: session, json });
}

async function read(session: string): Promise<Preferences> {
  const h = await harness();
  const response = await call<Preferences>(h.url, 'getMyPreferences', '/v1/me/preferences', { token: session });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function preferenceWebhooks(forceId: string): Promise<WebhookEvent[]> {
  const h = await harness();
  const rows = await h.db('outbox').where({ force_id: forceId, kind: 'webhook' }).orderBy('created_at').pluck<unknown[]>('payload');
  return rows.map((payload) => (typeof payload === 'string' ? JSON.parse(payload) : payload) as WebhookEvent).filter((event) => event.type === 'preferences.updated');
}

describe("a victim's preferences", () => {
  // Starting the shared server (and migrating its database) can take longer than one test may.
  beforeAll(() => harness());

  it('start from what the force holds, with the force’s update frequency', async () => {
    const { h, force, session } = await victimWithTwoCases();
    expect(await read(session)).toEqual({
      contactChannel: 'email', availableChannels: ['email', 'sms'], language: 'en', updateEveryDays: null,
      forceUpdateEveryDays: 28, quietHours: null, notifications: true,
    });
    const settings = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { defaultUpdateEveryDays: 14 } });
    expect(settings.status, settings.text).toBe(200);
    expect((await read(session)).forceUpdateEveryDays).toBe(14);
  });

  it('change, audited by field name only, and reach the records system once per case of the victim', async () => {
    const { h, force, cases, session } = await victimWithTwoCases();
    const changed = await patch(session, { contactChannel: 'sms', language: 'cy', updateEveryDays: 14, quietHours: { from: '21:30', until: '08:00' }, notifications: false });
    expect(changed.status, changed.text).toBe(200);
    const expected: Preferences = {
      contactChannel: 'sms', availableChannels: ['email', 'sms'], language: 'cy', updateEveryDays: 14,
      forceUpdateEveryDays: 28, quietHours: { from: '21:30', until: '08:00' }, notifications: false,
    };
    expect(changed.body).toEqual(expected);
    expect(await read(session)).toEqual(expected);

    const audit = await h.db('audit_log').where({ force_id: force.forceId, action: 'victim.preferences_updated' }).select('actor_type', 'subject_type', 'reason');
    expect(audit).toEqual([{ actor_type: 'victim', subject_type: 'victim', reason: 'victim changed their preferences: contactChannel, language, updateEveryDays, quietHours, notifications' }]);

    const webhooks = await preferenceWebhooks(force.forceId);
    expect(webhooks.map((event) => event.data).sort((a, b) => a.caseId.localeCompare(b.caseId))).toEqual(
      cases.map((c) => ({ caseId: c.id, crimeReference: c.crimeReference, preferences: expected })).sort((a, b) => a.caseId.localeCompare(b.caseId)),
    );
  });

  it('change only what is sent; clearing quiet hours and the update frequency, and a change to nothing new writes nothing', async () => {
    const { h, force, session } = await victimWithTwoCases();
    await patch(session, { quietHours: { from: '22:00', until: '07:00' }, updateEveryDays: 7 });
    const cleared = await patch(session, { quietHours: null, updateEveryDays: null });
    expect(cleared.body).toMatchObject({ quietHours: null, updateEveryDays: null, contactChannel: 'email', language: 'en', notifications: true });
    // A window that ends when it starts is none.
    const unchanged = await patch(session, { quietHours: { from: '09:00', until: '09:00' }, language: 'en', contactChannel: 'email' });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(cleared.body);
    expect((await preferenceWebhooks(force.forceId)).length).toBe(4);
    expect(await h.db('audit_log').where({ force_id: force.forceId, action: 'victim.preferences_updated' }).orderBy('id').pluck('reason')).toEqual([
      'victim changed their preferences: updateEveryDays, quietHours',
      'victim changed their preferences: updateEveryDays, quietHours',
    ]);
  });

  it('offer only the channels the force holds: choosing another is refused (422) and changes nothing', async () => {
    const { force, session } = await victimWithTwoCases({ email: uniqueEmail() });
    expect((await read(session)).availableChannels).toEqual(['email']);
    const refused = await patch(session, { contactChannel: 'sms', language: 'cy' });
    expect(refused.status).toBe(422);
    expect((refused.body as unknown as { type: string }).type).toBe('urn:victim-portal:problem:channel-unavailable');
    expect((await read(session)).language).toBe('en');
    expect(await preferenceWebhooks(force.forceId)).toEqual([]);
  });

  it('have no channel when the force holds none', async () => {
    const { session } = await victimWithTwoCases({ email: undefined });
    expect(await read(session)).toMatchObject({ contactChannel: null, availableChannels: [] });
  });

  it('refuse an empty change or values outside the contract (400), and callers without a session (401)', async () => {
    const { session } = await victimWithTwoCases();
    expect((await patch(session, {})).status).toBe(400);
    expect((await patch(session, { updateEveryDays: 3 })).status).toBe(400);
    expect((await patch(session, { quietHours: { from: '25:00', until: '07:00' } })).status).toBe(400);
    expect((await patch(session, { contactChannel: 'post' })).status).toBe(400);
    expect((await patch('vps_not-a-session', { language: 'cy' })).status).toBe(401);
    const h = await harness();
    expect((await call(h.url, 'getMyPreferences', '/v1/me/preferences')).status).toBe(401);
  });
});
