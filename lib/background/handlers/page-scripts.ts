import { networkOfUrl, parseProfileUrl } from '@/lib/sites/urls';
import type { BackgroundDeps, HandlerGroup } from './deps';

export function pageScriptHandlers({ pageScripts }: BackgroundDeps): HandlerGroup<'startProfileReader'> {
  return {
    // Only into the sender's own tab, only the script of the site the browser says the sender is on, and
    // only for a profile of that site: a page can get nothing run but Rapport's own script for its own
    // site, which a navigation to a profile would have run anyway.
    async startProfileReader({ url }, { sender }) {
      const tabId = sender.tab?.id;
      const site = sender.url ? networkOfUrl(sender.url) : null;
      const profile = parseProfileUrl(url);
      if (tabId === undefined || site === null || profile?.network !== site || !pageScripts) {
        return { started: false };
      }
      await pageScripts.startReader(tabId, site);
      return { started: true };
    },
  };
}
