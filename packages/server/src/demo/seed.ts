import type { Knex } from 'knex';
import type { CaseCreate, OfficerUpsert } from '@victim-portal/contract';
import type { ForceActor } from '../auth/credentials.js';
import { createCase, loadForceCase, settleInvite } from '../features/cases/store.js';
import { issueApiKey, saveForce } from '../features/forces/store.js';
import { revokeUnusedInvites } from '../features/invites/store.js';
import { saveOfficerByCollarNumber } from '../features/officers/store.js';
import { saveService } from '../features/support/directory.js';
import { ProblemError } from '../http/problem.js';
import { before, demoHistories, seedDemoHistory } from './seed-history.js';
import { demoSupportServices } from './seed-support.js';
import { seedDemoThread } from './seed-thread.js';

/**
 * The demo force's API key. Fixed so that the key printed at start works on every restart;
 * it is public (it is in this file), so it must never be registered outside the demo.
 */
export const demoApiKey = 'vpk_DEMO_ONLY_kingsmoor_not_a_secret';

const officers: Array<[string, OfficerUpsert]> = [
  ['4521', { displayName: 'DC Sam Patel', rank: 'detective_constable', team: 'Kingsmoor CID' }],
  ['1187', { displayName: 'PC Jordan Reeves', rank: 'police_constable', team: 'Eastgate Neighbourhood Team' }],
  ['2290', { displayName: 'DS Aisha Mensah', rank: 'detective_sergeant', team: 'Kingsmoor CID' }],
];

// Fictional people and references; example.com addresses, Ofcom's drama number range, and
// Kingsmoor's own KM postcodes. Each case's crime report and history are in seed-history.ts.
const cases: CaseCreate[] = [
  {
    crimeReference: 'KM/24/0012345',
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: before(16),
    reportedVia: 'phone_101',
    officerInCharge: { collarNumber: '4521' },
    victim: { externalRef: 'KM-P-100234', givenName: 'Alex', familyName: 'Morgan', email: 'alex.morgan@example.com', preferredChannel: 'email', language: 'en', dateOfBirth: '1986-04-12', postcode: 'KM3 4RD' },
  },
  {
    crimeReference: 'KM/24/0012388',
    offence: { code: '045/00', label: 'Theft of a vehicle' },
    reportedAt: before(30),
    reportedVia: 'online',
    officerInCharge: { collarNumber: '1187' },
    victim: { externalRef: 'KM-P-100871', givenName: 'Rhian', familyName: 'Evans', mobile: '+447700900123', preferredChannel: 'sms', language: 'cy', dateOfBirth: '1993-09-02', postcode: 'KM3 7QT' },
  },
  {
    crimeReference: 'KM/24/0012402',
    offence: { code: '058/01', label: 'Criminal damage to a vehicle' },
    reportedAt: before(1),
    reportedVia: 'phone_999',
    victim: { externalRef: 'KM-P-100234', givenName: 'Alex', familyName: 'Morgan', email: 'alex.morgan@example.com', preferredChannel: 'email', language: 'en', dateOfBirth: '1986-04-12', postcode: 'KM3 4RD' },
  },
  {
    // Flagged: stored, but the default rules send no invite (the dev mailbox stays silent).
    crimeReference: 'KM/24/0012429',
    offence: { code: '008/01', label: 'Assault' },
    reportedAt: before(8),
    reportedVia: 'phone_999',
    officerInCharge: { collarNumber: '2290' },
    riskFlags: ['domestic_abuse'],
    // Victims of domestic abuse are entitled to enhanced rights: told within 1 working day.
    enhancedRights: true,
    victim: { externalRef: 'KM-P-101552', givenName: 'Sam', familyName: 'Hughes', email: 'sam.hughes@example.com', language: 'en' },
  },
  {
    crimeReference: 'KM/24/0012417',
    offence: { code: '049/00', label: 'Theft from a shop' },
    reportedAt: before(21),
    reportedVia: 'in_person',
    officerInCharge: { collarNumber: '2290' },
    victim: { givenName: 'Chris', familyName: 'Doyle' },
  },
];

/**
 * Seed the demo force, officers, support directory (seed-support.ts), cases with their crime
 * reports and histories (seed-history.ts), a short thread on the first case (seed-thread.ts)
 * and the demo key, through the stores the API's routes use; safe to run on every start. Cases
 * that already exist get a fresh invite instead (older unused ones are withdrawn), because
 * the dev mailbox lives in memory and the previous links went with the previous process.
 * Victims sign in with a one-time code, which the dev mailbox shows too.
 * @returns the force id
 */
export async function seedDemo(db: Knex, portalUrl: string): Promise<string> {
  const forceId = await saveForce(db, { name: 'Kingsmoor Constabulary', slug: 'kingsmoor', portalUrl, senderName: 'Kingsmoor Police' });
  const { apiKeyId } = await issueApiKey(db, forceId, 'demo key (public, demo only)', demoApiKey);
  const actor = { forceId, apiKeyId, requestId: 'demo-seed' };
  for (const [collarNumber, officer] of officers) await saveOfficerByCollarNumber(db, actor, collarNumber, officer);
  for (const [key, service] of demoSupportServices) await saveService(db, actor, key, service);
  for (const demoCase of cases) {
    const history = demoHistories[demoCase.crimeReference];
    try {
      await createCase(db, actor, { ...demoCase, crimeReport: history?.crimeReport });
    } catch (error) {
      if (!(error instanceof ProblemError && error.status === 409)) throw error;
      await reinvite(db, actor, demoCase.crimeReference);
    }
    if (history) await seedDemoHistory(db, actor, demoCase.crimeReference, history);
  }
  await seedDemoThread(db, actor);
  return forceId;
}

async function reinvite(db: Knex, actor: ForceActor, crimeReference: string): Promise<void> {
  await db.transaction(async (trx) => {
    const found = await trx('cases').select<{ id: string }[]>('id').where({ force_id: actor.forceId, crime_reference: crimeReference }).first();
    if (!found) return;
    await revokeUnusedInvites(trx, actor.forceId, found.id, { type: 'system', id: 'demo-seed', requestId: actor.requestId }, 'demo restarted: fresh invite');
    const row = await loadForceCase(trx, actor.forceId, found.id);
    // Eligibility still decides: a risk-flagged demo case never gets an invite.
    if (row) await settleInvite(trx, actor, row, { alwaysSend: true });
  });
}
