import type { Runtime } from 'webextension-polyfill';
import { browser } from '#imports';
import { networkOfUrl } from '@/lib/sites/urls';
import { ReportProfileRequestSchema } from './schemas';
import type { TabProfile, TabState, WireProfileSnapshot } from './types';
import { PROTOCOL_TAG } from './wire';

/**
 * A content script may only speak for its own site. (Chrome does not update sender.url on in-app
 * navigation, so the exact profile cannot be checked against it; the page itself cannot send messages
 * at all, only our content script in its isolated world can.)
 */
export function reportFitsSender(
  snapshot: WireProfileSnapshot | null,
  senderUrl: string | undefined,
): boolean {
  return snapshot === null || (senderUrl !== undefined && networkOfUrl(senderUrl) === snapshot.network);
}

export interface ReportSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * A `reportProfile` message overheard by a view of `tabId` (the in-page sidebar, the side panel): the
 * same message the worker gets, from the content script of that tab's top frame, checked as the worker
 * checks it. Null for anything else. Hearing it directly lets the view switch person without waiting for
 * the worker's round trip through its database and session storage.
 */
export function overheardReport(
  message: unknown,
  sender: ReportSender,
  tabId: number,
  extensionId: string,
): TabState | null {
  if (sender.id !== extensionId || sender.tab?.id !== tabId || sender.frameId !== 0) return null;
  if (typeof message !== 'object' || message === null) return null;
  const { tag, type, payload } = message as { tag?: unknown; type?: unknown; payload?: unknown };
  if (tag !== PROTOCOL_TAG || type !== 'reportProfile') return null;
  const parsed = ReportProfileRequestSchema.safeParse(payload);
  if (!parsed.success || !reportFitsSender(parsed.data.snapshot, sender.url)) return null;
  const { snapshot, details, seq } = parsed.data;
  return { snapshot, details: snapshot ? details : 'read', seq };
}

/** A tab's state as a view shows it, and whether the worker has recorded it yet (heard directly: not). */
export type ShownTab = TabProfile & { confirmed: boolean };

/**
 * Whether a view showing `shown` should switch to `next`: a newer report wins; of two copies of one
 * report, the worker's (it has recorded the sighting, so the person's view can be read again). An answer
 * with no report yet (seq 0) never hides one already heard.
 */
export function supersedes(next: ShownTab, shown: ShownTab): boolean {
  if (next.seq !== shown.seq) return next.seq > shown.seq;
  return next.confirmed || !shown.confirmed;
}

/** Calls `onReport` with each report the content script of `tabId` sends; returns the unsubscribe. */
export function overhearTabReports(tabId: number, onReport: (state: TabState) => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    const report = overheardReport(message, sender, tabId, browser.runtime.id);
    if (report) onReport(report);
    // Nothing is returned: the worker is the one that answers the content script.
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
