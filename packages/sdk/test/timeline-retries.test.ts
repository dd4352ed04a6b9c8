// The timeline's and support's writes are safe to retry: when the answer is lost on the way
// back, the SDK sends the same request again (ForceClient with the same Idempotency-Key, which
// it made itself) and the service stores it once.
import { describe, expect, it } from 'vitest';
import { ForceClient, VictimClient } from '../src/index.js';
import { FlakyNetwork } from './support/flaky-network.js';
import { newThread, useServer, type Thread } from './support/world.js';

const server = useServer();

/** A ForceClient for the thread's force whose next request's answer is lost. */
function losingFirstAnswer(thread: Thread): { client: ForceClient; network: FlakyNetwork } {
  const network = new FlakyNetwork();
  network.failNext('answer-lost');
  return { client: new ForceClient({ baseUrl: server().url, apiKey: thread.force.apiKey, fetch: network.fetch }), network };
}

/** The two requests of a call whose first answer was lost: both with one Idempotency-Key the SDK made. */
function expectSameKeyTwice(network: FlakyNetwork): void {
  const [first, retry, ...others] = network.sent;
  expect(others).toEqual([]);
  expect(first!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  expect(retry!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'));
  expect(retry!.body).toBe(first!.body);
}

describe('retries of the timeline and support writes', () => {
  it('recordEvent: one event for a lost answer', async () => {
    const thread = await newThread(server());
    const { client, network } = losingFirstAnswer(thread);
    const event = await client.recordEvent(thread.theCase.id, { type: 'suspect_arrested', occurredAt: new Date().toISOString() });
    expectSameKeyTwice(network);
    expect((await thread.forceClient.events(thread.theCase.id)).filter((e) => e.type === 'suspect_arrested')).toEqual([event]);
  });

  it('recordVictimTold and recordReferralMade: the first record stands, once', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const event = await thread.forceClient.recordEvent(caseId, { type: 'charged', occurredAt: new Date().toISOString() });
    const telling = losingFirstAnswer(thread);
    const told = await telling.client.recordVictimTold(caseId, event.id, { toldAt: new Date().toISOString(), method: 'in_person' });
    expectSameKeyTwice(telling.network);
    expect(told).toMatchObject({ id: event.id, toldBy: 'in_person', duty: 'met' });

    await thread.forceClient.putSupportService('victim-support', { name: 'Victim Support', description: { en: 'Free, confidential help.' }, contact: { phone: '0808 168 9111' } });
    const referral = await thread.victim().requestReferral(caseId, 'victim-support');
    const recording = losingFirstAnswer(thread);
    const made = await recording.client.recordReferralMade(caseId, referral.id, new Date());
    expectSameKeyTwice(recording.network);
    expect(await thread.forceClient.caseSupportReferrals(caseId)).toEqual([made]);
  });

  it("requestReferral: the victim's request is stored once", async () => {
    const thread = await newThread(server());
    await thread.forceClient.putSupportService('victim-support', { name: 'Victim Support', description: { en: 'Free, confidential help.' }, contact: { phone: '0808 168 9111' } });
    const network = new FlakyNetwork();
    network.failNext('answer-lost');
    const victim = new VictimClient({ baseUrl: server().url, sessionToken: thread.victimToken, fetch: network.fetch });
    const referral = await victim.requestReferral(thread.theCase.id, 'victim-support');
    expect(network.sent.map((request) => JSON.parse(request.body) as unknown)).toEqual([
      { serviceKey: 'victim-support', consent: true },
      { serviceKey: 'victim-support', consent: true },
    ]);
    expect(await thread.forceClient.caseSupportReferrals(thread.theCase.id)).toEqual([referral]);
  });
});
