import { recordSighting } from '@/lib/services/identities';
import { networkOfUrl } from '@/lib/sites/urls';
import type { BackgroundDeps, HandlerGroup } from './deps';

export function tabHandlers({
  db,
  tabs,
  clock,
}: BackgroundDeps): HandlerGroup<'reportProfile' | 'getTabProfile'> {
  return {
    async reportProfile({ snapshot, details }, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { accepted: false };
      // A content script may only speak for its own site. (Chrome does not update sender.url on in-app
      // navigation, so the exact profile cannot be checked against it; the page itself cannot send
      // messages at all, only our content script in its isolated world can.)
      if (snapshot && (!sender.url || networkOfUrl(sender.url) !== snapshot.network)) {
        console.warn(`Rapport: refused a report of ${snapshot.network}:${snapshot.id} from ${sender.url}`);
        return { accepted: false };
      }
      // The sighting is recorded before the tab's state changes, because that change is what makes the
      // sidebar read the person again: it then finds the new headline. Only once the page was read: a
      // half-read page would record a missing headline as a change. A failed sighting still updates the
      // tab, then reports the failure.
      let sightingFailure: unknown = null;
      if (snapshot && details === 'read') {
        await recordSighting(db, snapshot, clock.now()).catch((error: unknown) => {
          sightingFailure = error;
        });
      }
      await tabs.set(tabId, { snapshot, details: snapshot ? details : 'read' });
      if (sightingFailure) throw sightingFailure;
      return { accepted: true };
    },
    async getTabProfile({ tabId }, { sender }) {
      const id = tabId ?? sender.tab?.id;
      if (id === undefined) throw new Error('getTabProfile needs a tab id when not sent from a tab.');
      const state = await tabs.get(id);
      return { tabId: id, snapshot: state?.snapshot ?? null, details: state?.details ?? 'read' };
    },
  };
}
