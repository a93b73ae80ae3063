import type { RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import type { Handlers } from '@/lib/protocol/router';
import { type Clock, getPersonView, saveNote } from '@/lib/services/person-service';
import { networkOfUrl } from '@/lib/sites';

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
      // A content script may only speak for its own site. (Chrome does not update sender.url on in-app
      // navigation, so the exact profile cannot be checked against it; the page itself cannot send
      // messages at all, only our content script in its isolated world can.)
      if (snapshot && (!sender.url || networkOfUrl(sender.url) !== snapshot.network)) {
        console.warn(`Rapport: refused a report of ${snapshot.network}:${snapshot.id} from ${sender.url}`);
        return { accepted: false };
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
