import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreate, ForceCase, SignInChallenge, VictimSession } from '@victim-portal/contract';
import { hashToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/http/request-log.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createTestForce, createTestOfficer } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';

/** Everything written to the server's log, and to the process's stdout and stderr, during the flow. */
const written: string[] = [];
const logStream = { write: (line: string) => void written.push(line) };

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  method?: string;
  operation?: string | null;
  route?: string;
  status?: number;
}

// Values that must never reach a log. Distinctive, so that a hit cannot be a coincidence.
const unique = String(randomInt(1_000_000, 9_999_999));
const victim = {
  givenName: `Zebedee${unique}`,
  familyName: 'Quillfeather-Canary',
  email: `canary.${unique}@example.com`,
  mobile: `+447700${unique.slice(0, 6)}`,
  dateOfBirth: '1979-11-23',
  postcode: 'ZZ9 9ZZ',
};
const crimeReference = `CANARY/24/${unique}`;
const offenceLabel = `Canary offence text ${unique}`;
const messageText = `Canary message text ${unique}: please call me after six`;
const threadText = `Canary thread text ${unique}: the van was blue`;
const updateNote = `Canary update note ${unique}: any news on the arrest?`;
const crimeAccount = `Canary account ${unique}: they came in through the back window`;
const crimeLocation = `Canary location ${unique}, Back Lane`;

describe('the logs carry no secrets and no personal data', () => {
  let server: RunningServer;
  const canaries: Record<string, string> = {};
  const requestIds: string[] = [];
  let oneTimeCode = '';
  const originalStdout = process.stdout.write.bind(process.stdout);
  const originalStderr = process.stderr.write.bind(process.stderr);

  beforeAll(async () => {
    const h = await harness();
    server = await startServer({
      port: 0,
      db: h.db,
      migrate: false,
      devMailbox: true,
      outboxPollIntervalMs: 0,
      logStream,
      rateLimits: { signInByAddress: { points: 100_000, seconds: 60 } },
    });
    // Anything else the process writes while the flow runs is searched too.
    const tee = (original: typeof process.stdout.write) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (original as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = tee(originalStdout);
    process.stderr.write = tee(originalStderr);
    try {
      await runFlow(h.db);
    } finally {
      process.stdout.write = originalStdout;
      process.stderr.write = originalStderr;
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The whole victim journey and the force's side of it, plus requests built to tempt a logger. */
  async function runFlow(db: Parameters<typeof createTestForce>[0]) {
    const url = server.url;
    const remember = (response: { headers: Headers }) => requestIds.push(response.headers.get('x-request-id') ?? '');
    const force = await createTestForce(db, { secondFactor: 'one_time_code' });
    const officer = await createTestOfficer(db, force.forceId);
    canaries['API key'] = force.apiKey;
    const body: CaseCreate = {
      crimeReference,
      offence: { code: '028/01', label: offenceLabel },
      reportedAt: '2024-05-01T09:30:00.000Z',
      reportedVia: 'online',
      officerInCharge: { collarNumber: officer.collarNumber },
      crimeReport: { account: crimeAccount, location: crimeLocation },
      victim: { ...victim, preferredChannel: 'email' },
    };
    const created = await call<ForceCase>(url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(created.status, created.text).toBe(201);
    remember(created);
    await server.deliverNotifications();
    const link = server.mailbox?.messages().find((m) => m.to === victim.email && m.link?.includes('#invite='))?.link ?? '';
    const inviteToken = new URL(link).hash.slice('#invite='.length);
    expect(inviteToken).toMatch(/^vpi_/);
    canaries['invite token'] = inviteToken;

    const challenge = await call<SignInChallenge>(url, 'startInviteChallenge', '/v1/invites/challenge', { json: { token: inviteToken } });
    expect(challenge.status).toBe(200);
    remember(challenge);
    await server.deliverNotifications();
    oneTimeCode = /\b(\d{6})\b/.exec(server.mailbox?.messages().find((m) => m.to === victim.mobile)?.body ?? '')?.[1] ?? '';
    expect(oneTimeCode).toMatch(/^\d{6}$/);
    const wrongCode = String((Number(oneTimeCode) + 1) % 1_000_000).padStart(6, '0');
    canaries['wrong answer'] = wrongCode;
    const wrong = await call(url, 'redeemInvite', '/v1/invites/redeem', { json: { token: inviteToken, answer: wrongCode } });
    expect(wrong.status).toBe(422);
    const redeemed = await call<VictimSession>(url, 'redeemInvite', '/v1/invites/redeem', { json: { token: inviteToken, answer: ` ${oneTimeCode} ` } });
    expect(redeemed.status).toBe(201);
    const sessionToken = redeemed.body.sessionToken;
    canaries['session token'] = sessionToken;

    for (const response of [
      await call(url, 'listMyCases', '/v1/me/cases', { token: sessionToken }),
      await call(url, 'getMyCase', `/v1/me/cases/${created.body.id}`, { token: sessionToken }),
      await call(url, 'getMySession', '/v1/me/session', { token: sessionToken }),
      await call(url, 'getMyCrimeReport', `/v1/me/cases/${created.body.id}/crime-report`, { token: sessionToken }),
      await call(url, 'sendMyMessage', `/v1/me/cases/${created.body.id}/messages`, { token: sessionToken, json: { id: randomUUID(), body: threadText } }),
      await call(url, 'requestUpdate', `/v1/me/cases/${created.body.id}/update-requests`, { token: sessionToken, json: { id: randomUUID(), note: updateNote } }),
      await call(url, 'listMyMessages', `/v1/me/cases/${created.body.id}/messages`, { token: sessionToken }),
      await call(url, 'getCase', `/v1/cases/${created.body.id}`, { token: force.apiKey }),
      await call(url, 'updateCase', `/v1/cases/${created.body.id}`, { method: 'PATCH', token: force.apiKey, json: { victim: { postcode: victim.postcode, mobile: victim.mobile } } }),
      await call(url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: victim.email.toUpperCase() } }),
      await call(url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: `0${victim.mobile.slice(3)}` } }),
    ]) {
      expect(response.status, response.text).toBeLessThan(300);
      remember(response);
    }
    await server.deliverNotifications();
    expect((await call(url, 'signOut', '/v1/me/session', { method: 'DELETE', token: sessionToken })).status).toBe(204);
    // Refused credentials: a used invite, a signed-out session.
    expect((await call(url, 'redeemInvite', '/v1/invites/redeem', { json: { token: inviteToken, answer: oneTimeCode } })).status).toBe(409);
    expect((await call(url, 'listMyCases', '/v1/me/cases', { token: sessionToken })).status).toBe(401);

    // Bad requests that carry personal data where a careless logger would write it out.
    const badBodies = [
      { ...body, crimeReference: `${crimeReference}-2`, message: messageText },
      { ...body, crimeReference: `${crimeReference}-3`, victim: { ...victim, email: `${victim.email}@@`, notes: messageText } },
    ];
    for (const bad of badBodies) {
      const response = await call(url, 'createCase', '/v1/cases', { token: force.apiKey, json: bad });
      expect(response.status).toBe(400);
      remember(response);
    }
    const malformed = await call(url, null, '/v1/cases', { token: force.apiKey, raw: `{"crimeReference":"${crimeReference}","text":"${messageText}"`, contentType: 'application/json' });
    expect(malformed.status).toBe(400);
    const duplicate = await call(url, 'createCase', '/v1/cases', { token: force.apiKey, json: body });
    expect(duplicate.status).toBe(409);
    // Secrets and personal data in places they never belong: a path, a query, a header.
    for (const [path, operation] of [
      [`/v1/cases/${encodeURIComponent(crimeReference)}`, 'getCase'],
      [`/v1/invites/${inviteToken}`, null],
      [`/v1/cases?token=${inviteToken}&email=${encodeURIComponent(victim.email)}`, null],
      [`/v1/me/cases/${created.body.id}?contact=${encodeURIComponent(victim.mobile)}`, 'getMyCase'],
    ] as const) {
      const response = await call(url, operation, path, { headers: { Authorization: `Bearer ${force.apiKey}`, 'X-Victim-Name': victim.familyName } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      remember(response);
    }
    // A credential as a request id is not echoed into the log either.
    const sneaky = await call(url, 'getMySession', '/v1/me/session', { token: sessionToken, headers: { 'X-Request-Id': `vpi_${inviteToken.slice(4, 40)}` } });
    expect(sneaky.status).toBe(401);

    Object.assign(canaries, {
      'invite token hash': hashToken(inviteToken),
      'session token hash': hashToken(sessionToken),
      'API key hash': hashToken(force.apiKey),
      'given name': victim.givenName,
      'family name': victim.familyName,
      email: victim.email,
      'email as typed': victim.email.toUpperCase(),
      mobile: victim.mobile,
      'mobile, national': `0${victim.mobile.slice(3)}`,
      'date of birth': victim.dateOfBirth,
      postcode: victim.postcode,
      'postcode, compact': victim.postcode.replace(' ', ''),
      'crime reference': crimeReference,
      'crime reference, in a URL': encodeURIComponent(crimeReference),
      'offence text': offenceLabel,
      'message text': messageText,
      'thread message text': threadText,
      'update request note': updateNote,
      'crime report account': crimeAccount,
      'crime report location': crimeLocation,
      'invite token, in a request id': inviteToken.slice(4, 40),
    });
  }

  const lines = () =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  it('logs every request: its id, operation, route template and status (so this test could fail)', () => {
    const logged = lines().filter((line) => line.msg === 'request');
    expect(logged.length).toBeGreaterThanOrEqual(requestIds.length);
    const ids = new Set(logged.map((line) => line.requestId));
    for (const id of requestIds) expect(ids.has(id), `request ${id} logged`).toBe(true);
    expect(logged).toContainEqual(expect.objectContaining({ method: 'GET', operation: 'getMyCase', route: '/v1/me/cases/:caseId', status: 200 }));
    expect(logged).toContainEqual(expect.objectContaining({ method: 'POST', operation: 'redeemInvite', route: '/v1/invites/redeem', status: 422 }));
    expect(logged).toContainEqual(expect.objectContaining({ method: 'GET', operation: null, route: '(unrouted)', status: 404 }));
  });

  it('gives every request line and fault line the id of its request, the one returned to the caller', () => {
    const perRequest = lines().filter((line) => line.msg === 'request' || line.msg === 'fault');
    expect(perRequest.length).toBeGreaterThan(requestIds.length);
    for (const line of perRequest) expect(line.requestId, JSON.stringify(line)).toMatch(/^[\w.:-]{8,64}$/);
  });

  it('holds none of the canaries: no token, key, code, contact, name, date of birth, postcode, crime reference or text', () => {
    const everything = written.join('');
    expect(everything.length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(canaries)) {
      expect(value.length, name).toBeGreaterThan(5);
      expect(everything.includes(value), `${name} in the logs`).toBe(false);
      expect(everything.toLowerCase().includes(value.toLowerCase()), `${name} (any case) in the logs`).toBe(false);
    }
    // A six-digit code could match a run of digits in a timestamp; look for it standing alone.
    expect(everything).not.toMatch(new RegExp(`(?<![0-9])${oneTimeCode}(?![0-9])`));
    expect(everything).not.toMatch(/vp[iks]_[A-Za-z0-9_-]{20}/);
  });
});

describe('the service logger redacts personal data by configuration', () => {
  const captured: string[] = [];
  const log = createLogger({ write: (line: string) => void captured.push(line) });
  const contact = `redact.${unique}@example.com`;
  const secrets: Record<string, string> = {
    email: contact,
    mobile: `+447700${unique.slice(0, 6)}`,
    name: `Philomena${unique}`,
    'family name': `Ravenscroft${unique}`,
    'officer name': `DC Officer${unique}`,
    token: `vps_${unique}SessionTokenValue`,
    'API key': `vpk_${unique}ApiKeyValue`,
    'one-time code': `code${unique}`,
    'message body': `Body ${unique}: I am scared to go home`,
    'crime report': `Account ${unique}: he hit me with a bottle`,
    'crime reference': `REDACT/24/${unique}`,
    'date of birth': '1981-02-03',
    postcode: 'ZZ1 1ZZ',
    'database message': `duplicate key (email)=(${unique}@example.org)`,
  };

  beforeAll(() => {
    // Objects as a careless line of code might log them, with personal data at each depth.
    log.info({ contact: secrets['email'], token: secrets['token'], apiKey: secrets['API key'], body: secrets['message body'] }, 'top level');
    log.info({ victim: { givenName: secrets['name'], familyName: secrets['family name'], email: secrets['email'], mobile: secrets['mobile'], dateOfBirth: secrets['date of birth'], postcode: secrets['postcode'] } }, 'a victim');
    log.info({ case: { crimeReference: secrets['crime reference'], crimeReport: { account: secrets['crime report'] }, officer: { displayName: secrets['officer name'] } } }, 'a case');
    log.info({ outbox: { payload: { to: secrets['mobile'], code: secrets['one-time code'] } }, notification: { to: secrets['email'] } }, 'a notification');
    log.info({ message: { body: secrets['message body'], text: secrets['message body'] }, request: { headers: { authorization: `Bearer ${secrets['token']}` }, url: `/v1/cases?email=${secrets['email']}` } }, 'a request');
    log.info({ admin: { name: secrets['name'] }, deeper: { still: { email: secrets['email'], name: secrets['name'] } } }, 'nested');
    // Errors: their messages can quote values (a database's "Key (email)=(…)").
    log.error(Object.assign(new Error(secrets['database message']), { code: '23505' }));
    log.warn({ err: new Error(`could not send to ${secrets['mobile']}`) }, 'delivery');
  });

  it('writes the lines, with the personal fields marked redacted (so this test could fail)', () => {
    const everything = captured.join('');
    expect(captured.length).toBe(8);
    for (const field of ['contact', 'token', 'apiKey', 'body', 'victim', 'crimeReference', 'crimeReport', 'officer', 'payload', 'notification', 'text', 'headers', 'url', 'name', 'email']) {
      expect(everything, field).toContain(`"${field}":"[redacted]"`);
    }
    // What is not personal stays: messages, error classes and codes.
    expect(everything).toContain('"msg":"a victim"');
    expect(everything).toContain('"code":"23505"');
    expect(everything).toContain('"type":"Error"');
  });

  it('holds none of the personal data', () => {
    const everything = captured.join('');
    for (const [name, value] of Object.entries(secrets)) expect(everything.includes(value), `${name} in the log`).toBe(false);
  });
});
