// What the messaging benches need, made through the real API on the bench database: a force,
// its officer, one case, the victim signed in (a session) and a token for the officer.

async function json(response, what) {
  const body = await response.json();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Seeds one thread's participants (and migrates the database on the way).
 * @param {{ officerTokens?: number }} [options] also mint this many tokens (1 hour each) for the officer
 * @returns {{ caseId, sessionToken, officerTokens: string[], apiKey, forceId, collarNumber }}
 */
export async function seedThread(databaseUrl, options = {}) {
  const { startServer } = await import('@victim-portal/server');
  const { createTestForce, createTestOfficer, waitForInviteLink, inviteTokenFrom } = await import('@victim-portal/server/testing');
  const server = await startServer({ port: 0, databaseUrl, devMailbox: true, outboxPollIntervalMs: 50 });
  try {
    // Date of birth as the second factor, so the bench signs in without reading a code.
    const force = await createTestForce(server.db, { secondFactor: 'date_of_birth' });
    const officer = await createTestOfficer(server.db, force.forceId);
    const asForce = { Authorization: `Bearer ${force.apiKey}`, 'Content-Type': 'application/json' };
    const email = `bench-${Date.now()}@example.com`;
    const created = await json(await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: asForce,
      body: JSON.stringify({
        crimeReference: `BENCH/${Date.now()}`,
        offence: { code: '028/01', label: 'Burglary of a home' },
        reportedAt: new Date().toISOString(),
        reportedVia: 'online',
        officerInCharge: { collarNumber: officer.collarNumber },
        victim: { givenName: 'Bench', familyName: 'Victim', email, dateOfBirth: '1980-01-31' },
      }),
    }), 'create case');
    const token = inviteTokenFrom(await waitForInviteLink(server.url, email));
    const session = await json(await fetch(`${server.url}/v1/invites/redeem`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, answer: '1980-01-31' }),
    }), 'sign in');
    // In batches: one mint is a request and an insert, and 10,000 of them at once would only queue.
    const officerTokens = [];
    while (officerTokens.length < (options.officerTokens ?? 0)) {
      const batch = Math.min(50, options.officerTokens - officerTokens.length);
      const minted = await Promise.all(Array.from({ length: batch }, async () => json(await fetch(`${server.url}/v1/officer-tokens`, {
        method: 'POST',
        headers: asForce,
        body: JSON.stringify({ collarNumber: officer.collarNumber, ttlSeconds: 3600 }),
      }), 'mint officer token')));
      officerTokens.push(...minted.map((minted) => minted.token));
    }
    return {
      caseId: created.id,
      sessionToken: session.sessionToken,
      officerTokens,
      apiKey: force.apiKey,
      forceId: force.forceId,
      collarNumber: officer.collarNumber,
    };
  } finally {
    await server.close();
  }
}
