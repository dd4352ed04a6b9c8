import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Message, MessagePage, OfficerCaseList, ReadState } from '@victim-portal/contract';
import { createTestForce, createTestOfficer, createTestOfficerToken, createTestVictimSession, type TestForce, type TestOfficer } from '../../src/testing.js';
import { call, type ApiResponse } from './api.js';
import { harness, type Harness } from './harness.js';
import { caseBody, createCase } from './journey.js';

/** A force with an officer in charge of one case, its victim signed in and the officer's token. */
export interface ThreadSetup {
  h: Harness;
  force: TestForce;
  oic: TestOfficer;
  caseId: string;
  crimeReference: string;
  victimToken: string;
  officerToken: string;
}

/** @returns a fresh force, officer, case, victim session and officer token */
export async function threadSetup(): Promise<ThreadSetup> {
  const h = await harness();
  const force = await createTestForce(h.db);
  const oic = await createTestOfficer(h.db, force.forceId, { displayName: 'DC Sam Patel' });
  const created = await createCase(h, force, caseBody({}, { officerInCharge: { collarNumber: oic.collarNumber } }));
  return {
    h,
    force,
    oic,
    caseId: created.id,
    crimeReference: created.crimeReference,
    victimToken: await createTestVictimSession(h.db, force.forceId, created.id),
    officerToken: await createTestOfficerToken(h.url, force.apiKey, oic.collarNumber),
  };
}

/** Where each side reaches a case's thread. */
export type Side = 'victim' | 'officer' | 'force';

function paths(side: Side, caseId: string) {
  if (side === 'victim') return { list: 'listMyMessages', send: 'sendMyMessage', read: 'markMyMessagesRead', base: `/v1/me/cases/${caseId}/messages` } as const;
  if (side === 'officer') return { list: 'listOfficerMessages', send: 'sendOfficerMessage', read: 'markOfficerMessagesRead', base: `/v1/officer/cases/${caseId}/messages` } as const;
  return { list: 'listCaseMessages', send: 'sendCaseMessage', read: 'markCaseMessagesRead', base: `/v1/cases/${caseId}/messages` } as const;
}

/** Send a message from one side with the given credential. */
export async function send(side: Side, token: string, caseId: string, json: Record<string, unknown>): Promise<ApiResponse<Message>> {
  const h = await harness();
  const p = paths(side, caseId);
  return call<Message>(h.url, p.send, p.base, { token, json: { id: randomUUID(), ...json } });
}

/** Send and expect it stored (201). @returns the message */
export async function sent(side: Side, token: string, caseId: string, body: string, extra: Record<string, unknown> = {}): Promise<Message> {
  const response = await send(side, token, caseId, { body, ...extra });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** One page of the thread from one side. */
export async function list(side: Side, token: string, caseId: string, query = ''): Promise<ApiResponse<MessagePage>> {
  const h = await harness();
  const p = paths(side, caseId);
  return call<MessagePage>(h.url, p.list, `${p.base}${query}`, { token });
}

/** Mark the thread read from one side. */
export async function markRead(side: Side, token: string, caseId: string, json: Record<string, unknown>): Promise<ApiResponse<ReadState>> {
  const h = await harness();
  const p = paths(side, caseId);
  return call<ReadState>(h.url, p.read, `${p.base}/read`, { token, json });
}

/** The victim asks for an update. */
export async function requestUpdate(token: string, caseId: string, json: Record<string, unknown> = {}): Promise<ApiResponse<Message>> {
  const h = await harness();
  return call<Message>(h.url, 'requestUpdate', `/v1/me/cases/${caseId}/update-requests`, { token, json: { id: randomUUID(), ...json } });
}

/** The officer's inbox. */
export async function inbox(token: string): Promise<ApiResponse<OfficerCaseList>> {
  const h = await harness();
  return call<OfficerCaseList>(h.url, 'listOfficerCases', '/v1/officer/cases', { token });
}
