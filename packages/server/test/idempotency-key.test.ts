import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { openapiDocument, type ForceCase, type InviteOutcome, type Message, type ReadState } from '@victim-portal/contract';
import { idempotencyKeys, operationsTakingIdempotencyKey, pruneExpiredKeys } from '../src/http/idempotency.js';
import { problemResponses } from '../src/http/problem.js';
import { requestId } from '../src/http/request-id.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, forceWithOfficer } from './support/journey.js';
import { liveCase } from './support/live-thread.js';

type Problem = { type: string; requestId?: string };

async function casesOf(forceId: string): Promise<number> {
  const h = await harness();
  const [row] = await h.db('cases').where({ force_id: forceId }).count<{ count: string | number }[]>('* as count');
  return Number(row?.count);
}

describe('Idempotency-Key', () => {
  it('is honoured by exactly the operations whose contract parameters include it', () => {
    expect([...operationsTakingIdempotencyKey(openapiDocument)].sort()).toEqual(
      ['createCase', 'createCaseEvent', 'markCaseMessagesRead', 'recordReferralMade', 'recordVictimTold', 'reissueInvite', 'resendInvite', 'revokeInvite', 'sendCaseMessage'],
    );
  });

  it('deletes a force\'s keys once they are over 24 hours old, after a keyed request of that force, and no other force\'s', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const other = await forceWithOfficer(h);
    const row = (forceId: string, key: string, hoursAgo: number) => ({
      force_id: forceId,
      key,
      operation: 'createCase',
      request_hash: 'x',
      status: 201,
      created_at: h.db.raw(`now() - cast(? as integer) * interval '1 hour'`, [hoursAgo]),
    });
    await h.db('idempotency_keys').insert([row(force.forceId, 'old', 25), row(force.forceId, 'recent', 23), row(other.forceId, 'old', 25)]);

    const made = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody(), headers: { 'Idempotency-Key': randomUUID() } });
    expect(made.status, made.text).toBe(201);

    const left = async (forceId: string) => (await h.db('idempotency_keys').where({ force_id: forceId }).pluck('key')).sort();
    expect(await left(force.forceId)).toEqual(expect.arrayContaining(['recent']));
    expect(await left(force.forceId)).not.toContain('old');
    expect(await left(other.forceId)).toEqual(['old']);
    // At most every 10 minutes per force and process.
    await h.db('idempotency_keys').insert(row(force.forceId, 'old', 25));
    expect(await pruneExpiredKeys(h.db, force.forceId)).toBe(0);
    expect(await pruneExpiredKeys(h.db, force.forceId, Date.now() + 11 * 60 * 1000)).toBe(1);
  });

  it('replays the first response to a retry with the same key and body, and creates nothing more', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    const key = randomUUID();
    const first = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await casesOf(force.forceId)).toBe(1);
    // One invite went out, not two.
    const [outbox] = await h.db('outbox').where({ force_id: force.forceId }).count<{ count: string | number }[]>('* as count');
    expect(Number(outbox?.count)).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const key = randomUUID();
    const first = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    const again = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: reordered, headers: { 'Idempotency-Key': key } });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await casesOf(force.forceId)).toBe(1);
  });

  it('refuses the key with another body, or on another operation or case', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const key = randomUUID();
    const first = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody(), headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    const otherBody = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody(), headers: { 'Idempotency-Key': key } });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.type).toBe('urn:victim-portal:problem:idempotency-key-reused');
    const otherOperation = await call<Problem>(h.url, null, `/v1/cases/${first.body.id}/invite/resend`, { token: force.apiKey, method: 'POST', headers: { 'Idempotency-Key': key } });
    expect(otherOperation.status).toBe(422);
    expect(otherOperation.body.type).toBe('urn:victim-portal:problem:idempotency-key-reused');
    expect(await casesOf(force.forceId)).toBe(1);

    // The same operation on another case is another request, too.
    const second = await call<ForceCase>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody() });
    const resendKey = randomUUID();
    const resent = await call<InviteOutcome>(h.url, 'resendInvite', `/v1/cases/${first.body.id}/invite/resend`, { token: force.apiKey, method: 'POST', headers: { 'Idempotency-Key': resendKey } });
    expect(resent.status, resent.text).toBe(200);
    const otherCase = await call<Problem>(h.url, null, `/v1/cases/${second.body.id}/invite/resend`, { token: force.apiKey, method: 'POST', headers: { 'Idempotency-Key': resendKey } });
    expect(otherCase.status).toBe(422);
  });

  it('lets concurrent identical requests create exactly one case', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    const key = randomUUID();
    const send = () => call<ForceCase | Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    const answers = await Promise.all([send(), send(), send(), send(), send()]);
    for (const answer of answers) {
      expect([201, 409], answer.text).toContain(answer.status);
      if (answer.status === 409) {
        expect((answer.body as Problem).type).toBe('urn:victim-portal:problem:idempotency-key-in-use');
        expect(answer.headers.get('retry-after')).toBe('1');
      }
    }
    expect(answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await casesOf(force.forceId)).toBe(1);
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await casesOf(force.forceId)).toBe(1);
  });

  it('replays a refusal as well: the same key and body get the same 409', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    expect((await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body })).status).toBe(201);
    const key = randomUUID();
    const refused = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    expect(refused.status).toBe(409);
    const again = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.type).toBe(refused.body.type);
    // The problem names the request it answers (the helper checks it is this one's).
    expect(again.body.requestId).toBe(again.headers.get('x-request-id'));
  });

  it('keeps keys per force: another force may use the same key', async () => {
    const h = await harness();
    const [one, two] = [await forceWithOfficer(h), await forceWithOfficer(h)];
    const key = randomUUID();
    const first = await call(h.url, 'createCase', '/v1/cases', { token: one.apiKey, json: caseBody(), headers: { 'Idempotency-Key': key } });
    const second = await call(h.url, 'createCase', '/v1/cases', { token: two.apiKey, json: caseBody(), headers: { 'Idempotency-Key': key } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect([await casesOf(one.forceId), await casesOf(two.forceId)]).toEqual([1, 1]);
  });

  it('forgets a key after 24 hours', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const key = randomUUID();
    expect((await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody(), headers: { 'Idempotency-Key': key } })).status).toBe(201);
    await h.db('idempotency_keys').where({ force_id: force.forceId, key }).update({ created_at: h.db.raw("now() - interval '25 hours'") });
    const later = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody(), headers: { 'Idempotency-Key': key } });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(await casesOf(force.forceId)).toBe(2);
  });

  it('answers 409 while the first request runs, and takes over a claim abandoned by a crashed instance', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const body = caseBody();
    const key = randomUUID();
    // A claim as an instance leaves it while it runs (no outcome yet): run the request once,
    // then turn its stored outcome back into "still running".
    expect((await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } })).status).toBe(201);
    await h.db('idempotency_keys').where({ force_id: force.forceId, key }).update({ status: null, response_headers: null, response_body: null });
    const running = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    expect(running.status).toBe(409);
    expect(running.body.type).toBe('urn:victim-portal:problem:idempotency-key-in-use');
    expect(running.headers.get('retry-after')).toBe('1');

    // Two minutes on, that instance is gone: the retry runs (and meets the case it created).
    await h.db('idempotency_keys').where({ force_id: force.forceId, key }).update({ created_at: h.db.raw("now() - interval '2 minutes'") });
    const takenOver = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body, headers: { 'Idempotency-Key': key } });
    expect(takenOver.status).toBe(409);
    expect(takenOver.body.type).toBe('urn:victim-portal:problem:crime-reference-exists');
    expect(takenOver.headers.get('idempotent-replayed')).toBeNull();
    expect(await casesOf(force.forceId)).toBe(1);
  });
});

describe('Idempotency-Key on a reply from the records system', () => {
  it('replays the reply, and one message and one webhook exist', async () => {
    const h = await harness();
    const c = await liveCase(h);
    const key = randomUUID();
    const json = { id: randomUUID(), body: 'We will call you on Tuesday.' };
    const send = () => call<Message>(h.url, 'sendCaseMessage', `/v1/cases/${c.caseId}/messages`, { token: c.force.apiKey, json, headers: { 'Idempotency-Key': key } });
    const [first, again] = [await send(), await send()];
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await h.db('messages').where({ case_id: c.caseId }).pluck('id')).toEqual([json.id]);
    expect(await h.db('outbox').where({ force_id: c.force.forceId, kind: 'webhook' }).pluck('id')).toHaveLength(1);
    const read = () => call<ReadState>(h.url, 'markCaseMessagesRead', `/v1/cases/${c.caseId}/messages/read`, { token: c.force.apiKey, json: { upTo: first.body.cursor }, headers: { 'Idempotency-Key': `${key}-read` } });
    const [marked, markedAgain] = [await read(), await read()];
    expect([marked.status, markedAgain.status]).toEqual([200, 200]);
    expect(markedAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(await h.db('read_receipts').where({ case_id: c.caseId }).pluck('seq')).toHaveLength(1);
  });
});

describe('Idempotency-Key after a fault', () => {
  it('releases the key on a 5xx, so the retry runs and its outcome is the one kept', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    // The step as the router mounts it, in front of a handler that fails once: no operation of
    // the service fails on demand.
    let calls = 0;
    const app = new Koa();
    app.use(requestId());
    app.use(problemResponses(() => undefined));
    app.use(async (ctx, next) => {
      ctx.state['caller'] = { kind: 'force', forceId: force.forceId };
      ctx.request.body = { n: 1 };
      await next();
    });
    app.use(idempotencyKeys(h.db, 'createCase'));
    app.use(async (ctx) => {
      calls++;
      if (calls === 1) throw new Error('the database went away');
      ctx.status = 201;
      ctx.set('Location', `/v1/cases/${calls}`);
      ctx.body = { calls };
    });
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const key = randomUUID();
      const send = () => fetch(url, { method: 'POST', headers: { 'Idempotency-Key': key } });
      expect((await send()).status).toBe(500);
      expect(await h.db('idempotency_keys').where({ force_id: force.forceId, key }).first()).toBeUndefined();
      const retried = await send();
      expect(retried.status).toBe(201);
      expect(await retried.json()).toEqual({ calls: 2 });
      const replayed = await send();
      expect(replayed.status).toBe(201);
      expect(replayed.headers.get('location')).toBe('/v1/cases/2');
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(await replayed.json()).toEqual({ calls: 2 });
      expect(calls).toBe(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
