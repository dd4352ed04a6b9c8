import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Timeline } from '@victim-portal/sdk';
import { burglary, burglaryTimeline, burglaryTimelineAfterDecision } from '../../test/fixtures.js';
import { failedScreen, FakeApi, neverAnswers, problem } from './fake-service.js';
import { noSession, resumableSession } from './portal-session.js';
import '../timeline/timeline.js';

interface Args {
  headingLevel: number;
}

/** Story parameters: the timeline the fake service gives, or a route of its own. */
interface TimelineParameters {
  timeline?: Timeline;
  service?: (api: FakeApi) => void;
}

const route = `GET /v1/me/cases/${burglary.id}/timeline`;

/**
 * What has happened on a case and what it means: the status explained with what the victim can
 * do next, when the next update is due, the Right to Review when they have it, then the events
 * newest first with the officer's own words marked as theirs. Signed in (a session in this tab).
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-timeline',
  component: 'vp-timeline',
  args: { headingLevel: 3 },
  argTypes: {
    headingLevel: { name: 'heading-level', control: { type: 'range', min: 2, max: 6 }, description: 'Attribute: the level of the heading, 2–6' },
  },
  render: (args, { parameters }) => {
    const { timeline = burglaryTimeline, service } = parameters as TimelineParameters;
    noSession();
    resumableSession(Date.now());
    const api = new FakeApi().on(route, { status: 200, body: timeline });
    service?.(api);
    return html`${keyed(
      JSON.stringify(args),
      html`<vp-timeline api-base="/" case-id=${burglary.id} heading-level=${args.headingLevel} .fetch=${api.fetch}></vp-timeline>`,
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sidebarOnly = ['!autodocs'];

/** Under investigation: next steps, the next update's date, and an event with the officer's own words. */
export const UnderInvestigation: Story = {};
/** After no further action: the Right to Review with the date to ask by; no update due any more. */
export const RightToReview: Story = { parameters: { timeline: burglaryTimelineAfterDecision } };
/** Nothing recorded yet that the victim may see. */
export const NoEventsYet: Story = { tags: sidebarOnly, parameters: { timeline: { ...burglaryTimeline, events: [] } } };
/** The officer wrote at length, over several lines: the words wrap and keep their line breaks at 320 px. */
export const LongOfficerWords: Story = {
  tags: sidebarOnly,
  parameters: {
    viewport: { value: 'mobile1' },
    timeline: {
      ...burglaryTimeline,
      events: [
        {
          ...burglaryTimeline.events[0]!,
          officerText:
            'We have looked at the doorbell footage from number 14 and from the shop on the corner.\nA man can be seen at 02:14 carrying a bag.\n\nWe are asking neighbours whether they recognise him.',
        },
        ...burglaryTimeline.events.slice(1),
      ],
    },
  },
};
export const Loading: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(route, neverAnswers) } };
export const Failed: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(route, problem(503, 'unavailable')) }, play: failedScreen };
/** A case the service does not give this victim. */
export const NotFound: Story = { tags: sidebarOnly, parameters: { service: (api: FakeApi) => void api.on(route, problem(404, 'not-found')) } };
export const SignedOut: Story = {
  tags: sidebarOnly,
  render: () => {
    noSession();
    return html`<vp-timeline api-base="/" case-id=${burglary.id}></vp-timeline>`;
  },
};
/** In Welsh: the element's own words, and the service asked for its words in Welsh (`lang=cy`). */
export const Welsh: Story = {
  tags: sidebarOnly,
  render: () => {
    noSession();
    resumableSession(Date.now());
    const api = new FakeApi().on(route, { status: 200, body: { ...burglaryTimelineAfterDecision, language: 'cy' } });
    return html`<vp-timeline lang="cy" api-base="/" case-id=${burglary.id} .fetch=${api.fetch}></vp-timeline>`;
  },
};
