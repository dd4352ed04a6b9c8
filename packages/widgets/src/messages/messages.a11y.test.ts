import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { problem } from '../../test/fake-api.js';
import { burglary, burglaryThread, officerAwayWithCover } from '../../test/fixtures.js';
import { burglaryFakeThread, mountMessages, part, shownMessages, type MessagesUnderTest } from '../../test/messages-harness.js';
import { deepActiveElement } from '../../test/portal-harness.js';
import './messages.js';

interface State {
  name: string;
  show: () => Promise<MessagesUnderTest>;
}

const states: State[] = [
  { name: 'a thread of every kind', show: () => mountMessages() },
  { name: 'no messages yet', show: () => mountMessages(burglaryFakeThread([])) },
  { name: 'no officer yet', show: () => mountMessages(burglaryFakeThread([], null)) },
  { name: 'officer away, with cover', show: () => mountMessages(burglaryFakeThread(burglaryThread, officerAwayWithCover)) },
  {
    name: 'a message not sent, and an empty draft refused',
    show: async () => {
      const shown = await mountMessages();
      shown.api.on(`POST /v1/me/cases/${burglary.id}/messages`, problem(422, 'unprocessable'));
      const box = part<HTMLTextAreaElement>(shown.element, 'textarea');
      box.value = 'Hello';
      box.dispatchEvent(new Event('input'));
      part(shown.element, '[part="send-button"]').click();
      await expect.poll(() => shownMessages(shown.element).at(-1)).toContain('Not sent');
      box.value = '';
      box.dispatchEvent(new Event('input'));
      part(shown.element, '[part="send-button"]').click();
      await shown.element.updateComplete;
      return shown;
    },
  },
];

/** @returns every control in the element */
function controls(element: Element): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], textarea, input')];
}

for (const width of [1024, 320]) {
  describe(`<vp-messages> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each(states)('$name: no WCAG 2.2 A/AA violations, no sideways scrolling', async (state) => {
      const { element } = await state.show();

      await expectAccessible(element);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    });

    it.each(states)('$name: every control is at least 44 by 44 px', async (state) => {
      const { element } = await state.show();

      for (const control of controls(element)) {
        const box = control.getBoundingClientRect();
        expect.soft(Math.min(box.width, box.height), control.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(44);
      }
    });
  });
}

describe('<vp-messages> keyboard', () => {
  it('writes and sends a message, and asks for an update, by keyboard alone with a visible focus', async () => {
    const { element, api } = await mountMessages();
    const before = document.createElement('button');
    before.textContent = 'Page link before';
    element.before(before);
    before.focus();
    onTestFinished(() => before.remove());

    await userEvent.tab();
    expect(deepActiveElement()?.id).toBe('message-body');
    await userEvent.keyboard('Can I have my bike back?');
    await userEvent.tab();
    const send = deepActiveElement() as HTMLElement;
    expect(send.textContent?.trim()).toBe('Send');
    expect(getComputedStyle(send).backgroundColor).toBe('rgb(255, 221, 0)');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => shownMessages(element).at(-1)).toMatch(/Can I have my bike back\? Sent$/);

    await userEvent.tab();
    expect(deepActiveElement()?.id).toBe('update-note');
    await userEvent.tab();
    expect(deepActiveElement()?.textContent?.trim()).toBe('Ask for an update');
    await userEvent.keyboard(' ');
    await expect.poll(() => api.requestsTo(`POST /v1/me/cases/${burglary.id}/update-requests`)).toHaveLength(1);
  });

  it('reaches "Try again" on a message that was not sent and retries with Enter', async () => {
    const { element, api } = await mountMessages();
    api.on(`POST /v1/me/cases/${burglary.id}/messages`, problem(422, 'unprocessable'));
    const box = part<HTMLTextAreaElement>(element, 'textarea');
    await userEvent.fill(box, 'Hello');
    await userEvent.keyboard('{Tab}{Enter}');
    await expect.poll(() => shownMessages(element).at(-1)).toContain('Not sent');

    part(element, '[part="retry-button"]').focus();
    await userEvent.keyboard('{Enter}');

    await expect.poll(() => api.requestsTo(`POST /v1/me/cases/${burglary.id}/messages`)).toHaveLength(2);
  });
});
