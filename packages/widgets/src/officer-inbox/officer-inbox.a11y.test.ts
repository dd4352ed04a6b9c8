import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { problem } from '../../test/fake-api.js';
import { burglary } from '../../test/fixtures.js';
import { part, shownMessages } from '../../test/messages-harness.js';
import { caseButtons, mountInbox } from '../../test/officer-harness.js';
import type { VpOfficerInbox } from './officer-inbox.js';
import './officer-inbox.js';

const states: { name: string; show: () => Promise<VpOfficerInbox> }[] = [
  { name: 'the list of cases', show: async () => (await mountInbox()).inbox },
  { name: 'no cases', show: async () => (await mountInbox([])).inbox },
  {
    name: 'a thread with a reply not sent',
    show: async () => {
      const { inbox, api } = await mountInbox();
      api.on(`POST /v1/officer/cases/${burglary.id}/messages`, problem(422, 'unprocessable'));
      await userEvent.click(caseButtons(inbox)[0]!);
      await expect.poll(() => shownMessages(inbox)).toHaveLength(4);
      await userEvent.fill(part(inbox, 'textarea'), 'Reply');
      await userEvent.click(part(inbox, '[part="send-button"]'));
      await expect.poll(() => shownMessages(inbox).at(-1)).toContain('Not sent');
      return inbox;
    },
  },
];

for (const width of [1024, 320]) {
  describe(`<vp-officer-inbox> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each(states)('$name: no WCAG 2.2 A/AA violations, no sideways scrolling, 44 px targets', async (state) => {
      const inbox = await state.show();

      await expectAccessible(inbox);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (const control of inbox.shadowRoot!.querySelectorAll('button, textarea')) {
        const box = control.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), control.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(44);
      }
    });
  });
}
