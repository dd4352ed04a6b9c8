// How the SDK turns what came back (or did not) into one ProblemError. The edge here is the
// network itself, so a fake fetch stands in for it; behaviour against the real service is in
// clients.test.ts.
import { describe, expect, it } from 'vitest';
import { ForceClient, ProblemError, VictimClient, networkProblemType } from '../src/index.js';

type FakeFetch = (request: Request) => Promise<Response>;
const asFetch = (fake: FakeFetch) => ((input: RequestInfo | URL, init?: RequestInit) => fake(new Request(input, init))) as typeof fetch;

const problemResponse = (status: number, body: unknown, contentType = 'application/problem+json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType, 'x-request-id': 'req-1' } });

describe('errors', () => {
  const cases: { name: string; given: FakeFetch; want: Partial<ProblemError> }[] = [
    {
      name: 'a problem body keeps every field',
      given: async () => problemResponse(404, {
        type: 'urn:victim-portal:problem:not-found', title: 'Not found', status: 404, detail: 'No such case', requestId: 'req-1',
      }),
      want: { status: 404, type: 'urn:victim-portal:problem:not-found', title: 'Not found', detail: 'No such case', requestId: 'req-1' },
    },
    {
      name: 'validation errors keep their pointers',
      given: async () => problemResponse(400, {
        type: 'urn:victim-portal:problem:invalid-request', title: 'Invalid request', status: 400,
        errors: [{ pointer: '/crimeReference', detail: 'must match pattern' }],
      }),
      want: { status: 400, errors: [{ pointer: '/crimeReference', detail: 'must match pattern' }] },
    },
    {
      name: "a proxy's HTML error page becomes about:blank with the status and request id",
      given: async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html', 'x-request-id': 'req-9' } }),
      want: { status: 502, type: 'about:blank', title: 'Bad Gateway', requestId: 'req-9' },
    },
    {
      name: 'a rate-limited answer says how long to wait',
      given: async () => new Response(JSON.stringify({ type: 'urn:victim-portal:problem:rate-limited', title: 'Too many attempts', status: 429 }), {
        status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '42' },
      }),
      want: { status: 429, retryAfterSeconds: 42 },
    },
    {
      name: 'a wrong second-factor answer says how many tries are left',
      given: async () => problemResponse(422, { type: 'urn:victim-portal:problem:second-factor-incorrect', title: 'That did not match', status: 422, attemptsLeft: 3 }),
      want: { status: 422, attemptsLeft: 3 },
    },
    {
      name: 'no response at all is status 0, network-error',
      given: async () => { throw new TypeError('fetch failed'); },
      want: { status: 0, type: networkProblemType },
    },
  ];

  for (const { name, given, want } of cases) {
    it(name, async () => {
      const client = new ForceClient({ baseUrl: 'http://service.test/', apiKey: 'vpk_x', fetch: asFetch(given), timeout: 1000 });
      const error = await client.getCase('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect(error).toMatchObject(want);
    });
  }
});

describe('requests', () => {
  it('sends the API key as a bearer token to a path under the base URL, even without a trailing slash', async () => {
    const seen: Request[] = [];
    const client = new ForceClient({
      baseUrl: 'http://service.test/portal', apiKey: 'vpk_abc',
      fetch: asFetch(async (request) => { seen.push(request); return problemResponse(404, { type: 'urn:victim-portal:problem:not-found', title: 'Not found', status: 404 }); }),
    });
    await client.getCase('a/b').catch(() => undefined);
    expect(seen[0]?.url).toBe('http://service.test/portal/v1/cases/a%2Fb');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer vpk_abc');
  });

  it('does not retry a POST that failed with a 5xx (it may have been stored)', async () => {
    let calls = 0;
    const client = new VictimClient({
      baseUrl: 'http://service.test/',
      fetch: asFetch(async () => { calls += 1; return problemResponse(503, { type: 'about:blank', title: 'Unavailable', status: 503 }); }),
    });
    await expect(client.redeemInvite('vpi_aaaaaaaaaaaaaaaaaaaaaaaa', '123456')).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });

  it('a 401 on a victim read forgets the token and says the session ended', async () => {
    let ended = 0;
    const client = new VictimClient({
      baseUrl: 'http://service.test/', sessionToken: 'vps_old', onSessionEnded: () => { ended += 1; },
      fetch: asFetch(async () => problemResponse(401, { type: 'urn:victim-portal:problem:unauthenticated', title: 'Sign in again', status: 401 })),
    });
    await expect(client.listMyCases()).rejects.toMatchObject({ status: 401 });
    expect(client.sessionToken).toBeUndefined();
    expect(ended).toBe(1);
  });

  it('signing out of a session the service already ended is not an error', async () => {
    const client = new VictimClient({
      baseUrl: 'http://service.test/', sessionToken: 'vps_old',
      fetch: asFetch(async () => problemResponse(401, { type: 'urn:victim-portal:problem:unauthenticated', title: 'Sign in again', status: 401 })),
    });
    await expect(client.signOut()).resolves.toBeUndefined();
    expect(client.sessionToken).toBeUndefined();
  });
});
