import { browser } from '#imports';
import type { RapportDatabase } from '@/lib/db/database';
import type { Clock } from '@/lib/services/clock';
import { countDuePrompts } from '@/lib/services/popup';
import { readSettings, repairSettings, SETTINGS_KEY } from '@/lib/settings';
import { DIGEST_ALARM, scheduleDigest } from './alarms';

// The optional daily digest: at the chosen local time, one notification saying how many prompts are due
// (none when nothing is); clicking it opens the popup. `notifications` is an optional permission, asked
// for by the options page when the user turns the digest on: without it `browser.notifications` does not
// exist and nothing is shown. The options page sets and clears the alarm; this keeps it going.

export const DIGEST_NOTIFICATION = 'rapport-digest';

export function digestMessage(count: number): string {
  return `${count} ${count === 1 ? 'prompt is' : 'prompts are'} due today: see who to reach out to, and how.`;
}

/** The popup itself where the browser lets an extension open it, else the same page in a tab. */
async function openPopup(): Promise<void> {
  try {
    await (browser.action ?? browser.browserAction).openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}

export function registerDigest({ db, clock }: { db: RapportDatabase; clock: Clock }): void {
  // Listeners return their work's promise: the browser ignores it, and tests can wait for it.
  const onClicked = (id: string) =>
    id === DIGEST_NOTIFICATION
      ? Promise.all([browser.notifications.clear(id), openPopup()]).catch((error: unknown) =>
          console.warn('Rapport: could not open the popup', error),
        )
      : undefined;
  // At worker start (so a click wakes a stopped worker), and again once the permission has been granted.
  const listen = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onClicked))
      browser.notifications.onClicked.addListener(onClicked);
  };
  listen();

  const fire = async (scheduledTime: number) => {
    const { digest, focus } = (await readSettings()).settings;
    // The next one first (from the later of now and when this one was due, so it cannot fire twice).
    await scheduleDigest(digest, Math.max(clock.now(), scheduledTime));
    if (!digest.enabled || !browser.notifications) return;
    listen();
    const count = await countDuePrompts(db, clock.now(), focus);
    if (count === 0) return;
    await browser.notifications.create(DIGEST_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Rapport',
      message: digestMessage(count),
    });
  };
  browser.alarms.onAlarm.addListener((alarm) =>
    alarm.name === DIGEST_ALARM
      ? fire(alarm.scheduledTime).catch((error: unknown) =>
          console.warn('Rapport: could not show the daily digest', error),
        )
      : undefined,
  );
  // Settings written elsewhere (a restored backup) move the alarm with them; the options page also sets it
  // itself, right after asking for the permission.
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    const digestOf = (value: unknown) => repairSettings(value).settings.digest;
    const next = digestOf(change.newValue);
    if (JSON.stringify(next) !== JSON.stringify(digestOf(change.oldValue)))
      void scheduleDigest(next, clock.now()).catch(() => undefined);
  });
  // Firefox forgets alarms when the browser quits: set it again if the digest is on and it is missing.
  browser.runtime.onStartup.addListener(async () => {
    const { digest } = (await readSettings()).settings;
    if (!(await browser.alarms.get(DIGEST_ALARM)))
      await scheduleDigest(digest, clock.now()).catch(() => undefined);
  });
}
