import { reportFitsSender } from '@/lib/protocol/tab-reports';
import { recordSighting } from '@/lib/services/identities';
import { getPersonView } from '@/lib/services/person-view';
import { readFocus } from '@/lib/settings';
import { parseProfileUrl } from '@/lib/sites/urls';
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
      // This answers the in-page sidebar's first question, which is on the way from a page load to the
      // user's notes (issue #9), so nothing waits that need not. The sidebar is in its tab: the tab's URL
      // (the sender's) names the person its state almost always names, and their view is read at once,
      // next to the tab's state and the settings (each a round trip to the browser, slow while the page
      // loads). When the state names someone else, theirs is read after.
      const focus = readFocus();
      focus.catch(() => undefined); // Awaited below wherever it matters; never unhandled.
      const guess = tabId === null && sender.tab?.url ? parseProfileUrl(sender.tab.url) : null;
      const early = guess ? getPersonView(db, guess, clock, focus) : null;
      early?.catch(() => undefined);
      const tab = await tabProfile(tabId ?? sender.tab?.id, 'getTabPerson');
      // The settings are read even for a tab on no profile: a failure to read them is reported alike.
      if (!tab.snapshot) {
        await focus;
        return { tab, view: null };
      }
      const { network, id } = tab.snapshot;
      const view =
        early && guess?.network === network && guess.id === id
          ? await early
          : await getPersonView(db, { network, id }, clock, focus);
      return { tab, view };
    },
  };
}
