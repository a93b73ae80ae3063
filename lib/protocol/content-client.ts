import { browser } from '#imports';
import type { ProfileSnapshot } from '@/lib/sites/types';
import { profileReport, type ReportDetails } from './content-messages';

// The one message the whole content script sends (lib/protocol/content-messages.ts builds it).
export async function reportProfile(snapshot: ProfileSnapshot | null, details: ReportDetails): Promise<void> {
  await browser.runtime.sendMessage(profileReport(snapshot, details));
}
