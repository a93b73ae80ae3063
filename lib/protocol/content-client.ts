import { browser } from '#imports';
import type { ProfileSnapshot } from '@/lib/sites/types';
import { wireRequest } from './wire';

// The one message a content script sends. No zod here: content scripts run on every page of the three
// sites and must stay small; the background validates the payload anyway. The sidebar and side panel of
// the tab hear it too and switch person at once (lib/protocol/tab-reports.ts).
export async function reportProfile(
  snapshot: ProfileSnapshot | null,
  details: 'reading' | 'read' | 'unreadable',
): Promise<void> {
  await browser.runtime.sendMessage(wireRequest('reportProfile', { snapshot, details, seq: reportTime() }));
}

/**
 * The report's time on the page's clock, which only grows within a tab (a new page's timeOrigin is
 * later than the last one's), so views can tell a late copy from a new report.
 */
function reportTime(): number {
  return performance.timeOrigin + performance.now();
}
