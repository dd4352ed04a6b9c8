import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CaseCreate, Message, ReadState, VictimCreate } from '@victim-portal/contract';
import { createTestForce, createTestOfficer, createTestOfficerToken, createTestVictimSession, type TestForce } from '../../src/testing.js';
import { call } from './api.js';
import type { Harness } from './harness.js';
import { caseBody, createCase } from './journey.js';

/** A force with one case, its officer in charge holding a token, and its victim signed in. */
export interface LiveCase {
  force: TestForce;
  caseId: string;
  crimeReference: string;
  officerId: string;
  collarNumber: string;
  officerToken: string;
  victimToken: string;
}

/** A case in a force (a new force unless one is given), with an officer token and a victim session. */
export async function liveCase(h: Harness, options: { force?: TestForce; victim?: Partial<VictimCreate>; extra?: Partial<CaseCreate> } = {}): Promise<LiveCase> {
  const force = options.force ?? (await createTestForce(h.db));
  const officer = await createTestOfficer(h.db, force.forceId, { displayName: 'DC Sam Patel' });
  const created = await createCase(h, force, caseBody(options.victim, { officerInCharge: { collarNumber: officer.collarNumber }, ...options.extra }));
  return {
    force,
    caseId: created.id,
    crimeReference: created.crimeReference,
    officerId: officer.officerId,
    collarNumber: officer.collarNumber,
    officerToken: await createTestOfficerToken(h.url, force.apiKey, officer.collarNumber),
    victimToken: await createTestVictimSession(h.db, force.forceId, created.id),
  };
}

/** The officer replies from the officer widget. @returns the stored message */
export async function officerSays(baseUrl: string, c: LiveCase, body: string): Promise<Message> {
  const sent = await call<Message>(baseUrl, 'sendOfficerMessage', `/v1/officer/cases/${c.caseId}/messages`, { token: c.officerToken, json: { id: randomUUID(), body } });
  expect(sent.status, sent.text).toBe(201);
  return sent.body;
}

/** The records system replies as the officer in charge. @returns the stored message */
export async function recordsSystemSays(baseUrl: string, c: LiveCase, body: string): Promise<Message> {
  const sent = await call<Message>(baseUrl, 'sendCaseMessage', `/v1/cases/${c.caseId}/messages`, { token: c.force.apiKey, json: { id: randomUUID(), body } });
  expect(sent.status, sent.text).toBe(201);
  return sent.body;
}

/** The victim writes to the officer. @returns the stored message */
export async function victimSays(baseUrl: string, c: LiveCase, body: string): Promise<Message> {
  const sent = await call<Message>(baseUrl, 'sendMyMessage', `/v1/me/cases/${c.caseId}/messages`, { token: c.victimToken, json: { id: randomUUID(), body } });
  expect(sent.status, sent.text).toBe(201);
  return sent.body;
}

/** The victim asks for an update. @returns the stored request */
export async function victimAsksForUpdate(baseUrl: string, c: LiveCase): Promise<Message> {
  const sent = await call<Message>(baseUrl, 'requestUpdate', `/v1/me/cases/${c.caseId}/update-requests`, { token: c.victimToken, json: { id: randomUUID() } });
  expect(sent.status, sent.text).toBe(201);
  return sent.body;
}

/** One side marks the thread read up to a message. @returns where each side has read up to */
export async function readUpTo(baseUrl: string, c: LiveCase, side: 'victim' | 'officer', upTo: string): Promise<ReadState> {
  const marked = side === 'victim'
    ? await call<ReadState>(baseUrl, 'markMyMessagesRead', `/v1/me/cases/${c.caseId}/messages/read`, { token: c.victimToken, json: { upTo } })
    : await call<ReadState>(baseUrl, 'markOfficerMessagesRead', `/v1/officer/cases/${c.caseId}/messages/read`, { token: c.officerToken, json: { upTo } });
  expect(marked.status, marked.text).toBe(200);
  return marked.body;
}
