import { reportFitsSender } from '@/lib/protocol/tab-reports';
import { recordSighting } from '@/lib/services/identities';
import { getPersonView } from '@/lib/services/person-view';
import { readSettings } from '@/lib/settings';
import type { BackgroundDeps, HandlerGroup } from './deps';

export function tabHandlers({
  db,
  tabs,
  clock,
}: BackgroundDeps): HandlerGroup<'reportProfile' | 'getTabProfile' | 'getTabPerson'> {
  const tabProfile = async (id: number | undefined, asked: string) => {
    if (id === undefined) throw new Error(`${asked} needs a tab id when not sent from a tab.`);
    const state = await tabs.get(id);
    return {
      tabId: id,
      snapshot: state?.snapshot ?? null,
      details: state?.details ?? 'read',
      seq: state?.seq ?? 0,
    };
  };
  return {
    async reportProfile({ snapshot, details, seq }, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { accepted: false };
      if (!reportFitsSender(snapshot, sender.url)) {
        console.warn(`Rapport: refused a report of ${snapshot?.network}:${snapshot?.id} from ${sender.url}`);
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
      await tabs.set(tabId, { snapshot, details: snapshot ? details : 'read', seq });
      if (sightingFailure) throw sightingFailure;
      return { accepted: true };
    },
    getTabProfile: ({ tabId }, { sender }) => tabProfile(tabId ?? sender.tab?.id, 'getTabProfile'),
    async getTabPerson({ tabId }, { sender }) {
      // Both reads at once: this answers the in-page sidebar's first question, which is on the way from
      // a page load to the user's notes (issue #9). Settings are read even for a tab on no profile.
      const [tab, { settings }] = await Promise.all([
        tabProfile(tabId ?? sender.tab?.id, 'getTabPerson'),
        readSettings(),
      ]);
      if (!tab.snapshot) return { tab, view: null };
      const { network, id } = tab.snapshot;
      return { tab, view: await getPersonView(db, { network, id }, clock, settings.focus) };
    },
  };
}
