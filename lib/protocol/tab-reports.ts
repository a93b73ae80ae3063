import type { Runtime } from 'webextension-polyfill';
import { browser } from '#imports';
import { networkOfUrl } from '@/lib/sites/urls';
import { TAB_REPORTS_PORT } from './content-messages';
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

/**
 * Calls `onReport` with each report the content script of `tabId` sends; returns the unsubscribe.
 * `inPage`: this is the tab's in-page sidebar, which also opens a port to that content script and hears
 * each report there first (lib/content/view-ports.ts); the same report's runtime message is then dropped.
 * The port's messages are checked as a runtime message is, with the page that hosts this frame (its
 * origin, which the browser gives) as the sender's URL: only that page's content script is at the other
 * end. Without that origin (Firefox has no `ancestorOrigins`) reports come by runtime message alone.
 */
export function overhearTabReports(
  tabId: number,
  onReport: (state: TabState) => void,
  { inPage }: { inPage: boolean },
): () => void {
  const extensionId = browser.runtime.id;
  let last: TabState | null = null;
  const hear = (report: TabState) => {
    if (last !== null && report.seq === last.seq && sameReport(report, last)) return;
    last = report;
    onReport(report);
  };
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    const report = overheardReport(message, sender, tabId, extensionId);
    if (report) hear(report);
    // Nothing is returned: the worker is the one that answers the content script.
  };
  browser.runtime.onMessage.addListener(listener);
  const host = inPage ? globalThis.location?.ancestorOrigins?.[0] : undefined;
  const port = host ? browser.tabs.connect(tabId, { name: TAB_REPORTS_PORT, frameId: 0 }) : null;
  if (port) {
    const sender: ReportSender = { id: extensionId, url: host, frameId: 0, tab: { id: tabId } };
    port.onMessage.addListener((message: unknown) => {
      const report = overheardReport(message, sender, tabId, extensionId);
      if (report) hear(report);
    });
  }
  return () => {
    browser.runtime.onMessage.removeListener(listener);
    port?.disconnect();
  };
}

function sameReport(a: TabState, b: TabState): boolean {
  return a.details === b.details && JSON.stringify(a.snapshot) === JSON.stringify(b.snapshot);
}
