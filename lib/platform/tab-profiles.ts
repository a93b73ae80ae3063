import { browser } from '#imports';
import type { TabState } from '@/lib/protocol/types';
import type { ProfileRef } from '@/lib/sites/types';
import { parseProfileUrl } from '@/lib/sites/urls';

/**
 * Which profile each tab shows, kept in `storage.session` rather than worker memory: the worker can be
 * stopped at any moment, and session storage survives that but not a browser restart. Its default access
 * level admits only the extension's own pages, never content scripts.
 */
export interface TabProfiles {
  get(tabId: number): Promise<TabState | null>;
  set(tabId: number, state: TabState): Promise<void>;
  forget(tabId: number): Promise<void>;
}

export const tabProfileKey = (tabId: number) => `tab-profile:${tabId}`;

/**
 * The stored state as far as the tab's URL still names its profile: otherwise no profile. In Chrome the
 * sites' pages that are not profiles run only a watcher that says nothing on a page load (issue #9: a
 * message costs the page), and a tab can leave the sites altogether, so the stored profile can be the
 * one of an earlier page. The report's time is kept: a view that heard a newer report directly keeps it
 * (supersedes in tab-reports.ts), and one that showed the stored profile takes the clearing.
 */
export function stateForUrl(state: TabState | null, shown: ProfileRef | null): TabState | null {
  const snapshot = state?.snapshot;
  if (!state || !snapshot) return state;
  if (shown && shown.network === snapshot.network && shown.id === snapshot.id) return state;
  return { snapshot: null, details: 'read', seq: state.seq };
}

/**
 * What the tab's URL names, when the worker can see it. Chrome shows the URL of a tab on the three sites
 * (Rapport's host permissions) and none elsewhere, so no URL there means none of the sites. Firefox shows
 * none without permissions Rapport does not ask for there; its content script runs on every page of the
 * sites and reports each page load itself, so the stored state stands.
 */
async function profileInTab(tabId: number): Promise<ProfileRef | null | 'unknown'> {
  if (import.meta.env.FIREFOX) return 'unknown';
  // tabs.get throws, rather than rejects, on an id that cannot be a tab's (a click outside any tab is -1).
  const tab = await Promise.resolve()
    .then(() => browser.tabs.get(tabId))
    .catch(() => null);
  if (!tab) return 'unknown';
  return tab.url ? parseProfileUrl(tab.url) : null;
}

export function sessionTabProfiles(): TabProfiles {
  const area = browser.storage.session;
  return {
    async get(tabId) {
      const key = tabProfileKey(tabId);
      const [stored, shown] = await Promise.all([area.get(key), profileInTab(tabId)]);
      const state = (stored[key] as TabState | undefined) ?? null;
      return shown === 'unknown' ? state : stateForUrl(state, shown);
    },
    async set(tabId, state) {
      await area.set({ [tabProfileKey(tabId)]: state });
    },
    async forget(tabId) {
      await area.remove(tabProfileKey(tabId));
    },
  };
}
