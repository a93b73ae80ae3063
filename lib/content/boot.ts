import { browser, type ContentScriptContext } from '#imports';
import { readPreferencesOf, watchDisplayMode, watchLayout } from '@/lib/platform/site-preferences';
import { reportProfile } from '@/lib/protocol/content-client';
import { extensionReplaced } from '@/lib/protocol/replaced';
import type { Site } from '@/lib/sites/site';
import { takeProfileIntent } from './intent';
import { pageMarkOf } from './page-mark';
import { retireReplacedCopy } from './retire';
import { startContentRuntime } from './runtime';
import { listenForViews } from './view-ports';

export async function bootContentScript(ctx: ContentScriptContext, site: Site): Promise<void> {
  if (!claimPage()) return;
  ignoreNewerCopyAnnouncements(ctx);
  const { network } = site;
  // The page mark (Chrome) says "shown in the page" before storage can answer: the sidebar's frame then
  // starts loading at once, hidden, and takes its layout (or goes, if storage disagrees) when storage
  // answers. Without a mark, nothing is added to the page until storage has said where Rapport shows.
  const mark = pageMarkOf();
  const stored = readPreferencesOf(network);
  const first = await Promise.race([mark.marked.then(() => null), stored]);
  mark.stop();
  if (extensionReplaced()) return;
  retireReplacedCopy();
  // This script's lifetime is its own, not WXT's context's (see ignoreNewerCopyAnnouncements). It ends
  // when Rapport is updated or turned off under this page: the runtime then removes the sidebar, rather
  // than leave one that can no longer save. Noticed when a report fails, and when the user comes back.
  const life = new AbortController();
  const stopIfReplaced = () => {
    if (extensionReplaced() && !life.signal.aborted) life.abort('Rapport was updated or turned off');
  };
  const views = listenForViews(life.signal);
  document.addEventListener('visibilitychange', stopIfReplaced, { signal: life.signal });
  window.addEventListener('focus', stopIfReplaced, { signal: life.signal });
  startContentRuntime({
    site,
    displayMode: first?.display ?? 'page',
    watchDisplayMode: (onChange) => {
      if (first === null) void stored.then(({ display }) => onChange(display));
      watchDisplayMode(network, onChange, life.signal);
    },
    layout: first?.layout ?? null,
    watchLayout: (onChange) => {
      if (first === null) void stored.then(({ layout }) => onChange(layout));
      watchLayout(network, onChange, life.signal);
    },
    signal: life.signal,
    // With use_dynamic_url (Chrome) this is a per-session URL, so pages cannot probe for Rapport.
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    report: (snapshot, details) =>
      reportProfile(snapshot, details, views).catch((error: unknown) => {
        stopIfReplaced();
        throw error;
      }),
    fallbackNavigation: (emit) => ctx.addEventListener(window, 'wxt:locationchange', emit),
    warm: takeProfileIntent(),
  });
}

/**
 * One live copy of Rapport per page. Copies of one extension share an isolated world, so the first to
 * start leaves a mark there, which the page cannot see or set. A copy run again while a live one is there
 * (the worker's takeover of open tabs racing the page's own load, on install) stops at once. A copy from a
 * replaced version is not live: its check runs in its own, now disconnected, context.
 */
function claimPage(): boolean {
  const world = globalThis as { rapportCopy?: { live(): boolean } };
  if (world.rapportCopy?.live()) return false;
  world.rapportCopy = { live: () => !extensionReplaced() };
  return true;
}

/**
 * WXT stops a content script when a newer copy of it announces itself: a CustomEvent on the document
 * named after the extension's id and the script. The id is public for a store listing, so the page can
 * send that event too, and it did stop Rapport (tests/e2e/hostile-page.test.ts). Rapport keeps one live
 * copy per document by a mark the page cannot reach (claimPage) and retires a replaced one itself
 * (retire.ts), so the announcement is stopped on its way down, at the window, before WXT's listener on
 * the document hears it.
 */
function ignoreNewerCopyAnnouncements(ctx: ContentScriptContext): void {
  const type = (ctx.constructor as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown }).SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof type !== 'string') return;
  window.addEventListener(type, (event) => event.stopImmediatePropagation(), { capture: true });
}
