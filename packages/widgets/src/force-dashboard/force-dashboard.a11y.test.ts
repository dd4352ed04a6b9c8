// <vp-force-dashboard>'s screens against WCAG 2.2 A/AA with axe, at 1024 and 320 px: the
// figures with both tables open, the period refused, the download failed, access ended, and
// loading. No sideways scrolling of the page (a table scrolls inside its own region), controls at
// least 44 px, and everything reachable with Tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { allInDashboard, button, commands, inDashboard, mountDashboard, untilSettled, type SeededForce } from '../../test/force-dashboard-harness.js';
import type { VpForceDashboard } from './force-dashboard.js';
import './force-dashboard.js';

let force: SeededForce;

beforeAll(async () => {
  force = await commands.seedUsageHistory();
}, 120_000);

async function withTablesOpen(): Promise<VpForceDashboard> {
  const { dashboard } = await mountDashboard(force);
  await untilSettled(dashboard);
  for (const disclosure of allInDashboard<HTMLDetailsElement>(dashboard, 'details')) disclosure.open = true;
  return dashboard;
}

const states: { name: string; show: () => Promise<VpForceDashboard> }[] = [
  { name: 'the figures, with the tables and the method open', show: withTablesOpen },
  {
    name: 'a period refused',
    show: async () => {
      const dashboard = await withTablesOpen();
      await userEvent.fill(inDashboard(dashboard, '#period-from'), '2026-03-10');
      await userEvent.fill(inDashboard(dashboard, '#period-to'), '2026-03-01');
      await userEvent.click(button(dashboard, 'Show figures'));
      await expect.poll(() => dashboard.shadowRoot!.querySelector('.error-summary')).not.toBeNull();
      return dashboard;
    },
  },
  {
    name: 'access ended',
    show: async () => {
      const { dashboard } = await mountDashboard(force, { getToken: () => Promise.resolve(`vpa_${'refused'.repeat(6)}`) });
      await untilSettled(dashboard, 'failed');
      return dashboard;
    },
  },
  {
    name: 'the download failed',
    show: async () => {
      let minted = 0;
      // The first token reads the figures; then every token is refused, so the CSV fails.
      const getToken = async () => (++minted === 1 ? commands.mintAdminToken(force.forceId) : `vpa_${'refused'.repeat(6)}`);
      const { dashboard } = await mountDashboard(force, { getToken });
      await untilSettled(dashboard);
      await commands.expireAdminTokens(force.forceId);
      await userEvent.click(button(dashboard, 'Download the figures (CSV)'));
      await expect.poll(() => dashboard.read.download).toBe('failed');
      return dashboard;
    },
  },
  { name: 'loading', show: async () => (await mountDashboard(force, { getToken: () => new Promise<string>(() => undefined) })).dashboard },
];

for (const width of [1024, 320]) {
  describe(`<vp-force-dashboard> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each(states)('$name: no WCAG 2.2 A/AA violations, no sideways scrolling, 44 px targets', async (state) => {
      const dashboard = await state.show();
      await dashboard.updateComplete;

      await expectAccessible(dashboard);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (const control of dashboard.shadowRoot!.querySelectorAll('button, input, summary')) {
        const box = control.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), control.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(44);
      }
    });
  });
}

describe('<vp-force-dashboard> by keyboard', () => {
  it('reaches the presets, the dates, the download, the method and each table with Tab, and opens a table with Enter', async () => {
    const { dashboard } = await mountDashboard(force);
    await untilSettled(dashboard);
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.prepend(before);
    before.focus();
    const reached: string[] = [];
    for (let step = 0; step < 40; step += 1) {
      await userEvent.tab();
      const focused = dashboard.shadowRoot!.activeElement as HTMLElement | null;
      if (focused) reached.push(focused.textContent!.trim().slice(0, 40) || focused.id || focused.tagName);
    }
    before.remove();
    const names = [
      'Last 4 weeks',
      'Last 3 months',
      'Last 12 months',
      'period-from',
      'period-to',
      'Show figures',
      'Download the figures (CSV)',
      'How this is estimated',
      'Show the table: Sign-ins and messages per week',
      "Show the table: Victims' Code compliance per week",
    ];
    expect(reached).toEqual(expect.arrayContaining(names.map((name) => name.slice(0, 40))));
    const summary = allInDashboard(dashboard, 'summary').find((candidate) => candidate.textContent!.startsWith('Show the table: Sign-ins'))!;
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect((summary.parentElement as HTMLDetailsElement).open).toBe(true);
    // The open table's region is the next stop, so it can be scrolled with the arrow keys.
    await userEvent.tab();
    expect(dashboard.shadowRoot!.activeElement?.classList.contains('table-region')).toBe(true);
  });
});

describe('<vp-force-dashboard> in a page layout', () => {
  afterAll(async () => {
    await page.viewport(1024, 800);
  });

  it('at 320 px inside a flex column (as admin pages lay it out), the tables scroll in their regions and the page does not', async () => {
    await page.viewport(320, 800);
    const dashboard = await withTablesOpen();
    const layout = document.createElement('div');
    const column = document.createElement('main');
    layout.style.display = 'flex';
    layout.style.flexWrap = 'wrap';
    column.style.flex = '1 1 480px';
    layout.append(column);
    document.body.append(layout);
    column.append(dashboard);
    await dashboard.updateComplete;
    try {
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
      const region = inDashboard(dashboard, '.table-region');
      expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    } finally {
      layout.remove();
    }
  });
});
