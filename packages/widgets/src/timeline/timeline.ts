import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Timeline } from '@victim-portal/sdk';
import { checkCaseId } from '../shared/case-id.js';
import { defineElement } from '../shared/define.js';
import { headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import type { PortalSession } from '../shared/session.js';
import { ServiceRead, type ServiceReadState } from '../shared/service-read.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { timelineView } from './timeline-view.js';
import { timelineStyles } from './timeline.styles.js';

/**
 * @summary What has happened on one of the victim's cases and what it means: where the case is
 * in plain words with what they can do next, when their next update is due, their Right to
 * Review and the date to ask by when they have it, then every event, newest first, with the
 * officer's own words marked as theirs.
 *
 * The words come from the service in the language the element shows (`lang`, or the page's;
 * inside `<vp-portal>` the portal's), and are asked for again when it changes. Opening the
 * timeline tells the service the victim has now been told of what it shows.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The headings.
 * @csspart status - Where the case is, what it means and what the victim can do next.
 * @csspart update-due - When the victim's next update is due.
 * @csspart right-to-review - The Right to Review, with the date to ask by.
 * @csspart timeline - The list of events, newest first.
 * @csspart timeline-item - Each event.
 * @csspart officer-words - The officer's own words on an event.
 * @csspart retry-button - "Try again" after the timeline could not be fetched.
 *
 * @cssprop --vp-color-brand - The status panel's and the Right to Review's edge.
 * @cssprop --vp-color-panel - Their background.
 * @cssprop --vp-color-border - Lines between events.
 * @cssprop --vp-color-secondary-text - Dates.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpTimeline extends LitElement {
  static override styles = [themeStyles, controlStyles, timelineStyles];

  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** The case whose timeline to show. */
  @property({ attribute: 'case-id' }) caseId = '';

  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;

  /** A fetch to use instead of the global one, on its own only. Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  @property({ attribute: false }) session: PortalSession | undefined;

  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  @property({ attribute: false }) sessionEnded: (() => void) | undefined;

  readonly #timeline = new ServiceRead<Timeline>(this, (client, lang) => client!.timeline(this.caseId, { lang }));

  constructor() {
    super();
    new LanguageController(this);
  }

  /** @internal where the read stands, for tests and stories */
  get state(): ServiceReadState {
    return this.#timeline.state;
  }

  protected override willUpdate(): void {
    this.#timeline.sync(checkCaseId(this, this.caseId) ? this.caseId : undefined, true);
  }

  protected override render() {
    const level = headingLevel(this.headingLevel, 3);
    const read = this.#timeline;
    return html`<section part="base" class="timeline">${read.value ? timelineView(read.value, level) : this.#notShown(level, read)}</section>`;
  }

  #notShown(level: HeadingLevel, read: ServiceRead<Timeline>) {
    const says = (text: string) => timelineView(undefined, level, html`<p>${text}</p>`);
    switch (read.state) {
      case 'signed-out':
        return says(msg('Sign in to see what has happened on your case.'));
      case 'loading':
        return says(msg('Getting what has happened on your case…'));
      case 'not-found':
        return says(msg('There is nothing to show for this case. If you think this is wrong, call 101.'));
      case 'failed':
        return timelineView(
          undefined,
          level,
          html`
            <p>${msg('We could not get what has happened on your case just now. Check your internet connection and try again.')}</p>
            <button part="retry-button" class="button secondary" type="button" @click=${() => void read.reload()}>${msg('Try again')}</button>
          `,
        );
      default:
        return nothing;
    }
  }
}

defineElement('vp-timeline', VpTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'vp-timeline': VpTimeline;
  }
}
