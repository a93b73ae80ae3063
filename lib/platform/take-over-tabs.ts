import { browser } from '#imports';
import { scriptRunsOn } from '@/lib/sites/match-pattern';

// Chrome runs a content script declared in the manifest only in pages loaded after Rapport was installed
// or updated. So when that happens, the new version runs its scripts in the sites' tabs that are already
// open (Firefox does this itself), after marking the page so the script knows to retire the copy of the
// version it replaces (lib/content/retire.ts). Needs `scripting` and host permissions for the same sites
// as the content scripts, which Chrome's install prompt already names for them.

/** Set in the script's isolated world, never the page's: the page cannot make Rapport think it took over. */
function markTakeOver(): void {
  (globalThis as { rapportTakeOver?: boolean }).rapportTakeOver = true;
}

async function takeOverOpenTabs(): Promise<void> {
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    // Paths from the manifest itself, which WXT's types cannot know are the built scripts.
    const files = (script.js ?? []) as never[];
    const tabs = await browser.tabs.query({ url: script.matches, discarded: false });
    for (const { id, url } of tabs) {
      // The query knows no exclude_matches: a site's whole script and its watcher (Chrome) split the site
      // between them, and each tab gets the one the manifest would give it (lib/content/script-matches.ts).
      if (id === undefined || (url !== undefined && !scriptRunsOn(script, url))) continue;
      const target = { tabId: id };
      // One tab failing (closed meanwhile, an error page) leaves it to be taken over at its next load.
      await browser.scripting
        .executeScript({ target, func: markTakeOver })
        .then(() => browser.scripting.executeScript({ target, files }))
        .catch((error: unknown) => console.warn('Rapport: could not take over an open tab', error));
    }
  }
}

export function registerTakeOver(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void takeOverOpenTabs();
  });
}
