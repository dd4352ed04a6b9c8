// The officer's badges count in each language's own plural forms, from its catalogue.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'lit';
import type { OfficerCase } from '@victim-portal/sdk';
import { officerCases } from '../../test/officer-harness-data.js';
import { useLocale } from '../shared/localization.js';
import { caseList } from './case-list.js';

afterEach(() => useLocale('en'));

/** @returns the words of the badges of a case with these counts, in the active language */
function badges(unreadCount: number, pendingUpdateRequests: number): string[] {
  const item: OfficerCase = { ...officerCases.items[0]!, unreadCount, pendingUpdateRequests };
  const container = document.createElement('div');
  render(caseList([item], () => {}), container);
  return [...container.querySelectorAll('[part="badge"]')].map((badge) => badge.textContent!.trim());
}

describe('the badges of the case list', () => {
  it('count in English', async () => {
    await useLocale('en');
    expect(badges(1, 1)).toEqual(['1 unread', '1 update request']);
    expect(badges(3, 2)).toEqual(['3 unread', '2 update requests']);
  });

  it('count in Polish: one, few and many', async () => {
    await useLocale('pl');
    expect(badges(1, 1)).toEqual(['1 nieprzeczytana', '1 prośba o informacje']);
    expect(badges(3, 2)).toEqual(['3 nieprzeczytane', '2 prośby o informacje']);
    expect(badges(5, 12)).toEqual(['5 nieprzeczytanych', '12 próśb o informacje']);
    expect(badges(22, 25)).toEqual(['22 nieprzeczytane', '25 próśb o informacje']);
  });

  it('count in Welsh: one, two, few, many and other', async () => {
    await useLocale('cy');
    expect(badges(1, 1)).toEqual(['1 heb ei darllen', '1 cais am ddiweddariad']);
    expect(badges(2, 2)).toEqual(['2 heb eu darllen', '2 gais am ddiweddariad']);
    expect(badges(3, 3)).toEqual(['3 heb eu darllen', '3 chais am ddiweddariad']);
    expect(badges(6, 4)).toEqual(['6 heb eu darllen', '4 cais am ddiweddariad']);
  });
});
