import { browser } from '#imports';

// "Also into climbing: 3 of your ties" leads to a search of everyone for that tag, which lives in the
// toolbar popup. A page cannot pass anything to the popup it opens, so the sidebar leaves the query in
// storage.session (extension pages only) for the popup to take when it opens; where the browser will not
// open the popup from here, the same page opens in a tab with the query in its address.

const PENDING_SEARCH_KEY = 'popup:pending-search';
/** A query left longer ago than this was for a popup that never opened: not applied to a later one. */
const PENDING_FRESH_MS = 30_000;

/** Call straight from the click: browsers open the popup only during a user gesture. */
export async function openSearch(query: string): Promise<void> {
  const leaving = browser.storage.session.set({ [PENDING_SEARCH_KEY]: { query, at: Date.now() } });
  try {
    await (browser.action ?? browser.browserAction).openPopup();
    await leaving;
  } catch {
    await leaving.catch(() => undefined);
    await browser.storage.session.remove(PENDING_SEARCH_KEY);
    await browser.tabs.create({ url: searchPageUrl(query) });
  }
}

export function searchPageUrl(query: string): string {
  return browser.runtime.getURL(`/popup.html#q=${encodeURIComponent(query)}`);
}

/** The query a sidebar left for this popup, if it is fresh; taken, so it applies once. */
export async function takePendingSearch(now: number): Promise<string | null> {
  const stored = (await browser.storage.session.get(PENDING_SEARCH_KEY))[PENDING_SEARCH_KEY] as
    | { query?: unknown; at?: unknown }
    | undefined;
  if (!stored) return null;
  await browser.storage.session.remove(PENDING_SEARCH_KEY);
  const { query, at } = stored;
  return typeof query === 'string' && typeof at === 'number' && now - at >= 0 && now - at < PENDING_FRESH_MS
    ? query.slice(0, 200)
    : null;
}
