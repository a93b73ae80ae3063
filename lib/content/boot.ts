import { browser, type ContentScriptContext } from '#imports';
import { readDisplayMode, readLayout, watchDisplayMode, watchLayout } from '@/lib/platform/site-preferences';
import { reportProfile } from '@/lib/protocol/content-client';
import { extensionReplaced } from '@/lib/protocol/replaced';
import type { Site } from '@/lib/sites/site';
import { startContentRuntime } from './runtime';

export async function bootContentScript(ctx: ContentScriptContext, site: Site): Promise<void> {
  const { network } = site;
  const [displayMode, layout] = await Promise.all([readDisplayMode(network), readLayout(network)]);
  if (ctx.isInvalid) return;
  // Rapport updated under this page: this script stops and takes its sidebar away (the runtime removes
  // it when the signal aborts), rather than leave one that can no longer save. Noticed when a report
  // fails, and when the user comes back to the tab.
  const stopIfReplaced = () => {
    if (extensionReplaced() && !ctx.signal.aborted) ctx.abort('Rapport was updated or turned off');
  };
  ctx.addEventListener(document, 'visibilitychange', stopIfReplaced);
  ctx.addEventListener(window, 'focus', stopIfReplaced);
  startContentRuntime({
    site,
    displayMode,
    watchDisplayMode: (onChange) => watchDisplayMode(network, onChange, ctx.signal),
    layout,
    watchLayout: (onChange) => watchLayout(network, onChange, ctx.signal),
    signal: ctx.signal,
    // With use_dynamic_url (Chrome) this is a per-session URL, so pages cannot probe for Rapport.
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    report: (snapshot, details) =>
      reportProfile(snapshot, details).catch((error: unknown) => {
        stopIfReplaced();
        throw error;
      }),
    fallbackNavigation: (emit) => ctx.addEventListener(window, 'wxt:locationchange', emit),
  });
}
