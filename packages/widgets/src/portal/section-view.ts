import { html, type TemplateResult } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { msg } from '@lit/localize';
import type { VictimCase } from '@victim-portal/sdk';
import type { HeadingLevel } from '../shared/heading.js';
import type { PortalSession } from '../shared/session.js';
import type { SectionId } from './sections.js';

/** The sections, in the order the navigation lists them. */
const sectionIds: readonly SectionId[] = ['status', 'timeline', 'messages', 'report', 'rights', 'support', 'settings'];

/** @returns the section's name in the navigation, in the active language */
function sectionLabel(id: SectionId): string {
  switch (id) {
    case 'status':
      return msg('Status');
    case 'timeline':
      return msg('Timeline');
    case 'messages':
      return msg('Messages');
    case 'report':
      return msg('Your report');
    case 'rights':
      return msg('Your rights');
    case 'support':
      return msg('Support');
    case 'settings':
      return msg('Settings');
  }
}

/** Whether the open section's elements have arrived (each is a chunk fetched on first opening). */
export type SectionLoad = 'loading' | 'ready' | 'failed';

/** The open section, and what the victim can do with it. */
export interface SectionContext {
  current: SectionId;
  load: SectionLoad;
  /** The level of the sections' headings (one under the case's). */
  level: HeadingLevel;
  session: PortalSession | undefined;
  select(id: SectionId): void;
  /** Fetches the open section's elements again after a failure. */
  retry(): void;
  /** The service said the session is over while a section was shown. */
  sessionEnded(): void;
}

/**
 * @returns the body of a case's screen: the navigation between its sections and the open one.
 * This module is a chunk of its own, fetched when a case first opens.
 */
export function caseBody(victimCase: VictimCase, context: SectionContext): TemplateResult {
  return html`${sectionNav(context)} ${sectionPanel(victimCase, context)}`;
}

/**
 * The sections of the case, as a list of buttons in a `<nav>` rather than WAI-ARIA tabs. Seven
 * names do not fit one row at 320 px, and a tab row that wraps onto three lines no longer
 * reads as tabs (GOV.UK's tabs turn into a list of links on small screens for this reason);
 * buttons in a list wrap naturally, need only Tab and Enter (no arrow keys to discover or
 * roving tabindex to manage), and `aria-current` says which is open. Opening one moves focus to
 * the section itself (a labelled region), so keyboard and screen-reader users land in it
 * instead of having to pass the rest of the list. Buttons, not links: the open section is
 * kept in memory only, never in the URL or history, so nothing of it stays on the device.
 * @returns the navigation between the sections
 */
function sectionNav(context: SectionContext): TemplateResult {
  return html`
    <nav part="sections" class="sections" aria-label=${msg('Your case')}>
      <ul>
        ${sectionIds.map(
          (id) => html`<li>
            <button
              part="section-button"
              class="section-button"
              type="button"
              aria-current=${id === context.current ? 'true' : 'false'}
              @click=${() => context.select(id)}
            >
              ${sectionLabel(id)}
            </button>
          </li>`,
        )}
      </ul>
    </nav>
  `;
}

/**
 * @returns the open section. Sections already opened are kept (cached, not connected) while
 * another shows, so a message being written is still there on coming back.
 */
function sectionPanel(victimCase: VictimCase, context: SectionContext): TemplateResult {
  return html`
    <section part="section" class="section" tabindex="-1" aria-label=${sectionLabel(context.current)} data-load=${context.load}>
      ${cache(
        context.load === 'ready'
          ? sectionBody(victimCase, context)
          : context.load === 'failed'
            ? html`<p>${msg('This part of your case did not load. Check your internet connection and try again.')}</p>
                <button class="button secondary" type="button" @click=${() => context.retry()}>${msg('Try again')}</button>`
            : html`<p>${msg('Getting this part of your case…')}</p>`,
      )}
    </section>
  `;
}

function sectionBody(victimCase: VictimCase, { current, level, session, sessionEnded }: SectionContext): TemplateResult {
  switch (current) {
    case 'status':
      return html`
        <vp-case-status exportparts="status, facts: case-facts, update-due" heading-level=${level} .case=${victimCase}></vp-case-status>
        <vp-oic-card exportparts="base: officer, no-officer, absence" heading-level=${level} .officer=${victimCase.officerInCharge}></vp-oic-card>
      `;
    case 'timeline':
      return html`<vp-timeline
        exportparts="base: timeline-section, status: timeline-status, update-due: timeline-update-due, right-to-review, timeline, timeline-item, officer-words"
        heading-level=${level}
        case-id=${victimCase.id}
        .session=${session}
        .sessionEnded=${sessionEnded}
      ></vp-timeline>`;
    case 'messages':
      return html`<vp-messages
        exportparts="base: messages, thread, message, composer, send-button, emergency"
        heading-level=${level}
        case-id=${victimCase.id}
        .session=${session}
        .officer=${victimCase.officerInCharge}
        .sessionEnded=${sessionEnded}
      ></vp-messages>`;
    case 'report':
      return html`<vp-crime-report
        exportparts="base: crime-report, account, correction"
        heading-level=${level}
        case-id=${victimCase.id}
        .session=${session}
        .sessionEnded=${sessionEnded}
      ></vp-crime-report>`;
    case 'rights':
      return html`<vp-rights exportparts="base: rights" heading-level=${level} case-id=${victimCase.id} .session=${session} .sessionEnded=${sessionEnded}></vp-rights>`;
    case 'support':
      return html`<vp-support-services
        exportparts="base: support-services"
        heading-level=${level}
        case-id=${victimCase.id}
        .session=${session}
        .sessionEnded=${sessionEnded}
      ></vp-support-services>`;
    case 'settings':
      return html`<vp-preferences exportparts="base: preferences" heading-level=${level} .session=${session} .sessionEnded=${sessionEnded}></vp-preferences>`;
  }
}
