import { SIDEBAR_TAG } from './sidebar-frame';

// When Rapport is installed or updated, the new version runs its content script in pages that are
// already open (lib/platform/take-over-tabs.ts in Chrome; Firefox natively). The page may still hold
// the copy it replaces, whose extension is gone.

/**
 * Retires the replaced copy before this one starts. A live copy (Chrome keeps it running) checks whether
 * Rapport was replaced when the page's visibility changes, and then removes its sidebar and gives back the
 * page space it took: that event is sent only when the worker marked this script as a takeover, so pages
 * never see it otherwise. A dead copy (Firefox removes its sandbox) can do nothing, so its sidebar is
 * removed here, and the space it reserved with it.
 */
export function retireReplacedCopy(): void {
  const takeOver = (globalThis as { rapportTakeOver?: boolean }).rapportTakeOver === true;
  if (takeOver) document.dispatchEvent(new Event('visibilitychange'));
  // A script run as the page starts loading (every ordinary load) has nothing before it to retire.
  else if (document.readyState === 'loading') return;
  const leftovers = document.querySelectorAll(SIDEBAR_TAG);
  if (leftovers.length === 0) return;
  for (const host of leftovers) host.remove();
  const root = document.documentElement.style;
  for (const side of ['left', 'right'])
    if (root.getPropertyPriority(`margin-${side}`) === 'important') root.removeProperty(`margin-${side}`);
}
