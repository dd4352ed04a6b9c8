import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { OfficerCase } from '@victim-portal/sdk';
import { sentWords } from '../messages/message-words.js';

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

function unreadWords(count: number): string {
  return count === 1 ? msg('1 unread') : msg(str`${count} unread`);
}

function updateRequestCountWords(count: number): string {
  return count === 1 ? msg('1 update request') : msg(str`${count} update requests`);
}
