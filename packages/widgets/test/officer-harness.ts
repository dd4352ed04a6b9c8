import { expect } from 'vitest';
import type { OfficerCase } from '@victim-portal/sdk';
import type { VpOfficerInbox } from '../src/officer-inbox/officer-inbox.js';
import { FakeApi, problem } from './fake-api.js';
import { FakeStream } from './fake-stream.js';
import { FakeThread } from './fake-thread.js';
import { bikeTheft, burglary, burglaryThread } from './fixtures.js';
import { officerCases } from './officer-harness-data.js';

export { officerCases };
import { apiBase } from './portal-harness.js';
import { mount } from './render.js';

/** An officer's inbox under test: the element, its fake service, threads, stream and tokens handed out. */
export interface InboxUnderTest {
  inbox: VpOfficerInbox;
  api: FakeApi;
  threads: Record<'burglary' | 'bikeTheft', FakeThread>;
  stream: FakeStream;
  tokensGiven: string[];
  /** Makes the service refuse every token handed out so far, as when they expire. */
  expireTokens(): void;
}

/**
 * Mounts `<vp-officer-inbox>` against a fake service that accepts only the newest token the
 * host page's `getToken` handed out (an older one gets 401, as an expired one does).
 */
export async function mountInbox(cases: OfficerCase[] = officerCases.items): Promise<InboxUnderTest> {
  const api = new FakeApi();
  const tokensGiven: string[] = [];
  const threads = {
    burglary: new FakeThread(burglary.id, burglaryThread, burglary.officerInCharge),
    bikeTheft: new FakeThread(bikeTheft.id, [], burglary.officerInCharge),
  };
  threads.burglary.install(api, 'officer', { stream: false });
  threads.bikeTheft.install(api, 'officer', { stream: false });
  const stream = new FakeStream();
  api.on('GET /v1/officer/stream', stream.route);
  let accepted: string | undefined;
  // Unread counts as the service keeps them: victim messages after the officers' read receipt.
  const unread = (thread: FakeThread) =>
    thread.messages.filter((message) => message.author.type === 'victim' && Number(message.cursor) > Number(thread.read.officer ?? 0)).length;
  api.on('GET /v1/officer/cases', (request) => {
    if (!accepted || request.authorization !== `Bearer ${accepted}`) return problem(401, 'unauthenticated');
    const items = cases.map((officerCase) => {
      const thread = officerCase.caseId === burglary.id ? threads.burglary : threads.bikeTheft;
      return { ...officerCase, unreadCount: unread(thread) };
    });
    return { status: 200, body: { ...officerCases, items } };
  });
  const getToken = () => {
    accepted = `vpo_token_${tokensGiven.length + 1}`;
    tokensGiven.push(accepted);
    return Promise.resolve(accepted);
  };
  const inbox = await mount('vp-officer-inbox', { fetch: api.fetch, getToken }, { 'api-base': apiBase });
  await expect.poll(() => inbox.inbox?.state).toBe('ready');
  await inbox.updateComplete;
  return { inbox, api, threads, stream, tokensGiven, expireTokens: () => void (accepted = undefined) };
}

/** @returns the case buttons' texts */
export function caseButtons(inbox: Element): HTMLButtonElement[] {
  return [...inbox.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="case-button"]')];
}
