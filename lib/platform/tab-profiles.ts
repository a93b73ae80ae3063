import { browser } from '#imports';
import type { TabState } from '@/lib/protocol/types';

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

export function sessionTabProfiles(): TabProfiles {
  const area = browser.storage.session;
  return {
    async get(tabId) {
      const key = tabProfileKey(tabId);
      const stored = await area.get(key);
      return (stored[key] as TabState | undefined) ?? null;
    },
    async set(tabId, state) {
      await area.set({ [tabProfileKey(tabId)]: state });
    },
    async forget(tabId) {
      await area.remove(tabProfileKey(tabId));
    },
  };
}
