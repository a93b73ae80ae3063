import { browser, type ContentScriptContext } from '#imports';
import { reportProfile } from '@/lib/protocol/content-client';
import type { Network } from '@/lib/sites';
import { startContentRuntime } from './runtime';

export function bootContentScript(ctx: ContentScriptContext, network: Network): void {
  startContentRuntime({
    network,
    signal: ctx.signal,
    // With use_dynamic_url (Chrome) this is a per-session URL, so pages cannot probe for Rapport.
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    report: reportProfile,
    fallbackNavigation: (emit) => ctx.addEventListener(window, 'wxt:locationchange', emit),
  });
}
