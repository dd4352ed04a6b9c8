import { describe, expect, it } from 'vitest';
import { contractValidator } from '../src/app.js';
import { contractRouter } from '../src/http/operations.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

describe('the service and its contract', () => {
  it('refuses to start unless every operation of the contract has exactly one handler', async () => {
    const h = await harness();
    const validator = contractValidator();
    const all = Object.fromEntries([...validator.operations.keys()].map((id) => [id, async () => undefined]));
    expect(() => contractRouter(h.db, validator, all)).not.toThrow();
    const { getMyCase: _left, ...missingOne } = all;
    expect(() => contractRouter(h.db, validator, missingOne)).toThrow(/Missing: getMyCase/);
    const extra = { ...all, deleteCase: async () => undefined } as Parameters<typeof contractRouter>[2];
    expect(() => contractRouter(h.db, validator, extra)).toThrow(/Not in the contract: deleteCase/);
  });

  it('routes every path and method of the contract', async () => {
    const h = await harness();
    for (const spec of contractValidator().operations.values()) {
      const path = spec.path.replace('{caseId}', '00000000-0000-4000-8000-000000000000').replace('{collarNumber}', '1');
      const response = await fetch(h.url + path, { method: spec.method.toUpperCase() });
      expect([404, 405].includes(response.status) && (await response.text()).includes('nothing at this address'), `${spec.method} ${spec.path}`).toBe(false);
    }
  });

  it('gives every response an X-Request-Id, keeping a caller’s own if it is plain', async () => {
    const h = await harness();
    const kept = await call(h.url, 'getHealth', '/healthz', { headers: { 'X-Request-Id': 'records-system-0001' } });
    expect(kept.headers.get('x-request-id')).toBe('records-system-0001');
    const replaced = await call(h.url, 'getHealth', '/healthz', { headers: { 'X-Request-Id': 'has spaces <and> tags' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await call<{ requestId: string }>(h.url, null, '/nowhere', { headers: { 'X-Request-Id': 'trace-abcdef12' } });
    expect(problem.body.requestId).toBe('trace-abcdef12');
    expect(problem.headers.get('x-content-type-options')).toBe('nosniff');
    expect(problem.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
