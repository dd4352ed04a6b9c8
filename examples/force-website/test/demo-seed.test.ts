// The demo `npm start` seeds, as a records system and a victim see it through the SDK: a
// believable history on each case, duties on the list (one always overdue), a Right to Review,
// enhanced rights, a crime report on every case, and a support directory that fits the demo
// victims. Seeding again (every restart) adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { inviteTokenFrom, waitForInviteLink } from '@victim-portal/server/testing';
import { ForceClient, VictimClient, type ForceCase } from '@victim-portal/sdk';
// The demo is not part of the server's public API: it is loaded from the build, as `npm start` runs it.
import { demoApiKey, seedDemo } from '../../../packages/server/dist/demo/seed.js';
import { codeSentTo } from './browser-helpers.js';

let server: RunningServer;
let forceClient: ForceClient;
let forceId: string;
const casesByReference = new Map<string, ForceCase>();

beforeAll(async () => {
  server = await startServer({ port: 0, devMailbox: true, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
  forceId = await seedDemo(server.db, `${server.url}/`);
  await server.deliverNotifications();
  forceClient = new ForceClient({ baseUrl: server.url, apiKey: demoApiKey });
});

afterAll(async () => {
  await server?.close();
});

/** @returns a demo case as the records system reads it (the API finds cases by id, so the id is looked up first) */
async function demoCase(crimeReference: string): Promise<ForceCase> {
  const known = casesByReference.get(crimeReference);
  if (known) return known;
  const row = await server.db('cases').select<{ id: string }[]>('id').where({ force_id: forceId, crime_reference: crimeReference }).first();
  if (!row) throw new Error(`no demo case ${crimeReference}`);
  const found = await forceClient.getCase(row.id);
  casesByReference.set(crimeReference, found);
  return found;
}

describe('the demo seed', () => {
  it('leaves the records system duties to do: the untold charge overdue, the release under investigation pending', async () => {
    const duties = await forceClient.duties();
    expect(duties.items.map((duty) => [duty.crimeReference, duty.eventType, duty.overdue])).toEqual([
      ['KM/24/0012417', 'charged', true],
      ['KM/24/0012345', 'released_under_investigation', false],
    ]);
    const overdue = await forceClient.duties({ state: 'overdue' });
    expect(overdue.items.map((duty) => duty.crimeReference)).toEqual(['KM/24/0012417']);
  });

  it('gives each case the status its history derives, a crime report, and enhanced rights to the domestic abuse case', async () => {
    const expected: Array<[string, ForceCase['status'], boolean]> = [
      ['KM/24/0012345', 'under_investigation', false],
      ['KM/24/0012388', 'no_further_action', false],
      ['KM/24/0012402', 'report_received', false],
      ['KM/24/0012429', 'under_investigation', true],
      ['KM/24/0012417', 'suspect_charged', false],
    ];
    for (const [crimeReference, status, enhancedRights] of expected) {
      const found = await demoCase(crimeReference);
      expect([found.status, found.enhancedRights], crimeReference).toEqual([status, enhancedRights]);
      expect(found.crimeReport?.account.length, crimeReference).toBeGreaterThan(50);
    }
    // The domestic abuse case's decisions were all told within its 1 working day.
    const enhancedEvents = await forceClient.events((await demoCase('KM/24/0012429')).id);
    expect(enhancedEvents.filter((event) => event.keyDecision).map((event) => event.duty)).toEqual(['met', 'met', 'met']);
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const compliance = await forceClient.victimsCodeCompliance({ from: monthAgo, to: today });
    expect([compliance.tellVictim.overdue, compliance.tellVictim.late, compliance.enhanced.overdue]).toEqual([1, 0, 0]);
  });

  it('shows Rhian, after no further action following an interview, her Right to Review, and the support that fits her', async () => {
    const rhian = '+447700900123';
    const token = inviteTokenFrom(await waitForInviteLink(server.url, rhian));
    const victim = new VictimClient({ baseUrl: server.url });
    await victim.startChallenge(token);
    await victim.redeemInvite(token, await codeSentTo(server, rhian));
    const caseId = (await demoCase('KM/24/0012388')).id;

    const timeline = await victim.timeline(caseId, { lang: 'en' });
    expect(timeline.status).toBe('no_further_action');
    expect(timeline.rightToReview?.askBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(timeline.events.map((event) => event.type)).toEqual(expect.arrayContaining(['suspect_interviewed', 'no_further_action']));
    expect((await victim.rights(caseId)).rightToReview).not.toBeNull();
    // Everyone's service and her postcode area's; not the domestic abuse or young people's ones.
    const services = await victim.supportServices(caseId);
    expect(services.map((service) => service.key).sort()).toEqual(['kingsmoor-safer-homes', 'victim-support']);
  });

  it('adds nothing when it runs again, as on every restart', async () => {
    const before = await server.db('case_events').where({ force_id: forceId }).count<{ count: string }[]>('* as count').first();
    expect(Number(before?.count)).toBeGreaterThan(20);
    await seedDemo(server.db, `${server.url}/`);
    const after = await server.db('case_events').where({ force_id: forceId }).count<{ count: string }[]>('* as count').first();
    expect(Number(after?.count)).toBe(Number(before?.count));
    expect((await forceClient.supportServices()).map((service) => service.key)).toEqual([
      'kingsmoor-domestic-abuse', 'kingsmoor-safer-homes', 'kingsmoor-young-victims', 'victim-support',
    ]);
    expect((await forceClient.duties()).items).toHaveLength(2);
  });
});
