// One real reference service per test file (PGlite in memory, or PostgreSQL when DATABASE_URL
// is set), and a force with an officer, a case and its signed-in victim to message about.
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce, createTestOfficer, createTestVictimSession, type TestForce, type TestOfficer } from '@victim-portal/server/testing';
import { ForceClient, OfficerClient, VictimClient, type CaseCreate, type ForceCase } from '../../src/index.js';

/** @returns a getter for the server started before this file's tests and closed after them */
export function useServer(): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, devMailbox: true, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the server has not started');
    return server;
  };
}

let sequence = 0;

/** @returns a new case for the officer with this collar number */
export function newCase(collarNumber: string | undefined): CaseCreate {
  sequence += 1;
  return {
    crimeReference: `SDK/MSG/${Date.now()}/${sequence}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: '2026-11-20T09:30:00Z',
    reportedVia: 'phone_101',
    ...(collarNumber ? { officerInCharge: { collarNumber } } : {}),
    victim: { givenName: 'Alex', familyName: 'Morgan', email: `msg-victim${sequence}@example.com`, preferredChannel: 'email', language: 'en', dateOfBirth: '1984-03-09' },
  };
}

/** A force, its officer in charge of one case, and that case's victim, signed in. */
export interface Thread {
  force: TestForce;
  officer: TestOfficer;
  forceClient: ForceClient;
  theCase: ForceCase;
  victimToken: string;
  /** A new VictimClient with the victim's session (each test may want its own fetch). */
  victim(options?: { fetch?: typeof fetch; onSessionEnded?: () => void }): VictimClient;
  /** A new OfficerClient whose getToken mints a real token through the force API, and counts calls. */
  officerClient(options?: { fetch?: typeof fetch; ttlSeconds?: number }): OfficerClient & { tokensMinted: string[] };
}

/** @returns a new force with an officer in charge of a case whose victim is signed in */
export async function newThread(server: RunningServer): Promise<Thread> {
  const force = await createTestForce(server.db);
  const forceClient = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  const officer = await createTestOfficer(server.db, force.forceId, { displayName: 'DC Sam Patel', rank: 'detective_constable' });
  const theCase = await forceClient.createCase(newCase(officer.collarNumber));
  const victimToken = await createTestVictimSession(server.db, force.forceId, theCase.id);
  return {
    force,
    officer,
    forceClient,
    theCase,
    victimToken,
    victim: (options = {}) => new VictimClient({ baseUrl: server.url, sessionToken: victimToken, ...options }),
    officerClient: (options = {}) => {
      const tokensMinted: string[] = [];
      const client = new OfficerClient({
        baseUrl: server.url,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        getToken: async () => {
          const minted = await forceClient.mintOfficerToken(officer.collarNumber, options.ttlSeconds);
          tokensMinted.push(minted.token);
          return minted.token;
        },
      });
      return Object.assign(client, { tokensMinted });
    },
  };
}

/** Makes every officer token of the force expired now, as time would (the service checks `expires_at`). */
export async function expireOfficerTokens(server: RunningServer, forceId: string): Promise<void> {
  await server.db('officer_tokens').where({ force_id: forceId }).update({ expires_at: server.db.raw("now() - interval '1 second'") });
}
