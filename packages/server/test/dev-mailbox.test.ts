import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import { createTestForce } from '../src/testing.js';
import { call } from './support/api.js';
import { harness } from './support/harness.js';
import { caseBody, createCase, forceWithOfficer } from './support/journey.js';

describe('the dev mailbox (demo and dev only)', () => {
  it('lists what was sent, newest first, as JSON and as an accessible page with working links', async () => {
    const h = await harness();
    const force = await forceWithOfficer(h);
    const first = caseBody();
    const second = caseBody({ email: undefined, mobile: '+447700900777' });
    await createCase(h, force, first);
    await h.server.deliverNotifications();
    await createCase(h, force, second);
    await h.server.deliverNotifications();

    const json = (await (await fetch(`${h.url}/dev/mailbox.json`)).json()) as { messages: Array<{ to: string; channel: string; link: string }> };
    const ours = json.messages.filter((m) => m.to === first.victim.email || m.to === '+447700900777');
    expect(ours.map((m) => m.channel)).toEqual(['sms', 'email']);

    const page = await fetch(`${h.url}/dev/mailbox`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<h1>Dev mailbox<\/h1>/);
    expect(html).toContain(`<a href="${ours[0]?.link}">`);
    expect(html.indexOf('+447700900777')).toBeLessThan(html.indexOf(first.victim.email as string));
  });

  it('escapes what it shows', async () => {
    const h = await harness();
    const force = await createTestForce(h.db, { senderName: '<script>alert(1)</script>' });
    await createCase(h, force, caseBody());
    await h.server.deliverNotifications();
    const html = await (await fetch(`${h.url}/dev/mailbox`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('does not exist unless asked for', async () => {
    const h = await harness();
    const production = await startServer({ port: 0, db: h.db, migrate: false });
    try {
      for (const path of ['/dev/mailbox', '/dev/mailbox.json']) {
        const response = await call(production.url, null, path);
        expect(response.status, path).toBe(404);
      }
      const home = await call(production.url, null, '/');
      expect(home.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe('the demo’s static files', () => {
  it('serves the force website at / and the widgets at /widgets/, and a placeholder when the site is missing', async () => {
    const h = await harness();
    const site = mkdtempSync(join(tmpdir(), 'vp-site-'));
    const widgets = mkdtempSync(join(tmpdir(), 'vp-widgets-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Kingsmoor</title>');
    mkdirSync(join(widgets, 'esm'));
    writeFileSync(join(widgets, 'esm', 'vp-portal.js'), 'export {};');
    const demo = await startServer({ port: 0, db: h.db, migrate: false, siteDir: site, widgetsDir: widgets });
    const bare = await startServer({ port: 0, db: h.db, migrate: false, siteDir: join(site, 'missing'), widgetsDir: join(widgets, 'missing') });
    try {
      expect(await (await fetch(`${demo.url}/`)).text()).toContain('<title>Kingsmoor</title>');
      const script = await fetch(`${demo.url}/widgets/esm/vp-portal.js`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect(await script.text()).toBe('export {};');
      expect((await call(demo.url, null, '/widgets/nothing.js')).status).toBe(404);
      expect((await call(demo.url, 'getHealth', '/healthz')).status).toBe(200);

      const placeholder = await fetch(`${bare.url}/`);
      expect(placeholder.status).toBe(200);
      expect(await placeholder.text()).toContain('Victim Portal demo');
      expect((await call(bare.url, null, '/widgets/esm/vp-portal.js')).status).toBe(404);
    } finally {
      await demo.close();
      await bare.close();
    }
  });
});
