import { browser } from '#imports';

// When Rapport is updated (or turned off) while a page is open, the old version's scripts in that page,
// the content script and the sidebar's frame, stay behind with no extension to talk to: Chrome does not
// replace them until the page loads again. Their `runtime.id` is then gone, which is how they notice.

export const REPLACED_MESSAGE =
  'Rapport was updated. Reload this page to keep using it: nothing typed here from now on can be saved.';

/** Whether this script's extension is gone (updated, reloaded or turned off since the page loaded). */
export function extensionReplaced(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}
