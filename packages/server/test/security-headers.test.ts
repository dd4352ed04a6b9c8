import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiContentSecurityPolicy, pageContentSecurityPolicy } from '../src/http/security-headers.js';
import { startServer } from '../src/server.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { signedInVictim } from './support/journey.js';

function expectEverywhereHeaders(headers: Headers, what: string) {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('strict-transport-security'), what).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
}

function expectApiHeaders(headers: Headers, what: string) {
  expectEverywhereHeaders(headers, what);
  const csp = headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(csp, what).toContain(directive);
  }
}

describe('security headers on every response', () => {
  it('on API answers, authenticated and sign-in answers (never cached), and problems', async () => {
    const h = await harness();
    const { sessionToken, force } = await signedInVictim(h);
    const responses = {
      'a victim read': await call(h.url, 'listMyCases', '/v1/me/cases', { token: sessionToken }),
      'session info': await call(h.url, 'getMySession', '/v1/me/session', { token: sessionToken }),
      'a force read': await call(h.url, 'getForceSettings', '/v1/force/settings', { token: force.apiKey }),
      'a sign-in problem': await call(h.url, 'redeemInvite', '/v1/invites/redeem', { json: { token: `vpi_${'x'.repeat(43)}`, answer: '123456' } }),
      'a sign-in link request': await call(h.url, 'requestSignInLink', '/v1/sign-in-links', { json: { force: force.slug, contact: 'someone@example.com' } }),
      'a 401 problem': await call(h.url, 'listMyCases', '/v1/me/cases'),
      'a 404 problem': await call(h.url, null, '/v1/nothing-here'),
      'a 400 problem': await call(h.url, null, '/v1/cases', { token: force.apiKey, raw: '{not json', contentType: 'application/json' }),
    };
    for (const [what, response] of Object.entries(responses)) {
      expectApiHeaders(response.headers, what);
      expect(response.headers.get('cache-control'), what).toBe('no-store');
    }
    expect(responses['a 401 problem'].status).toBe(401);
    expect(responses['a 404 problem'].headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(responses['a 400 problem'].status).toBe(400);
  });

  it('on the health check and security.txt', async () => {
    const h = await harness();
    for (const [operation, path] of [['getHealth', '/healthz'], ['getSecurityTxt', '/.well-known/security.txt']] as const) {
      const response = await call(h.url, operation, path);
      expect(response.status).toBe(200);
      expectApiHeaders(response.headers, path);
    }
  });

  it('on the demo’s static pages: scripts and styles from the same origin only, nothing inline', async () => {
    const h = await harness();
    const site = mkdtempSync(join(tmpdir(), 'vp-csp-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Kingsmoor</title><script src="/widgets/victim-portal.js"></script>');
    writeFileSync(join(site, 'site.css'), 'body { margin: 0 }');
    const demo = await startServer({ port: 0, db: h.db, migrate: false, siteDir: site, widgetsDir: site, devMailbox: true });
    try {
      const page = await fetch(`${demo.url}/`);
      expect(page.status).toBe(200);
      expectEverywhereHeaders(page.headers, 'the home page');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toBe(pageContentSecurityPolicy);
      for (const directive of ["script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'"]) expect(csp).toContain(directive);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');

      const stylesheet = await fetch(`${demo.url}/site.css`);
      expectEverywhereHeaders(stylesheet.headers, 'a stylesheet');

      const missing = await call(demo.url, null, '/no-such-page.html');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-security-policy')).toBe(apiContentSecurityPolicy);

      // The mailbox holds codes and links: never cached, and it runs no script at all.
      const mailbox = await fetch(`${demo.url}/dev/mailbox`);
      expectEverywhereHeaders(mailbox.headers, 'the dev mailbox');
      expect(mailbox.headers.get('cache-control')).toBe('no-store');
      expect(mailbox.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      expect(mailbox.headers.get('content-security-policy')).not.toContain('script-src');
    } finally {
      await demo.close();
    }
  });
});
