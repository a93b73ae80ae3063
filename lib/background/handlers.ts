import type { RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import type { Handlers } from '@/lib/protocol/router';
import { type Clock, getPersonView, saveNote } from '@/lib/services/person-service';
import { parseProfileUrl } from '@/lib/sites';

export interface BackgroundDeps {
  db: RapportDatabase;
  tabs: TabProfiles;
  clock: Clock;
}

/** Thin: each handler hands a validated request to a service. */
export function createHandlers({ db, tabs, clock }: BackgroundDeps): Handlers {
  return {
    async reportProfile({ snapshot }, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { accepted: false };
      // A content script may only speak for the page it runs in: the profile it reports must be the one
      // the sender's own URL names.
      if (snapshot) {
        const fromUrl = sender.url ? parseProfileUrl(sender.url) : null;
        if (!fromUrl || fromUrl.network !== snapshot.network || fromUrl.id !== snapshot.id) {
          return { accepted: false };
        }
      }
      await tabs.set(tabId, snapshot);
      return { accepted: true };
    },
    async getTabProfile({ tabId }, { sender }) {
      const id = tabId ?? sender.tab?.id;
      if (id === undefined) throw new Error('getTabProfile needs a tab id when not sent from a tab.');
      return { tabId: id, snapshot: await tabs.get(id) };
    },
    getPersonView: ({ ref }) => getPersonView(db, ref),
    async saveNote(request) {
      return { note: await saveNote(db, request, clock) };
    },
  };
}
