import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { OfficerCase } from '@victim-portal/sdk';
import { sentWords } from '../messages/message-words.js';
import { plural } from '../shared/localization.js';

/**
 * The officer's cases as a list of buttons. Counts are words as well as badges ("2 unread"),
 * so nothing is said by colour or shape alone.
 */
export function caseList(cases: OfficerCase[], open: (caseId: string) => void): TemplateResult {
  if (cases.length === 0) return html`<p>${msg('You have no cases with victim messages.')}</p>`;
  return html`
    <ul part="case-list" class="case-list">
      ${cases.map(
        (officerCase) => html`
          <li>
            <button part="case-button" class="case-button" type="button" data-case-id=${officerCase.caseId} @click=${() => open(officerCase.caseId)}>
              <span class="case-title">${officerCase.crimeReference} · ${officerCase.victimName}</span>
              <span class="case-detail">${officerCase.crimeType} · ${roleWords(officerCase.role)}</span>
              <span class="badges">
                ${officerCase.unreadCount > 0 ? html`<span part="badge" class="badge unread">${unreadWords(officerCase.unreadCount)}</span>` : nothing}
                ${officerCase.pendingUpdateRequests > 0
                  ? html`<span part="badge" class="badge update">${updateRequestCountWords(officerCase.pendingUpdateRequests)}</span>`
                  : nothing}
              </span>
              <span class="case-detail">
                ${officerCase.lastMessageAt ? msg(str`Last message ${sentWords(officerCase.lastMessageAt)}`) : msg('No messages yet')}
              </span>
            </button>
          </li>
        `,
      )}
    </ul>
  `;
}

/** @returns the officer's part in a case, in words */
export function roleWords(role: OfficerCase['role']): string {
  return role === 'covering' ? msg('Covering') : msg('Officer in charge');
}

// Badges on a case: messages the officer has not read, and the victim's requests for an update.
// One msg() per plural form, each with an id (their English is the same): Welsh and Polish word
// "2", "3" and "6" differently, and Intl.PluralRules picks the form (see `plural`).
function unreadWords(count: number): string {
  return plural(count, {
    zero: () => msg(str`${count} unread`, { id: 'unread-count.zero' }),
    one: () => msg(str`${count} unread`, { id: 'unread-count.one' }),
    two: () => msg(str`${count} unread`, { id: 'unread-count.two' }),
    few: () => msg(str`${count} unread`, { id: 'unread-count.few' }),
    many: () => msg(str`${count} unread`, { id: 'unread-count.many' }),
    other: () => msg(str`${count} unread`, { id: 'unread-count.other' }),
  });
}

function updateRequestCountWords(count: number): string {
  return plural(count, {
    zero: () => msg(str`${count} update requests`, { id: 'update-request-count.zero' }),
    one: () => msg(str`${count} update request`, { id: 'update-request-count.one' }),
    two: () => msg(str`${count} update requests`, { id: 'update-request-count.two' }),
    few: () => msg(str`${count} update requests`, { id: 'update-request-count.few' }),
    many: () => msg(str`${count} update requests`, { id: 'update-request-count.many' }),
    other: () => msg(str`${count} update requests`, { id: 'update-request-count.other' }),
  });
}
