import { browser } from '#imports';
import type { ProfileSnapshot } from '@/lib/sites/types';
import { profileReport, type ReportDetails } from './content-messages';

// The one message the whole content script sends (lib/protocol/content-messages.ts builds it): to the
// tab's in-page sidebar over its port first, when it has one (lib/content/view-ports.ts), then as a
// runtime message, which the worker records and every view hears.
export async function reportProfile(
  snapshot: ProfileSnapshot | null,
  details: ReportDetails,
  views?: { post(message: unknown): void },
): Promise<void> {
  const message = profileReport(snapshot, details);
  views?.post(message);
  await browser.runtime.sendMessage(message);
}
