import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { expectAccessible } from '../../test/axe.js';
import { FakeApi, heldAnswer, networkFailure, problem, type FakeAnswer } from '../../test/fake-api.js';
import { burglary, burglaryTimeline, burglaryTimelineAfterDecision } from '../../test/fixtures.js';
import { bearer, consoleWarnings, signedIn } from '../../test/info-harness.js';
import { apiBase } from '../../test/portal-harness.js';
import { mount, shownText } from '../../test/render.js';
import type { VpTimeline } from './timeline.js';
import './timeline.js';

const route = `GET /v1/me/cases/${burglary.id}/timeline`;

/** Mounts `<vp-timeline>` on its own, signed in, against a fake service answering `answer`. */
async function mountTimeline(answer: FakeAnswer | (() => Promise<FakeAnswer>) = { status: 200, body: burglaryTimeline }, attributes: Record<string, string> = {}) {
  signedIn();
  const api = new FakeApi().on(route, answer);
  const element = await mount('vp-timeline', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': burglary.id, ...attributes });
  return { element, api };
}

async function shown(element: VpTimeline): Promise<void> {
  await expect.poll(() => element.state).not.toBe('loading');
  await element.updateComplete;
}

const inside = (element: Element, selector: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

describe('<vp-timeline>', () => {
  it('explains where the case is, what the victim can do next and when the next update is due', async () => {
    const { element, api } = await mountTimeline();
    await shown(element);

    const status = shownText(inside(element, '[part="status"]')[0]!);
    expect(status).toContain('We are investigating');
    expect(status).toContain('An officer is looking into what happened.');
    expect(status).toContain('What you can do next');
    expect(inside(element, '.next-steps li').map((step) => step.textContent)).toEqual(burglaryTimeline.explanation.nextSteps);
    expect(shownText(inside(element, '[part="update-due"]')[0]!)).toBe('Your next update is due by 31 March 2025.');
    const [request] = api.requestsTo(route);
    expect(request!.authorization).toBe(bearer);
    expect(new URL(request!.url).searchParams.get('lang')).toBe('en');
  });

  it('lists the events newest first as an ordered list, each with its date', async () => {
    const { element } = await mountTimeline();
    await shown(element);

    const list = inside(element, 'ol[part="timeline"]')[0]!;
    const items = inside(element, '[part="timeline-item"]');
    expect(items.every((item) => item.parentElement === list && item.localName === 'li')).toBe(true);
    expect(items.map((item) => item.querySelector('time')!.dateTime)).toEqual(burglaryTimeline.events.map((event) => event.occurredAt));
    expect(shownText(items[0]!)).toContain('12 March 2025');
    expect(shownText(items[0]!)).toContain('A suspect was interviewed.');
  });

  it("marks the officer's own words as theirs, line breaks kept, and only where there are some", async () => {
    const { element } = await mountTimeline();
    await shown(element);

    const [interviewed, assigned] = inside(element, '[part="timeline-item"]');
    const words = interviewed!.querySelector('[part="officer-words"]')!;
    expect(words.querySelector('figcaption')?.textContent).toBe("The officer's own words:");
    expect(words.querySelector('blockquote')?.textContent).toBe('We spoke to a man about the glove.\nHe denies being there.');
    expect(getComputedStyle(words.querySelector('blockquote')!).whiteSpace).toBe('pre-line');
    expect(assigned!.querySelector('[part="officer-words"]')).toBeNull();
  });

  it('shows the officer’s words as text, never as markup', async () => {
    const hostile = { ...burglaryTimeline, events: [{ ...burglaryTimeline.events[0]!, officerText: '<img src=x onerror="window.hacked=1">' }] };
    const { element } = await mountTimeline({ status: 200, body: hostile });
    await shown(element);

    expect(element.shadowRoot!.querySelector('img')).toBeNull();
    expect(shownText(element)).toContain('<img src=x');
  });

  it('shows the Right to Review with the date to ask by, and no update due once the case is closed', async () => {
    const { element } = await mountTimeline({ status: 200, body: burglaryTimelineAfterDecision });
    await shown(element);

    const review = inside(element, '[part="right-to-review"]')[0]!;
    expect(shownText(review)).toContain('You can ask for this decision to be reviewed');
    expect(shownText(review)).toContain('Ask by 12 July 2025.');
    expect(review.querySelector('a')?.href).toBe(burglaryTimelineAfterDecision.rightToReview!.url);
    expect(inside(element, '[part="update-due"]')).toEqual([]);
  });

  it('has no Right to Review box when the victim has not got that right', async () => {
    const { element } = await mountTimeline();
    await shown(element);

    expect(inside(element, '[part="right-to-review"]')).toEqual([]);
  });

  it('links to the Right to Review only when the service gives a web address', async () => {
    const body = { ...burglaryTimelineAfterDecision, rightToReview: { ...burglaryTimelineAfterDecision.rightToReview!, url: 'javascript:alert(1)' } };
    const { element } = await mountTimeline({ status: 200, body });
    await shown(element);

    expect(inside(element, '[part="right-to-review"] a')).toEqual([]);
    expect(shownText(element)).toContain('Ask by 12 July 2025.');
  });

  it('says so when nothing has been recorded yet', async () => {
    const { element } = await mountTimeline({ status: 200, body: { ...burglaryTimeline, events: [] } });
    await shown(element);

    expect(shownText(element)).toContain('Nothing has been recorded on your case that we can show you yet.');
    expect(inside(element, 'ol')).toEqual([]);
  });

  it('says it is getting the timeline while the service answers', async () => {
    const held = heldAnswer();
    const { element } = await mountTimeline(held.route);

    expect(shownText(element)).toContain('Getting what has happened on your case…');
    held.answer({ status: 200, body: burglaryTimeline });
    await expect.poll(() => shownText(element)).toContain('A suspect was interviewed.');
  });

  it('offers to try again when the service cannot be reached, and then shows the timeline', async () => {
    // The SDK itself tries a read three times before giving up.
    let calls = 0;
    const { element } = await mountTimeline(() => (++calls <= 3 ? networkFailure() : Promise.resolve({ status: 200, body: burglaryTimeline })));
    await expect.poll(() => element.state, { timeout: 5000 }).toBe('failed');
    await element.updateComplete;
    expect(shownText(element)).toContain('We could not get what has happened on your case just now.');

    inside(element, '[part="retry-button"]')[0]!.click();

    await expect.poll(() => shownText(element)).toContain('A suspect was interviewed.');
  });

  it("says there is nothing to show for a case the service does not give this victim", async () => {
    const { element } = await mountTimeline(problem(404, 'not-found'));
    await shown(element);

    expect(shownText(element)).toContain('There is nothing to show for this case. If you think this is wrong, call 101.');
  });

  it('forgets the session and tells the page when the service says it is over', async () => {
    signedIn();
    const api = new FakeApi().on(route, problem(401, 'unauthenticated'));
    let ended = 0;
    const element = await mount('vp-timeline', { fetch: api.fetch, sessionEnded: () => void ended++ }, { 'api-base': apiBase, 'case-id': burglary.id });

    await expect.poll(() => ended).toBe(1);
    expect(sessionStorage.getItem('vp-session')).toBeNull();
    expect(shownText(element)).toContain('Sign in to see what has happened on your case.');
  });

  it('asks nothing without a session, and nothing for a case id that is not one', async () => {
    const api = new FakeApi();
    const warnings = await consoleWarnings(async () => {
      signedIn();
      await mount('vp-timeline', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': 'KN/24/0012345' });
    });
    sessionStorage.clear();
    const signedOut = await mount('vp-timeline', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': burglary.id });

    expect(api.requests).toEqual([]);
    expect(warnings.join()).toContain('case-id "KN/24/0012345" is not a case id');
    expect(shownText(signedOut)).toContain('Sign in to see what has happened on your case.');
  });

  it('asks for the words in Welsh on a Welsh page, and again in English when the page changes', async () => {
    const welsh = { ...burglaryTimeline, language: 'cy', explanation: { ...burglaryTimeline.explanation, title: 'Rydym yn ymchwilio' } };
    signedIn();
    const api = new FakeApi().on(route, (request) => ({ status: 200, body: new URL(request.url).searchParams.get('lang') === 'cy' ? welsh : burglaryTimeline }));
    document.documentElement.lang = 'cy';
    const element = await mount('vp-timeline', { fetch: api.fetch }, { 'api-base': apiBase, 'case-id': burglary.id });

    await expect.poll(() => shownText(element)).toContain('Rydym yn ymchwilio');
    await expect.poll(() => shownText(element)).toContain('Beth sy’n digwydd gyda’ch achos');

    document.documentElement.lang = 'en';

    await expect.poll(() => shownText(element)).toContain('We are investigating');
    expect(api.requestsTo(route).map((request) => new URL(request.url).searchParams.get('lang'))).toEqual(['cy', 'en']);
  });

  it('forgets the timeline and the session on the quick exit', async () => {
    const { element } = await mountTimeline();
    await shown(element);

    window.dispatchEvent(new Event('vp-quick-exit'));
    await element.updateComplete;

    expect(shownText(element)).not.toContain('A suspect was interviewed.');
    expect(sessionStorage.getItem('vp-session')).toBeNull();
  });

  it('uses the heading level it is given, with its sub-headings one below', async () => {
    const { element } = await mountTimeline({ status: 200, body: burglaryTimelineAfterDecision }, { 'heading-level': '4' });
    await shown(element);

    expect(inside(element, 'h4').map((heading) => heading.textContent)).toEqual(['What is happening with your case']);
    expect(inside(element, 'h5').map((heading) => heading.textContent)).toEqual(['You can ask for this decision to be reviewed', 'What has happened so far']);
  });
});

for (const width of [1024, 320]) {
  describe(`<vp-timeline> accessibility at ${width} px wide`, () => {
    beforeAll(async () => {
      await page.viewport(width, 800);
    });

    afterAll(async () => {
      await page.viewport(1024, 800);
    });

    it.each([
      ['investigating', burglaryTimeline],
      ['after no further action, with the Right to Review', burglaryTimelineAfterDecision],
    ])('%s: no WCAG 2.2 A/AA violations, no sideways scrolling', async (_name, body) => {
      const { element } = await mountTimeline({ status: 200, body });
      await shown(element);

      await expectAccessible(element);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    });

    it('could not load: no violations', async () => {
      const { element } = await mountTimeline(networkFailure);
      await expect.poll(() => element.state, { timeout: 5000 }).toBe('failed');

      await expectAccessible(element);
    });
  });
}
