import { browser } from '#imports';
import type { RapportDatabase } from '@/lib/db/database';
import type { Clock } from '@/lib/services/clock';
import { popupSummary } from '@/lib/services/popup';
import { readSettings, SETTINGS_KEY } from '@/lib/settings';
import { registerPeriodicAlarm } from './alarms';

// The toolbar badge: how many prompts are due. Set globally (no tabId), so the context menu's brief
// per-tab mark (confirm.ts) still shows over it on its tab: a tab's own badge text wins in Chrome.

const ALARM = 'rapport-badge';
/**
 * One-shot, when the stored popup answer stops being valid: a prompt falls due by time alone, a
 * follow-up enters the popup's two weeks, or the answer is an hour old (CACHE_MAX_AGE_MS). The badge
 * is counted again then, which computes and stores the next answer off the user's path: the popup
 * opens from the store instead of computing it (at 50,000 people, from a stopped worker, seconds).
 */
const DUE_ALARM = 'rapport-badge-due';
/** Writes come in bursts (an import, a merge): the count is recomputed once they pause. */
const SETTLE_MS = 300;
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
          const { focus } = (await readSettings()).settings;
          // Also stores the popup's answer, so the next popup opens from it.
          const summary = await popupSummary(db, clock.now(), focus);
          await showDueCount(summary.counts.dueToday);
          // Never later than a prompt falling due by time alone, never more than an hour away.
          await browser.alarms.create(DUE_ALARM, { when: Math.max(summary.validUntil, Date.now() + 30_000) });
        } catch (error) {
          console.warn('Rapport: could not update the badge', error);
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  let settle: ReturnType<typeof setTimeout> | undefined;
  db.onDataChange(() => {
    clearTimeout(settle);
    settle = setTimeout(() => void refresh(), SETTLE_MS);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DUE_ALARM) void refresh();
  });
  // The focus is a setting, and it decides which ask-question prompts are due.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void refresh();
  });
  registerPeriodicAlarm(ALARM, PERIOD_MINUTES, () => refresh());
  return refresh;
}
