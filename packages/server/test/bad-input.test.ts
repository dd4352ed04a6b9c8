import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody } from './support/journey.js';

const invalidRequest = 'urn:victim-portal:problem:invalid-request';

type Problem = { type: string; errors?: Array<{ pointer: string; detail: string }> };

/** How many rows the force has in each table a case creation writes to. */
async function rowsOf(forceId: string) {
  const h = await harness();
  const counts: Record<string, number> = {};
  for (const table of ['cases', 'victims', 'invites', 'outbox', 'audit_log']) {
    const [row] = await h.db(table).where({ force_id: forceId }).count<{ count: string | number }[]>('* as count');
    counts[table] = Number(row?.count);
  }
  return counts;
}

const nothing = { cases: 0, victims: 0, invites: 0, outbox: 0, audit_log: 0 };

describe('bad input gets a clear 4xx problem, never a 5xx, and writes nothing', () => {
  it('malformed JSON: 400 pointing at the body', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const raw of ['{"crimeReference": ', '{"a":1}}', "{'single': 'quotes'}", 'null', '"a string"', '42', '']) {
      const response = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, raw, contentType: 'application/json' });
      expect(response.status, JSON.stringify(raw)).toBe(400);
      expect(response.body.type).toBe(invalidRequest);
    }
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('wrong types and formats: 400 listing each place that is wrong', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const body = {
      ...caseBody(),
      reportedAt: 20240501,
      offence: { code: 'burglary', label: '' },
      reportedVia: 'carrier_pigeon',
    };
    body.victim = { ...body.victim, email: 'not-an-email', mobile: '07700 900123' };
    const response = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.pointer).sort()).toEqual(
      ['/offence/code', '/offence/label', '/reportedAt', '/reportedVia', '/victim/email', '/victim/mobile'].sort(),
    );
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('unknown fields, at the top and nested: 400 naming them', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const base = caseBody();
    const response = await call<Problem>(h.url, 'createCase', '/v1/cases', {
      token: force.apiKey,
      json: { ...base, priority: 'high', victim: { ...base.victim, nickname: 'Al' } },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.pointer).sort()).toEqual(['/priority', '/victim/nickname']);
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('missing fields and a missing body: 400', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const { victim: _victim, ...withoutVictim } = caseBody();
    const missing = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: withoutVictim });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ pointer: '/victim', detail: 'is required' }]);
    const noBody = await call<Problem>(h.url, 'createCase', '/v1/cases', { token: force.apiKey, method: 'POST' });
    expect(noBody.status).toBe(400);
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('a body over 64 KB: 413, whether its length is declared or streamed', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const huge = JSON.stringify({ ...caseBody(), padding: 'x'.repeat(70 * 1024) });
    const declared = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, raw: huge, contentType: 'application/json' });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ type: 'urn:victim-portal:problem:payload-too-large' });

    // Chunked, so the server only finds out while reading.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"padding":"' : 'x'.repeat(1024)));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const streamed = await fetch(`${h.url}/v1/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${force.apiKey}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('a body that is not JSON: 415', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const response = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, raw: JSON.stringify(caseBody()), contentType });
      expect(response.status, contentType).toBe(415);
      expect(response.body).toMatchObject({ type: 'urn:victim-portal:problem:unsupported-media-type' });
    }
    const redeem = await call(h.url, 'redeemInvite', '/v1/invites/redeem', { raw: 'token=vpi_x', contentType: 'application/x-www-form-urlencoded' });
    expect(redeem.status).toBe(415);
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('a bad id in the path: 400 pointing at it', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const id of ['not-a-uuid', '123', `urn:uuid:${randomUUID()}`, `${randomUUID()}x`, "'; drop table cases; --"]) {
      const response = await call<Problem>(h.url, 'getCase', `/v1/cases/${encodeURIComponent(id)}`, { token: force.apiKey });
      expect(response.status, id).toBe(400);
      expect(response.body.errors?.[0]?.pointer).toBe('path/caseId');
    }
    const officer = await call<Problem>(h.url, 'putOfficer', '/v1/officers/PC-12', {
      method: 'PUT',
      token: force.apiKey,
      json: { displayName: 'PC Jo Bloggs', rank: 'police_constable' },
    });
    expect(officer.status).toBe(400);
    expect(officer.body.errors?.[0]?.pointer).toBe('path/collarNumber');
  });

  it('values the contract allows but the database cannot store: 400, not 500', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    for (const victim of [{ givenName: 'Al\u0000ex' }, { familyName: '\u0000' }]) {
      const response = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: caseBody(victim) });
      expect(response.status, JSON.stringify(victim)).toBe(400);
    }
    for (const reportedAt of ['0000-01-01T00:00:00Z', '2024-02-30T10:00:00Z', '2024-13-01T10:00:00Z']) {
      const response = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, json: { ...caseBody(), reportedAt } });
      expect(response.status, reportedAt).toBeGreaterThanOrEqual(400);
      expect(response.status, reportedAt).toBeLessThan(500);
    }
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('JSON that tries prototype pollution: 400', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const raw = JSON.stringify(caseBody()).replace('{', '{"__proto__":{"polluted":true},');
    const response = await call(h.url, 'createCase', '/v1/cases', { token: force.apiKey, raw, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await rowsOf(force.forceId)).toEqual(nothing);
  });

  it('an unknown address: 404 problem; a known one with the wrong method: 405 problem with Allow', async () => {
    const h = await harness();
    const unknown = await call(h.url, null, '/v1/crimes');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: 'urn:victim-portal:problem:not-found' });
    const wrongMethod = await call(h.url, null, '/v1/cases', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body).toMatchObject({ type: 'urn:victim-portal:problem:method-not-allowed' });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const put = await call(h.url, null, `/v1/me/cases/${randomUUID()}`, { method: 'PUT', json: {} });
    expect(put.status).toBe(405);
    const encoded = await call(h.url, null, '/v1/cases/%E0%A4%A');
    expect(encoded.status).toBeGreaterThanOrEqual(400);
    expect(encoded.status).toBeLessThan(500);
  });
});
