import { browser } from '#imports';
import { readerScriptFile } from '@/lib/content/script-files';
import type { Network } from '@/lib/sites/types';

/** Runs a site's whole content script in a tab on demand (see lib/content/watch.ts). */
export interface PageScripts {
  startReader(tabId: number, network: Network): Promise<void>;
}

/**
 * Chrome's `scripting`, with the host permissions Rapport already has for the three sites. Firefox builds
 * have no watcher and run the whole script on every page of the sites, so they need none of this.
 */
export function scriptingPageScripts(): PageScripts | undefined {
  if (!browser.scripting) return undefined;
  return {
    async startReader(tabId, network) {
      await browser.scripting.executeScript({
        // The top frame only, like the manifest's content scripts; at once, not when the page is idle.
        target: { tabId, frameIds: [0] },
        // A path the manifest's content scripts list (a build test checks it), which the types cannot know.
        files: [readerScriptFile(network) as never],
        injectImmediately: true,
      });
    },
  };
}
