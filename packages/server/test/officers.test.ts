import { describe, expect, it } from 'vitest';
import type { Officer } from '@victim-portal/contract';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

describe('a records system keeps its officers in step', () => {
  it('creates an officer by collar number, then updates them', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const put = (json: unknown) => call<Officer>(h.url, 'putOfficer', '/v1/officers/A77', { method: 'PUT', token: force.apiKey, json });

    const created = await put({ displayName: 'PC Jo Bloggs', rank: 'police_constable' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ collarNumber: 'A77', displayName: 'PC Jo Bloggs', rank: 'police_constable', team: null, absence: null });

    const promoted = await put({ displayName: 'DS Jo Bloggs', rank: 'detective_sergeant', team: 'CID' });
    expect(promoted.body).toEqual({ collarNumber: 'A77', displayName: 'DS Jo Bloggs', rank: 'detective_sergeant', team: 'CID', absence: null });
    expect(await h.db('officers').where({ force_id: force.forceId })).toHaveLength(1);
  });

  it('keeps each force’s officers apart, even with the same collar number', async () => {
    const h = await harness();
    const x = await createTestForce(h.db);
    const y = await createTestForce(h.db);
    for (const [force, name] of [[x, 'PC X'], [y, 'PC Y']] as const) {
      await call(h.url, 'putOfficer', '/v1/officers/1001', { method: 'PUT', token: force.apiKey, json: { displayName: name, rank: 'police_constable' } });
    }
    const names = await h.db('officers').whereIn('force_id', [x.forceId, y.forceId]).orderBy('display_name').pluck('display_name');
    expect(names).toEqual(['PC X', 'PC Y']);
  });

  it('refuses an unknown rank', async () => {
    const h = await harness();
    const force = await createTestForce(h.db);
    const response = await call(h.url, 'putOfficer', '/v1/officers/1002', { method: 'PUT', token: force.apiKey, json: { displayName: 'X', rank: 'general' } });
    expect(response.status).toBe(400);
  });
});
