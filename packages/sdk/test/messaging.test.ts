// The thread between a victim and the officer in charge, through VictimClient, OfficerClient
// and ForceClient against the real service over HTTP.
import { describe, expect, it } from 'vitest';
import { ForceClient, ProblemError, problemTypes } from '../src/index.js';
import { FlakyNetwork } from './support/flaky-network.js';
import { newCase, newThread, useServer } from './support/world.js';

const server = useServer();

describe('a thread between the victim and the officer in charge', () => {
  it('carries messages both ways, oldest first, the same from every side', async () => {
    const thread = await newThread(server());
    const victim = thread.victim();
    const officer = thread.officerClient();
    const caseId = thread.theCase.id;

    const question = await victim.sendMessage(caseId, 'Has anyone looked at the doorbell footage?\nIt covers the drive.');
    expect(question).toMatchObject({ caseId, kind: 'text', author: { type: 'victim' }, body: 'Has anyone looked at the doorbell footage?\nIt covers the drive.', readAt: null });
    expect(question.id).toMatch(/^[0-9a-f-]{36}$/);

    const inbox = await officer.listCases();
    expect(inbox.officer.collarNumber).toBe(thread.officer.collarNumber);
    expect(inbox.items).toEqual([expect.objectContaining({ caseId, crimeReference: thread.theCase.crimeReference, role: 'officer_in_charge', unreadCount: 1 })]);

    const answer = await officer.sendMessage(caseId, 'Yes, I have it and will be in touch on Friday.');
    expect(answer).toMatchObject({ kind: 'text', author: { type: 'officer', officer: { collarNumber: thread.officer.collarNumber } } });
    const fromRecords = await thread.forceClient.sendMessage(caseId, { body: 'Friday at 10, at the station.' });
    expect(fromRecords.author).toMatchObject({ type: 'officer', officer: { collarNumber: thread.officer.collarNumber } });

    const ids = [question.id, answer.id, fromRecords.id];
    const seenByVictim = await victim.listMessages(caseId);
    expect(seenByVictim.items.map((m) => m.id)).toEqual(ids);
    expect(seenByVictim.nextCursor).toBeNull();
    expect(seenByVictim.officerInCharge).toMatchObject({ collarNumber: thread.officer.collarNumber });
    const cursors = seenByVictim.items.map((m) => BigInt(m.cursor));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    expect((await officer.listMessages(caseId)).items).toEqual(seenByVictim.items);
    expect((await thread.forceClient.listMessages(caseId)).items).toEqual(seenByVictim.items);

    const afterFirst = await victim.listMessages(caseId, { after: question.cursor, limit: 1 });
    expect(afterFirst.items.map((m) => m.id)).toEqual([answer.id]);
    expect(afterFirst.nextCursor).toBe(answer.cursor);
  });

  it('shows an update request as its own kind, with or without a note, pending until the officer replies', async () => {
    const thread = await newThread(server());
    const victim = thread.victim();
    const officer = thread.officerClient();
    const caseId = thread.theCase.id;

    const bare = await victim.requestUpdate(caseId);
    expect(bare).toMatchObject({ kind: 'update_request', author: { type: 'victim' }, body: null });
    const noted = await victim.requestUpdate(caseId, 'Is there any news on the arrest?');
    expect(noted).toMatchObject({ kind: 'update_request', body: 'Is there any news on the arrest?' });
    expect((await officer.listCases()).items[0]).toMatchObject({ pendingUpdateRequests: 2, unreadCount: 2 });

    await officer.sendMessage(caseId, 'A suspect was interviewed yesterday.');
    expect((await officer.listCases()).items[0]).toMatchObject({ pendingUpdateRequests: 0 });
  });

  it('records read receipts both ways, and a receipt never moves back', async () => {
    const thread = await newThread(server());
    const victim = thread.victim();
    const officer = thread.officerClient();
    const caseId = thread.theCase.id;
    const first = await victim.sendMessage(caseId, 'First');
    const second = await victim.sendMessage(caseId, 'Second');

    expect(await officer.markRead(caseId, second.cursor)).toEqual({ officer: second.cursor, victim: null });
    expect((await officer.listCases()).items[0]).toMatchObject({ unreadCount: 0 });
    expect(await officer.markRead(caseId, first.cursor)).toEqual({ officer: second.cursor, victim: null });
    const page = await victim.listMessages(caseId);
    expect(page.read).toEqual({ officer: second.cursor, victim: null });
    expect(page.items.every((m) => m.readAt !== null)).toBe(true);

    const reply = await officer.sendMessage(caseId, 'Thanks, noted.');
    expect(await victim.markRead(caseId, reply.cursor)).toEqual({ officer: second.cursor, victim: reply.cursor });
    expect((await officer.listMessages(caseId)).items.at(-1)?.readAt).not.toBeNull();
  });

  it('a send repeated with the same id stores one message; the same id with other words is refused', async () => {
    const thread = await newThread(server());
    const victim = thread.victim();
    const caseId = thread.theCase.id;
    const id = crypto.randomUUID();
    const first = await victim.sendMessage(caseId, 'Only once, please', id);
    expect(await victim.sendMessage(caseId, 'Only once, please', id)).toEqual(first);
    await expect(victim.sendMessage(caseId, 'Something else', id)).rejects.toMatchObject({ status: 409, type: problemTypes.messageIdReused });
    expect((await victim.listMessages(caseId)).items.map((m) => m.id)).toEqual([id]);
  });

  it('the SDK retries a send whose answer was lost, or that a proxy answered 502, with the same id', async () => {
    const thread = await newThread(server());
    const network = new FlakyNetwork();
    const victim = thread.victim({ fetch: network.fetch });
    const officer = thread.officerClient({ fetch: network.fetch });
    const caseId = thread.theCase.id;

    network.failNext('answer-lost');
    const sent = await victim.sendMessage(caseId, 'Did this arrive?');
    network.failNext('bad-gateway', 'unreachable');
    const update = await victim.requestUpdate(caseId);
    await officer.listCases(); // the officer's token first, so the next request is the send
    network.failNext('answer-lost');
    const reply = await officer.sendMessage(caseId, 'It did.');

    const posts = network.sent.filter((request) => request.method === 'POST' && !request.url.includes('officer-tokens'));
    const bodyIds = posts.map((request) => (JSON.parse(request.body) as { id: string }).id);
    expect(bodyIds).toEqual([sent.id, sent.id, update.id, update.id, update.id, reply.id, reply.id]);
    expect((await victim.listMessages(caseId)).items.map((m) => m.id)).toEqual([sent.id, update.id, reply.id]);
  });

  it('never retries a refusal (4xx)', async () => {
    const thread = await newThread(server());
    const network = new FlakyNetwork();
    const victim = thread.victim({ fetch: network.fetch });
    const error = await victim.sendMessage(thread.theCase.id, '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, type: problemTypes.invalidRequest });
    await expect(victim.sendMessage(crypto.randomUUID(), 'Not my case')).rejects.toMatchObject({ status: 404 });
    expect(network.sent).toHaveLength(2);
  });

  // 210 sends one after another under the force's thread lock: several seconds on PGlite.
  it('allMessages follows nextCursor to the end of a long thread', { timeout: 90_000 }, async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    // More than one page of 200: sent by the records system, ten at a time.
    const sent: string[] = [];
    for (let batch = 0; batch < 21; batch += 1) {
      const messages = await Promise.all(Array.from({ length: 10 }, (_, i) => thread.forceClient.sendMessage(caseId, { body: `Update ${batch * 10 + i}` })));
      sent.push(...messages.map((m) => m.id));
    }
    const network = new FlakyNetwork();
    const all = await thread.victim({ fetch: network.fetch }).allMessages(caseId);
    expect(network.sent.length).toBeGreaterThan(1);
    expect(all.items).toHaveLength(210);
    expect(new Set(all.items.map((m) => m.id))).toEqual(new Set(sent));
    expect(all.nextCursor).toBeNull();
    expect(all.officerInCharge).toMatchObject({ collarNumber: thread.officer.collarNumber });

    const rest = await thread.officerClient().allMessages(caseId, all.items[204]!.cursor);
    expect(rest.items.map((m) => m.id)).toEqual(all.items.slice(205).map((m) => m.id));
  });
});

describe('ForceClient on the thread', () => {
  it('replies as the covering officer and marks read for them while the OIC is away', async () => {
    const thread = await newThread(server());
    const caseId = thread.theCase.id;
    const cover = await thread.forceClient.putOfficer('7788', { displayName: 'PC Jo Evans', rank: 'police_constable' });
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();

    const away = await thread.forceClient.putOfficerAbsence(thread.officer.collarNumber, { from, until, coveredBy: cover.collarNumber });
    expect(away.absence).toMatchObject({ until, coveredBy: { collarNumber: '7788', displayName: 'PC Jo Evans' } });
    const page = await thread.victim().listMessages(caseId);
    expect(page.officerInCharge?.absence).toMatchObject({ until, coveredBy: { collarNumber: '7788' } });

    const question = await thread.victim().sendMessage(caseId, 'Who do I talk to while DC Patel is away?');
    const reply = await thread.forceClient.sendMessage(caseId, { body: 'Me, PC Evans, until they are back.', collarNumber: '7788' });
    expect(reply.author).toMatchObject({ type: 'officer', officer: { collarNumber: '7788' } });
    expect(await thread.forceClient.markRead(caseId, question.cursor, { collarNumber: '7788' })).toMatchObject({ officer: question.cursor });

    await thread.forceClient.clearOfficerAbsence(thread.officer.collarNumber);
    expect((await thread.victim().listMessages(caseId)).officerInCharge?.absence ?? null).toBeNull();
  });

  it('sends an Idempotency-Key, the same one on its own retries, so a lost answer does not create twice', async () => {
    const thread = await newThread(server());
    const network = new FlakyNetwork();
    const client = new ForceClient({ baseUrl: server().url, apiKey: thread.force.apiKey, fetch: network.fetch });

    network.failNext('answer-lost');
    const input = newCase(thread.officer.collarNumber);
    const created = await client.createCase(input);
    const [first, retry] = network.sent;
    expect(first!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(retry!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'));
    expect(created.crimeReference).toBe(input.crimeReference);
    expect(await client.getCase(created.id)).toMatchObject({ id: created.id });

    // A key of the caller's own: the same request again replays the first answer.
    const key = `records-system-${crypto.randomUUID()}`;
    const again = newCase(thread.officer.collarNumber);
    const one = await client.createCase(again, { idempotencyKey: key });
    expect(await client.createCase(again, { idempotencyKey: key })).toEqual(one);
    await expect(client.createCase(newCase(undefined), { idempotencyKey: key })).rejects.toMatchObject({ status: 422, type: problemTypes.idempotencyKeyReused });
    // Without a key of the caller's own, each call is new (and the crime reference is taken).
    await expect(client.createCase(again)).rejects.toMatchObject({ status: 409, type: problemTypes.crimeReferenceExists });
  });

  it('waits out "still running" when its own calls with one Idempotency-Key overlap, and gets the first answer', async () => {
    const thread = await newThread(server());
    const network = new FlakyNetwork();
    const client = new ForceClient({ baseUrl: server().url, apiKey: thread.force.apiKey, fetch: network.fetch });
    const key = `records-system-${crypto.randomUUID()}`;
    const input = newCase(thread.officer.collarNumber);

    // On PostgreSQL the three overlap and two are told "still running" (409, Retry-After); on
    // PGlite's single connection they happen to run one after another.
    const answers = await Promise.all([1, 2, 3].map(() => client.createCase(input, { idempotencyKey: key })));

    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    // A 409 that is an answer (no Retry-After) is not sent again.
    const before = network.sent.length;
    await expect(client.createCase(input)).rejects.toMatchObject({ status: 409, type: problemTypes.crimeReferenceExists });
    expect(network.sent.length - before).toBe(1);
  });

  it('mints officer tokens and rotates the webhook secret, neither retried', async () => {
    const thread = await newThread(server());
    const token = await thread.forceClient.mintOfficerToken(thread.officer.collarNumber, 120);
    expect(token.token).toMatch(/^vpo_/);
    expect(token.officer).toMatchObject({ collarNumber: thread.officer.collarNumber });
    const lifetime = Date.parse(token.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(60_000);
    expect(lifetime).toBeLessThanOrEqual(120_000);
    await expect(thread.forceClient.mintOfficerToken('999999')).rejects.toMatchObject({ status: 422, type: problemTypes.unknownOfficer });

    const first = await thread.forceClient.rotateWebhookSecret();
    const second = await thread.forceClient.rotateWebhookSecret();
    expect(first.secret).toMatch(/^whsec_/);
    expect(second.secret).not.toBe(first.secret);
  });
});
