import { showDueCount } from '@/lib/platform/badge';
import { getPopupData } from '@/lib/services/popup';
import { actOnPrompt } from '@/lib/services/prompt-actions';
import { searchAll, searchIndex } from '@/lib/services/search';
import { readFocus } from '@/lib/settings';
import type { BackgroundDeps, HandlerGroup } from './deps';

/** The toolbar popup. Its writes reach the badge through the store's change listener (lib/platform/badge.ts). */
export function popupHandlers({
  db,
  tabs,
  clock,
}: BackgroundDeps): HandlerGroup<'getPopupData' | 'actOnPrompt' | 'searchAll'> {
  return {
    async getPopupData({ tabId }) {
      const state = tabId === null ? null : await tabs.get(tabId);
      const snapshot = state?.snapshot ?? null;
      const data = await getPopupData(db, clock.now(), {
        tabProfile: snapshot ? { network: snapshot.network, id: snapshot.id } : null,
        focus: await readFocus(),
      });
      // The popup computed the count anyway: the badge follows what the user sees.
      void showDueCount(data.counts.dueToday).catch(() => undefined);
      // The user may type a search next: load the search rows into memory now rather than then.
      void searchIndex(db, clock.now()).catch(() => undefined);
      return data;
    },
    actOnPrompt: (request) => actOnPrompt(db, request, clock),
    searchAll: async (request) => searchAll(db, request, clock.now(), await readFocus()),
  };
}
