import { browser, type ContentScriptContext } from '#imports';
import { readDisplayMode, readLayout, watchDisplayMode, watchLayout } from '@/lib/platform/site-preferences';
import { reportProfile } from '@/lib/protocol/content-client';
import type { Site } from '@/lib/sites/site';
import { startContentRuntime } from './runtime';

export async function bootContentScript(ctx: ContentScriptContext, site: Site): Promise<void> {
  const { network } = site;
  const [displayMode, layout] = await Promise.all([readDisplayMode(network), readLayout(network)]);
  if (ctx.isInvalid) return;
  startContentRuntime({
    site,
    displayMode,
    watchDisplayMode: (onChange) => watchDisplayMode(network, onChange, ctx.signal),
    layout,
    watchLayout: (onChange) => watchLayout(network, onChange, ctx.signal),
    signal: ctx.signal,
    // With use_dynamic_url (Chrome) this is a per-session URL, so pages cannot probe for Rapport.
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    report: reportProfile,
    fallbackNavigation: (emit) => ctx.addEventListener(window, 'wxt:locationchange', emit),
  });
}
