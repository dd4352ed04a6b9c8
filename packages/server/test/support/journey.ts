import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CaseCreate, ForceCase, SignInChallenge, VictimCreate, VictimSession } from '@victim-portal/contract';
import { createTestForce, createTestOfficer, inviteTokenFrom, type TestForce } from '../../src/testing.js';
import { call } from './api.js';
import type { Harness } from './harness.js';

/** A fresh email address, so each test finds its own invite in the shared dev mailbox. */
export function uniqueEmail(): string {
  return `victim-${randomUUID().slice(0, 8)}@example.com`;
}

let references = 0;
/** A case body with a crime reference not used before in this run. */
export function caseBody(victim: Partial<VictimCreate> = {}, extra: Partial<CaseCreate> = {}): CaseCreate {
  references++;
  return {
    crimeReference: `TS/24/${String(Date.now() % 1e7).padStart(7, '0')}${references}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: '2024-05-01T09:30:00.000Z',
    reportedVia: 'phone_101',
    victim: { givenName: 'Alex', familyName: 'Morgan', email: uniqueEmail(), ...victim },
    ...extra,
  };
}

/** A new force with an officer. */
export async function forceWithOfficer(h: Harness): Promise<TestForce & { collarNumber: string }> {
  const force = await createTestForce(h.db);
  const officer = await createTestOfficer(h.db, force.forceId);
  return { ...force, collarNumber: officer.collarNumber };
}

/** Create a case through the API, expecting 201. */
export async function createCase(h: Harness, force: TestForce, body: CaseCreate): Promise<ForceCase> {
  const response = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** The invite token the dev mailbox received for an address, after delivering the outbox. */
export async function inviteTokenFor(h: Harness, to: string): Promise<string> {
  await h.server.deliverNotifications();
  const link = h.server.mailbox?.messages().find((message) => message.to === to && message.link?.includes('#invite='))?.link;
  expect(link, `an invite for ${to} in the dev mailbox`).toBeTruthy();
  return inviteTokenFrom(link as string);
}

/** The newest one-time code in the dev mailbox, after delivering the outbox. */
export async function latestCode(h: Harness): Promise<string> {
  await h.server.deliverNotifications();
  const message = h.server.mailbox?.messages().find((m) => !m.link && /\b\d{6}\b/.test(m.body));
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
  expect(code, 'a one-time code in the dev mailbox').toBeTruthy();
  return code as string;
}

/** Answer the invite's second factor (a one-time code unless the force chose otherwise). */
export async function answerFor(h: Harness, token: string): Promise<string> {
  const challenge = await call<SignInChallenge>(h.url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token } });
  expect(challenge.status, challenge.text).toBe(200);
  if (challenge.body.method === 'one_time_code') return latestCode(h);
  throw new Error(`tests sign in with one-time codes, not ${challenge.body.method}`);
}

/** Redeem the victim's invite with its second factor, expecting a session. @returns the session token */
export async function signIn(h: Harness, to: string): Promise<string> {
  const token = await inviteTokenFor(h, to);
  const answer = await answerFor(h, token);
  const response = await call<VictimSession>(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token, answer } });
  expect(response.status, response.text).toBe(201);
  return response.body.sessionToken;
}

/** A force, a case with an invite, and the victim signed in. */
export async function signedInVictim(h: Harness, force?: TestForce & { collarNumber: string }) {
  const theForce = force ?? (await forceWithOfficer(h));
  const body = caseBody({}, { officerInCharge: { collarNumber: theForce.collarNumber } });
  const created = await createCase(h, theForce, body);
  const sessionToken = await signIn(h, body.victim.email as string);
  return { force: theForce, created, sessionToken, email: body.victim.email as string };
}
