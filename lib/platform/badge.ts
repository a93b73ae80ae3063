import { browser } from '#imports';
import type { RapportDatabase } from '@/lib/db/database';
import type { Clock } from '@/lib/services/clock';
import { countDuePrompts } from '@/lib/services/popup';
import { registerPeriodicAlarm } from './alarms';

// The toolbar badge: how many prompts are due. Set globally (no tabId), so the context menu's brief
// per-tab mark (confirm.ts) still shows over it on its tab: a tab's own badge text wins in Chrome.

const ALARM = 'rapport-badge';
/** Besides every change: at local midnight and every six hours after, as prompts fall due over time. */
const PERIOD_MINUTES = 6 * 60;
const COLOR = '#0a66c2';

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export async function showDueCount(count: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeBackgroundColor({ color: COLOR });
  await action.setBadgeText({ text: badgeText(count) });
  await action.setTitle({
    title: count === 0 ? 'Rapport' : `Rapport: ${count} ${count === 1 ? 'prompt' : 'prompts'} due`,
  });
}

interface Deps {
  db: RapportDatabase;
  clock: Clock;
}

/**
 * Keeps the badge current: after every committed write to the store (whoever made it: a message, the
 * context menu, an import), when the browser starts, and on an alarm (alarms survive the worker being
 * stopped; timers do not). Refreshes that arrive while one runs are folded into one more run.
 */
export function registerBadge({ db, clock }: Deps): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await showDueCount(await countDuePrompts(db, clock.now()));
        } catch (error) {
          console.warn('Rapport: could not update the badge', error);
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  db.onDataChange(() => void refresh());
  registerPeriodicAlarm(ALARM, PERIOD_MINUTES, () => refresh());
  return refresh;
}
