import { describe, expect, it } from 'vitest';
import type { ForceCase, Officer, SignInChallenge, VictimCase, VictimCaseList, VictimSession } from '@victim-portal/contract';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, latestCode, uniqueEmail } from './support/journey.js';

describe('a victim follows their case from invite to sign-out', () => {
  it('officer, case, invite in the mailbox, redeem, list, read, sign out, then 401', async () => {
    const h = await harness();
    const force = await createTestForce(h.db, { portalUrl: 'https://www.kingsmoor.police.example/track-my-crime' });

    const officer = await call<Officer>(h.url, 'putOfficer', '/v1/officers/4521', {
      method: 'PUT',
      token: force.apiKey,
      json: { displayName: 'DC Sam Patel', rank: 'detective_constable', team: 'CID' },
    });
    expect(officer.status).toBe(200);
    expect(officer.body).toEqual({ collarNumber: '4521', displayName: 'DC Sam Patel', rank: 'detective_constable', team: 'CID', absence: null });

    const email = uniqueEmail();
    const body = caseBody({ email, preferredChannel: 'email' }, { officerInCharge: { collarNumber: '4521' } });
    const created = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/cases/${created.body.id}`);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toMatchObject({
      crimeReference: body.crimeReference,
      status: 'under_investigation',
      officerInCharge: { collarNumber: '4521', displayName: 'DC Sam Patel', rank: 'detective_constable' },
      invite: { sent: true, channel: 'email' },
    });

    await h.server.deliverNotifications();
    const mailbox = await fetch(`${h.url}/dev/mailbox.json`).then((r) => r.json() as Promise<{ messages: Array<{ to: string; link: string; body: string }> }>);
    const message = mailbox.messages.find((m) => m.to === email);
    expect(message?.link).toMatch(/^https:\/\/www\.kingsmoor\.police\.example\/track-my-crime#invite=vpi_[A-Za-z0-9_-]{43}$/);
    // Notifications never carry case content.
    expect(message?.body).not.toContain(body.crimeReference);
    expect(message?.body).not.toContain('Burglary');
    const token = new URL(message?.link ?? '').hash.slice('#invite='.length);

    const challenge = await call<SignInChallenge>(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token } });
    expect(challenge.body).toMatchObject({ method: 'one_time_code', sentVia: 'email', attemptsLeft: 5 });
    const answer = await latestCode(h);
    const session = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
    expect(session.status).toBe(201);
    expect(session.body.sessionToken).toMatch(/^vps_/);
    expect(session.body.idleTimeoutSeconds).toBe(900);
    const sessionToken = session.body.sessionToken;

    const list = await call<VictimCaseList>(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.body.items.map((c) => c.id)).toEqual([created.body.id]);

    const read = await call<VictimCase>(h.url, 'getMyCase', `/v1/me/cases/${created.body.id}`, { token: sessionToken });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: created.body.id,
      crimeReference: body.crimeReference,
      crimeType: 'Burglary of a home',
      reportedAt: '2024-05-01T09:30:00.000Z',
      reportedVia: 'phone_101',
      status: 'under_investigation',
      officerInCharge: { collarNumber: '4521', displayName: 'DC Sam Patel', rank: 'detective_constable' },
      nextUpdateDue: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // The case was just created (its last contact): the force's default of 28 days from today,
    // moved on to a working day when it falls on a weekend or bank holiday (at most 4 days).
    const daysAhead = (Date.parse(read.body.nextUpdateDue ?? '') - Date.now()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(26);
    expect(daysAhead).toBeLessThan(33);

    const signedOut = await call(h.url, 'signOut', '/v1/me/session', { method: 'DELETE', token: sessionToken });
    expect(signedOut.status).toBe(204);

    const after = await call(h.url, 'getMyCase', `/v1/me/cases/${created.body.id}`, { token: sessionToken });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ type: 'urn:victim-portal:problem:unauthenticated' });
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers the health check', async () => {
    const h = await harness();
    const health = await call(h.url, 'getHealth', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('says how to report a security problem (RFC 9116)', async () => {
    const h = await harness();
    const response = await call<string>(h.url, 'getSecurityTxt', '/.well-known/security.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/^Contact: \S+$/m);
    const expires = Date.parse(/^Expires: (.+)$/m.exec(response.body)?.[1] ?? '');
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 365 * 86_400_000);
  });
});
