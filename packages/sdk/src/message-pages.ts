import type { MessagePage } from '@victim-portal/contract';

/** Where a page of a thread starts and how long it is. */
export interface MessagePageOptions {
  /** A message's `cursor`: the page starts after it. Leave out for the start of the thread. */
  after?: string;
  /** At most this many messages (1–200; the service's default is 100). */
  limit?: number;
}

/**
 * Reads a thread to its end by following `nextCursor`.
 * @param listPage reads one page starting after a cursor
 * @param after where to start (the start of the thread when left out)
 * @returns every message after `after`, with the last page's `read` and `officerInCharge`, and `nextCursor` null
 */
export async function allPages(listPage: (after: string | undefined) => Promise<MessagePage>, after?: string): Promise<MessagePage> {
  const items: MessagePage['items'] = [];
  let page: MessagePage;
  let from = after;
  for (;;) {
    page = await listPage(from);
    items.push(...page.items);
    // A cursor that does not move would loop for ever: stop rather than trust it.
    if (!page.nextCursor || page.nextCursor === from) break;
    from = page.nextCursor;
  }
  return { ...page, items, nextCursor: null };
}
