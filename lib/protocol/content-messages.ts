import type { ProfileSnapshot } from '@/lib/sites/types';
import { type WireRequest, wireRequest } from './wire';

// The messages content scripts send, built without the browser API (the watcher, lib/content/watch.ts,
// sends them with Chrome's own runtime) and without zod: content scripts run on every page of the three
// sites and must stay small; the background validates every payload anyway.

export type ReportDetails = 'reading' | 'read' | 'unreadable';

/** Which profile the tab shows (null: none). The sidebar and side panel of the tab hear it too. */
export function profileReport(snapshot: ProfileSnapshot | null, details: ReportDetails): WireRequest {
  return wireRequest('reportProfile', { snapshot, details, seq: reportTime() });
}

/**
 * The report's time on the page's clock, which only grows within a tab (a new page's timeOrigin is
 * later than the last one's), so views can tell a late copy from a new report.
 */
function reportTime(): number {
  return performance.timeOrigin + performance.now();
}

/** The port a tab's in-page sidebar opens to its content script, to hear reports first (view-ports.ts). */
export const TAB_REPORTS_PORT = 'rapport/tab-reports';

/** The watcher, on a profile reached in-app: run the site's whole content script in this tab. */
export function startReaderRequest(url: string): WireRequest {
  return wireRequest('startProfileReader', { url });
}

/** Whether the worker's answer to startReaderRequest says it ran the script. */
export function readerStarted(answer: unknown): boolean {
  const result = answer as { ok?: unknown; value?: { started?: unknown } } | null | undefined;
  return result?.ok === true && result.value?.started === true;
}
