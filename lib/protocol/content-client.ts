import { browser } from '#imports';
import type { ProfileSnapshot } from '@/lib/sites';
import { wireRequest } from './wire';

// The one message a content script sends. No zod here: content scripts run on every page of the three
// sites and must stay small; the background validates the payload anyway.
export async function reportProfile(
  snapshot: ProfileSnapshot | null,
  details: 'reading' | 'read' | 'unreadable',
): Promise<void> {
  await browser.runtime.sendMessage(wireRequest('reportProfile', { snapshot, details }));
}
