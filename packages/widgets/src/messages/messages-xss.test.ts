import { describe, expect, it } from 'vitest';
import type { Message } from '@victim-portal/sdk';
import { burglary, burglaryThread } from '../../test/fixtures.js';
import { burglaryFakeThread, mountMessages, part } from '../../test/messages-harness.js';
import './messages.js';

// Each payload must appear exactly as typed, as text: no element, attribute or handler made.
const payloads = [
  '<img src=x onerror="window.__vpXss = 1">',
  '<script>window.__vpXss = 1</script>',
  '<a href="javascript:window.__vpXss = 1">click me</a>',
  '"><svg onload="window.__vpXss = 1">',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;i&#62;',
  "'><iframe src=\"javascript:window.__vpXss=1\"></iframe>",
  '${7*7} {{constructor.constructor("window.__vpXss=1")()}}',
];

function fromOfficer(body: string, index: number): Message {
  return { ...burglaryThread[1]!, id: `3f1e4c1a-0000-4000-8000-00000000010${index}`, cursor: String(200 + index), body };
}

describe('<vp-messages> renders message bodies as text', () => {
  it('shows every payload literally, and makes no element or handler from it', async () => {
    const { element } = await mountMessages(burglaryFakeThread(payloads.map(fromOfficer)));

    const bodies = [...element.shadowRoot!.querySelectorAll('.body')];
    expect(bodies.map((body) => body.textContent)).toEqual(payloads);
    for (const body of bodies) {
      expect(body.children).toHaveLength(0);
      expect(body.childNodes).toHaveLength(2); // Lit's marker comment and one text node
    }
    const made = element.shadowRoot!.querySelectorAll('img, script, svg, iframe, a[href^="javascript"], [onerror], [onload]');
    expect(made).toHaveLength(0);
    expect((window as { __vpXss?: number }).__vpXss).toBeUndefined();
  });

  it('shows payloads typed by the victim as text too, once sent', async () => {
    const { element } = await mountMessages(burglaryFakeThread([], burglary.officerInCharge));
    const box = part<HTMLTextAreaElement>(element, 'textarea');
    box.value = payloads[0]!;
    box.dispatchEvent(new Event('input'));
    part(element, '[part="send-button"]').click();

    await expect.poll(() => element.shadowRoot!.querySelector('.body')?.textContent).toBe(payloads[0]);
    await expect.poll(() => element.shadowRoot!.querySelector('.delivery')?.textContent).toBe('Sent');
    expect(element.shadowRoot!.querySelectorAll('img')).toHaveLength(0);
    expect((window as { __vpXss?: number }).__vpXss).toBeUndefined();
  });
});
