// The SDK against the real reference service over HTTP, on PGlite or on PostgreSQL when
// DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@victim-portal/server';
import { createTestForce, createTestOfficer } from '@victim-portal/server/testing';
import { ForceClient, ProblemError, VictimClient, problemTypes, type CaseCreate } from '../src/index.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, devMailbox: true, databaseUrl: process.env.DATABASE_URL, inMemory: !process.env.DATABASE_URL });
});
afterAll(async () => {
  await server?.close();
});

let sequence = 0;
function newCase(collarNumber: string | undefined, email = `victim${++sequence}@example.com`): CaseCreate {
  return {
    crimeReference: `SDK/${Date.now()}/${++sequence}`,
    offence: { code: '028/01', label: 'Burglary of a home' },
    reportedAt: '2026-11-20T09:30:00Z',
    reportedVia: 'phone_101',
    ...(collarNumber ? { officerInCharge: { collarNumber } } : {}),
    victim: { givenName: 'Alex', familyName: 'Morgan', email, preferredChannel: 'email', language: 'en', dateOfBirth: '1984-03-09' },
  };
}

/** The invite token the dev mailbox "sent" to this address (the link carries it in the fragment). */
async function inviteTokenSentTo(address: string): Promise<string> {
  await server.deliverNotifications();
  const message = server.mailbox?.messages().find((m) => m.to === address && m.link?.includes('#invite='));
  const token = message?.link ? new URL(message.link).hash.replace('#invite=', '') : undefined;
  if (!token) throw new Error(`no invite was delivered to ${address}`);
  return token;
}

/** The newest one-time code the dev mailbox "sent" to this address. */
async function codeSentTo(address: string): Promise<string> {
  await server.deliverNotifications();
  const code = server.mailbox?.messages().filter((m) => m.to === address && !m.link).map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean);
  if (!code) throw new Error(`no one-time code was delivered to ${address}`);
  return code;
}

async function signedInForce(secondFactor: 'date_of_birth' | 'one_time_code' = 'date_of_birth') {
  const force = await createTestForce(server.db);
  const client = new ForceClient({ baseUrl: server.url, apiKey: force.apiKey });
  await client.updateForceSettings({ secondFactor });
  return { force, client };
}

describe('ForceClient', () => {
  it('stores an officer, creates a case that invites the victim, and reads it back', async () => {
    const { client } = await signedInForce();
    const officer = await client.putOfficer('4521', { displayName: 'DC Sam Patel', rank: 'detective_constable', team: 'CID North' });
    expect(officer).toEqual({ collarNumber: '4521', displayName: 'DC Sam Patel', rank: 'detective_constable', team: 'CID North', absence: null });

    const input = newCase('4521');
    const created = await client.createCase(input);
    expect(created).toMatchObject({
      crimeReference: input.crimeReference,
      offence: input.offence,
      officerInCharge: { collarNumber: '4521', displayName: 'DC Sam Patel', rank: 'detective_constable' },
      invite: { sent: true, channel: 'email' },
    });
    expect(await client.getCase(created.id)).toEqual(created);
  });

  it('says why no invite was sent when the victim has no contact channel', async () => {
    const { client } = await signedInForce();
    const input = newCase(undefined);
    delete input.victim.email;
    delete input.victim.preferredChannel;
    const created = await client.createCase(input);
    expect(created.invite).toEqual({ sent: false, status: 'not_sent', notSentReason: 'no_contact_channel' });
  });

  it('surfaces problems as ProblemError with their stable types', async () => {
    const { client } = await signedInForce();
    const input = newCase(undefined);
    await client.createCase(input);

    const duplicate = await client.createCase(input).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ProblemError);
    expect(duplicate).toMatchObject({ status: 409, type: problemTypes.crimeReferenceExists });
    expect((duplicate as ProblemError).requestId).toBeTruthy();

    await expect(client.createCase(newCase('999999'))).rejects.toMatchObject({ status: 422, type: problemTypes.unknownOfficer });
    await expect(client.createCase({ ...newCase(undefined), crimeReference: '' })).rejects.toMatchObject({
      status: 400,
      type: problemTypes.invalidRequest,
      errors: expect.arrayContaining([expect.objectContaining({ pointer: '/crimeReference' })]),
    });
    await expect(client.getCase('6a1f7c9e-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404, type: problemTypes.notFound });
  });

  it("cannot read another force's case, and a wrong key is refused", async () => {
    const one = await signedInForce();
    const other = await signedInForce();
    const created = await one.client.createCase(newCase(undefined));
    await expect(other.client.getCase(created.id)).rejects.toMatchObject({ status: 404 });
    const forged = new ForceClient({ baseUrl: server.url, apiKey: `${one.force.apiKey.slice(0, -4)}AAAA` });
    await expect(forged.getCase(created.id)).rejects.toMatchObject({ status: 401, type: problemTypes.unauthenticated });
  });
});

describe('VictimClient', () => {
  it('redeems the invite, reads only its own cases, and signs out', async () => {
    const { force, client } = await signedInForce();
    const officer = await createTestOfficer(server.db, force.forceId, { displayName: 'PC Jo Evans', rank: 'police_constable' });
    const mine = await client.createCase(newCase(officer.collarNumber, 'me@example.com'));
    const theirs = await client.createCase(newCase(officer.collarNumber, 'someone-else@example.com'));

    let ended = 0;
    const victim = new VictimClient({ baseUrl: server.url, onSessionEnded: () => { ended += 1; } });
    const token = await inviteTokenSentTo('me@example.com');
    expect(await victim.startChallenge(token)).toMatchObject({ method: 'date_of_birth', attemptsLeft: 5 });
    const wrong = await victim.redeemInvite(token, '1990-01-01').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 422, type: problemTypes.secondFactorIncorrect, attemptsLeft: 4 });
    const session = await victim.redeemInvite(token, '1984-03-09');
    expect(session.sessionToken).toMatch(/^vps_/);
    expect(victim.sessionToken).toBe(session.sessionToken);
    expect(Date.parse((await victim.getSession()).idleExpiresAt)).toBeGreaterThan(Date.now());

    const cases = await victim.listMyCases();
    expect(cases.map((c) => c.id)).toEqual([mine.id]);
    expect(await victim.getMyCase(mine.id)).toMatchObject({
      crimeReference: mine.crimeReference,
      crimeType: 'Burglary of a home',
      officerInCharge: { displayName: 'PC Jo Evans', rank: 'police_constable', collarNumber: officer.collarNumber },
    });
    await expect(victim.getMyCase(theirs.id)).rejects.toMatchObject({ status: 404 });

    await victim.signOut();
    expect(victim.sessionToken).toBeUndefined();
    const reuse = new VictimClient({ baseUrl: server.url, sessionToken: session.sessionToken, onSessionEnded: () => { ended += 1; } });
    await expect(reuse.listMyCases()).rejects.toMatchObject({ status: 401, type: problemTypes.unauthenticated });
    expect(ended).toBe(1);
  });

  it('signs out for the quick exit with one keepalive request, handed to fetch before signOut returns', async () => {
    const { force, client } = await signedInForce();
    const officer = await createTestOfficer(server.db, force.forceId);
    await client.createCase(newCase(officer.collarNumber, 'leaving@example.com'));
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const watching: typeof fetch = (input, init) => {
      sent.push({ url: String(input instanceof Request ? input.url : input), init });
      return fetch(input, init);
    };
    const victim = new VictimClient({ baseUrl: server.url, fetch: watching });
    const session = await victim.redeemInvite(await inviteTokenSentTo('leaving@example.com'), '1984-03-09');
    sent.length = 0;

    const leaving = victim.signOut({ keepalive: true });
    // Synchronously: the page may be gone by the next task.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: `${server.url}/v1/me/session`, init: { method: 'DELETE', keepalive: true, headers: { Authorization: `Bearer ${session.sessionToken}` } } });
    await leaving;
    expect(victim.sessionToken).toBeUndefined();
    const reuse = new VictimClient({ baseUrl: server.url, sessionToken: session.sessionToken });
    await expect(reuse.listMyCases()).rejects.toMatchObject({ status: 401 });
  });

  it('an invite works once', async () => {
    const { client } = await signedInForce();
    await client.createCase(newCase(undefined, 'once@example.com'));
    const token = await inviteTokenSentTo('once@example.com');
    await new VictimClient({ baseUrl: server.url }).redeemInvite(token, '1984-03-09');
    const again = new VictimClient({ baseUrl: server.url });
    await expect(again.redeemInvite(token, '1984-03-09')).rejects.toMatchObject({ status: 409, type: problemTypes.inviteUsed });
    expect(again.sessionToken).toBeUndefined();
    await expect(again.startChallenge('vpi_forgedforgedforgedforgedforged')).rejects.toMatchObject({ status: 400, type: problemTypes.inviteInvalid });
  });

  it('signs in with a one-time code sent by the dev mailbox', async () => {
    const { client } = await signedInForce('one_time_code');
    await client.createCase(newCase(undefined, 'code@example.com'));
    const token = await inviteTokenSentTo('code@example.com');
    const victim = new VictimClient({ baseUrl: server.url });
    const challenge = await victim.startChallenge(token);
    expect(challenge).toMatchObject({ method: 'one_time_code', sentVia: 'email' });
    expect(challenge.sentTo).not.toContain('code@example.com');
    await victim.redeemInvite(token, await codeSentTo('code@example.com'));
    expect(await victim.listMyCases()).toHaveLength(1);
  });

  it('asking for a new sign-in link answers the same for a stranger', async () => {
    const { force } = await signedInForce();
    const victim = new VictimClient({ baseUrl: server.url });
    await expect(victim.requestSignInLink(force.slug, 'nobody-at-all@example.com')).resolves.toBeUndefined();
  });
});
