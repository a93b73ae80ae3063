import type { WireProfileRef } from '@/lib/protocol/types';

// No message stores "the user dismissed this headline change", so the dismissal lives in the extension
// page's own localStorage (the extension's origin; the social site cannot read it). It only hides a
// banner: losing it (cleared storage, another browser) shows the banner once more, nothing worse.

const key = (ref: WireProfileRef) => `rapport:milestone-dismissed:${ref.network}:${ref.id}`;

export function readDismissedHeadline(ref: WireProfileRef): string | null {
  try {
    return globalThis.localStorage?.getItem(key(ref)) ?? null;
  } catch {
    return null;
  }
}

export function writeDismissedHeadline(ref: WireProfileRef, headline: string): void {
  try {
    globalThis.localStorage?.setItem(key(ref), headline);
  } catch {
    // Storage refused (disabled, full): the banner is hidden for this visit only.
  }
}
