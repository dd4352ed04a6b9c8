import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RightToReview, Timeline, TimelineEvent } from '@victim-portal/sdk';
import { formatDay } from '../shared/dates.js';
import { heading, type HeadingLevel } from '../shared/heading.js';

/**
 * @returns the timeline: its heading, then either `placeholder` (loading, a problem) or where the
 * case is, when the next update is due, any Right to Review, and the events newest first
 */
export function timelineView(timeline: Timeline | undefined, level: HeadingLevel, placeholder?: TemplateResult): TemplateResult {
  const subLevel = Math.min(level + 1, 6) as HeadingLevel;
  return html`
    ${heading(level, msg('What is happening with your case'))}
    ${timeline
      ? html`${statusPanel(timeline)} ${timeline.rightToReview ? rightToReviewBox(timeline.rightToReview, subLevel) : nothing}
        ${heading(subLevel, msg('What has happened so far'))} ${eventList(timeline.events, timeline.language)}`
      : placeholder}
  `;
}

// The service's words are marked with their language (WCAG 3.1.2): it writes English and Welsh,
// so on a page in another of the widgets' languages they are English.
function statusPanel({ explanation, nextUpdateDue, language }: Timeline): TemplateResult {
  return html`
    <div part="status" class="panel status">
      <p class="caption">${msg('Where your case is now')}</p>
      <p class="title" lang=${language}>${explanation.title}</p>
      <p lang=${language}>${explanation.meaning}</p>
      ${explanation.nextSteps.length > 0
        ? html`<p class="caption">${msg('What you can do next')}</p>
            <ul class="next-steps" lang=${language}>
              ${explanation.nextSteps.map((step) => html`<li>${step}</li>`)}
            </ul>`
        : nothing}
    </div>
    ${nextUpdateDue
      ? html`<p part="update-due" class="update-due">${msg(str`Your next update is due by ${formatDay(nextUpdateDue)}.`)}</p>`
      : nothing}
  `;
}

function rightToReviewBox(review: RightToReview, level: HeadingLevel): TemplateResult {
  // The address comes from the service; only a web address becomes a link.
  const link = /^https?:\/\//i.test(review.url) ? review.url : undefined;
  return html`
    <div part="right-to-review" class="panel review">
      ${heading(level, msg('You can ask for this decision to be reviewed'))}
      <p>${msg('You have the right to ask for the decision to take no further action to be looked at again by someone not involved in it.')}</p>
      <p class="ask-by">${msg(str`Ask by ${formatDay(review.askBy)}.`)}</p>
      ${link ? html`<p><a href=${link}>${msg("How to ask for a review (the Victims' Right to Review)")}</a></p>` : nothing}
    </div>
  `;
}

function eventList(events: TimelineEvent[], language: string): TemplateResult {
  if (events.length === 0) return html`<p>${msg('Nothing has been recorded on your case that we can show you yet.')}</p>`;
  return html`
    <ol part="timeline" class="events">
      ${events.map(
        (event) => html`
          <li part="timeline-item" class="event">
            <p class="when"><time datetime=${event.occurredAt}>${formatDay(event.occurredAt)}</time></p>
            <p lang=${language}>${event.text}</p>
            ${event.officerText
              ? html`<figure part="officer-words" class="officer-words">
                  <figcaption>${msg("The officer's own words:")}</figcaption>
                  <blockquote>${event.officerText}</blockquote>
                </figure>`
              : nothing}
          </li>
        `,
      )}
    </ol>
  `;
}
