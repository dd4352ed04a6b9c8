// OfficerClient's token handling against the real service: getToken() lazily and once, again
// when the service refuses the token held (it expired), and what an officer may see.
import { describe, expect, it } from 'vitest';
import { OfficerClient, ProblemError, problemTypes } from '../src/index.js';
import { FlakyNetwork } from './support/flaky-network.js';
import { expireOfficerTokens, newCase, newThread, useServer } from './support/world.js';

const server = useServer();

describe('OfficerClient', () => {
  it('asks for a token only when first needed, once for concurrent calls, and keeps it', async () => {
    const thread = await newThread(server());
    const officer = thread.officerClient();
    expect(officer.tokensMinted).toHaveLength(0);
    const [cases, messages] = await Promise.all([officer.listCases(), officer.listMessages(thread.theCase.id)]);
    expect(cases.items.map((c) => c.caseId)).toEqual([thread.theCase.id]);
    expect(messages.items).toEqual([]);
    await officer.listCases();
    expect(officer.tokensMinted).toHaveLength(1);
  });

  it('when the token has expired, gets a new one and tries the request once more', async () => {
    const thread = await newThread(server());
    const network = new FlakyNetwork();
    const officer = thread.officerClient({ fetch: network.fetch });
    await officer.listCases();
    await expireOfficerTokens(server(), thread.force.forceId);

    const reply = await officer.sendMessage(thread.theCase.id, 'Sent after my token expired');
    expect(officer.tokensMinted).toHaveLength(2);
    const sends = network.sent.filter((request) => request.url.endsWith('/messages') && request.method === 'POST');
    expect(sends.map((request) => request.headers.get('Authorization'))).toEqual([`Bearer ${officer.tokensMinted[0]}`, `Bearer ${officer.tokensMinted[1]}`]);
    // The same message id both times: the retry cannot duplicate it.
    expect(new Set(sends.map((request) => (JSON.parse(request.body) as { id: string }).id))).toEqual(new Set([reply.id]));
    expect((await officer.listMessages(thread.theCase.id)).items.map((m) => m.id)).toEqual([reply.id]);
  });

  it('gives up with the 401 when the new token is refused too, and tries again on the next call', async () => {
    let asked = 0;
    const officer = new OfficerClient({
      baseUrl: server().url,
      getToken: () => {
        asked += 1;
        return Promise.resolve(`vpo_${'refused'.repeat(6)}${asked}`);
      },
    });
    const error = await officer.listCases().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 401, type: problemTypes.unauthenticated });
    expect(asked).toBe(2);
    await expect(officer.listCases()).rejects.toMatchObject({ status: 401 });
    expect(asked).toBe(4);
  });

  it("passes the host page's getToken failure through as it is", async () => {
    const failure = new Error('the records system is signed out');
    const officer = new OfficerClient({ baseUrl: server().url, getToken: () => Promise.reject(failure) });
    await expect(officer.listCases()).rejects.toBe(failure);
  });

  it('sees only the cases its officer is in charge of or covers', async () => {
    const thread = await newThread(server());
    const other = await newThread(server());
    const officer = thread.officerClient();
    await expect(officer.listMessages(other.theCase.id)).rejects.toMatchObject({ status: 404 });
    await expect(officer.sendMessage(other.theCase.id, 'Not my case')).rejects.toMatchObject({ status: 404 });
    expect((await officer.listCases()).items.map((c) => c.caseId)).toEqual([thread.theCase.id]);

    // While a colleague is away, their cases join the inbox as covered.
    const colleague = await thread.forceClient.putOfficer('5150', { displayName: 'PC Jo Evans', rank: 'police_constable' });
    const coverCase = await thread.forceClient.createCase(newCase(colleague.collarNumber));
    const from = new Date(Date.now() - 60_000).toISOString();
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await thread.forceClient.putOfficerAbsence(colleague.collarNumber, { from, until, coveredBy: thread.officer.collarNumber });
    const inbox = await officer.listCases();
    expect(inbox.items.map((c) => [c.caseId, c.role]).sort()).toEqual(
      [
        [thread.theCase.id, 'officer_in_charge'],
        [coverCase.id, 'covering'],
      ].sort(),
    );
  });
});
