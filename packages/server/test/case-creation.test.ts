import { describe, expect, it } from 'vitest';
import type { ForceCase, VictimCaseList } from '@victim-portal/contract';
import { createTestForce, createTestOfficer } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer, signIn, uniqueEmail } from './support/journey.js';

type Problem = { type: string };

async function count(table: string, forceId: string): Promise<number> {
  const h = await harness();
  const [row] = await h.db(table).where({ force_id: forceId }).count<{ count: string | number }[]>('* as count');
  return Number(row?.count);
}

describe('a records system creates a case', () => {
  it('stores it, says where it is, and reads back the same', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody({ externalRef: 'P-1', mobile: '+447700900456', language: 'cy' }, { officerInCharge: { collarNumber: force.collarNumber } });
    const created = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(created.status).toBe(201);
    expect(created.body.victim).toEqual({
      externalRef: 'P-1',
      givenName: 'Alex',
      familyName: 'Morgan',
      email: body.victim.email,
      mobile: '+447700900456',
      preferredChannel: null,
      dateOfBirth: null,
      postcode: null,
      language: 'cy',
    });
    expect(created.body.riskFlags).toEqual([]);
    const location = created.headers.get('location') as string;
    const read = await call<ForceCase>(h.url, 'getCase', location, { token: force.apiKey });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it.each([
    ['email, as preferred', { email: 'a@example.com', mobile: '+447700900001', preferredChannel: 'email' }, 'email'],
    ['sms, as preferred', { email: 'a@example.com', mobile: '+447700900001', preferredChannel: 'sms' }, 'sms'],
    ['email, when sms is preferred but there is no mobile', { email: 'a@example.com', preferredChannel: 'sms' }, 'email'],
    ['sms, when only a mobile is known', { email: undefined, mobile: '+447700900001' }, 'sms'],
  ] as const)('invites by %s', async (_name, contact, channel) => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const created = await createCase(h, force, caseBody({ ...contact }));
    expect(created.invite).toMatchObject({ sent: true, status: 'pending', channel });
    const expiresIn = new Date(created.invite.expiresAt as string).getTime() - Date.now();
    expect(Math.round(expiresIn / 86_400_000)).toBe(14);
    expect(await count('invites', force.forceId)).toBe(1);
    expect(await count('outbox', force.forceId)).toBe(1);
  });

  it('still stores the case when the victim cannot be reached, and says why there is no invite', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const created = await createCase(h, force, caseBody({ email: undefined }));
    expect(created.invite).toEqual({ sent: false, status: 'not_sent', notSentReason: 'no_contact_channel' });
    expect(await count('cases', force.forceId)).toBe(1);
    expect(await count('invites', force.forceId)).toBe(0);
    expect(await count('outbox', force.forceId)).toBe(0);
  });

  it('refuses a crime reference the force already used (409), leaving nothing behind; another force may use it', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const first = caseBody();
    await createCase(h, force, first);
    const again = await call<Problem>(h.url, 'createCase', '/v1/cases', {
      token: force.apiKey,
      json: caseBody({ externalRef: 'someone-else' }, { crimeReference: first.crimeReference }),
    });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:victim-portal:problem:crime-reference-exists');
    expect(await count('cases', force.forceId)).toBe(1);
    expect(await count('victims', force.forceId)).toBe(1);
    expect(await count('invites', force.forceId)).toBe(1);

    const other = await forceWithOfficer(h);
    await createCase(h, other, caseBody({}, { crimeReference: first.crimeReference }));
  });

  it("refuses an officer in charge the force has not stored (422), even if another force has that collar number", async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const elsewhere = await createTestForce(h.db);
    const officer = await createTestOfficer(h.db, elsewhere.forceId);
    const response = await call<Problem>(h.url, 'createCase', '/v1/cases', {
      token: force.apiKey,
      json: caseBody({}, { officerInCharge: { collarNumber: officer.collarNumber } }),
    });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('urn:victim-portal:problem:unknown-officer');
    for (const table of ['cases', 'victims', 'invites', 'outbox', 'audit_log']) expect(await count(table, force.forceId), table).toBe(0);
  });

  it('gives cases with the same externalRef one victim account, updated to the latest details', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const firstEmail = uniqueEmail();
    const latestEmail = uniqueEmail();
    const first = await createCase(h, force, caseBody({ externalRef: 'KM-P-7', email: firstEmail, givenName: 'Sam' }));
    const second = await createCase(h, force, caseBody({ externalRef: 'KM-P-7', email: latestEmail, givenName: 'Samira' }));
    expect(await count('victims', force.forceId)).toBe(1);
    expect(second.victim).toMatchObject({ givenName: 'Samira', email: latestEmail });

    const sessionToken = await signIn(h, latestEmail);
    const mine = await call<VictimCaseList>(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken });
    expect(mine.body.items.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('lists a victim’s cases newest report first', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const email = uniqueEmail();
    const older = await createCase(h, force, caseBody({ externalRef: 'P-9', email }, { reportedAt: '2024-01-01T10:00:00Z' }));
    const newer = await createCase(h, force, caseBody({ externalRef: 'P-9', email }, { reportedAt: '2024-03-01T10:00:00+01:00' }));
    const sessionToken = await signIn(h, email);
    const mine = await call<VictimCaseList>(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken });
    expect(mine.body.items.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(mine.body.items[0]?.reportedAt).toBe('2024-03-01T09:00:00.000Z');
  });
});
