import { describe, expect, it } from 'vitest';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

const site = 'https://www.corsshire.police.example';

async function forceAllowing(origin: string) {
  const h = await harness();
  const force = await createTestForce(h.db);
  const changed = await call(h.url, 'updateForceSettings', '/v1/force/settings', { method: 'PATCH', token: force.apiKey, json: { allowedOrigins: [origin] } });
  expect(changed.status).toBe(200);
  return { h, force };
}

describe('browsers on a force’s website (CORS)', () => {
  it('may call the victim API from an allowed origin, preflight included', async () => {
    const { h } = await forceAllowing(site);
    const preflight = await fetch(`${h.url}/v1/me/cases`, {
      method: 'OPTIONS',
      headers: { Origin: site, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(site);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/GET/);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const actual = await call(h.url, 'listMyCases', '/v1/me/cases', { headers: { Origin: site } });
    expect(actual.status).toBe(401);
    expect(actual.headers.get('access-control-allow-origin')).toBe(site);
    expect(actual.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
  });

  it('gives no CORS headers to other origins, nor ever on the force-key API', async () => {
    const { h, force } = await forceAllowing(`${site}:8443`);
    const other = await call(h.url, 'listMyCases', '/v1/me/cases', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const forceApi = await call(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey, headers: { Origin: `${site}:8443` } });
    expect(forceApi.status).toBe(200);
    expect(forceApi.headers.get('access-control-allow-origin')).toBeNull();
  });
});
