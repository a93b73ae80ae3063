import { browser } from '#imports';
import { AUTO_BACKUP_CHECK_MINUTES } from '@/lib/domain/auto-backup';
import { nextDailyTime } from '@/lib/domain/daily-time';

/** The next local midnight after `now`. */
export function nextMidnight(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/**
 * A repeating alarm from the next local midnight, every `periodMinutes`, that also fires its callback when
 * the extension is installed or the browser starts. The listener is registered synchronously, so an alarm
 * wakes a stopped worker and is handled. Alarms may not survive a browser restart, so it is (re)created
 * then, and whenever it is found missing.
 */
export function registerPeriodicAlarm(
  name: string,
  periodMinutes: number,
  onFire: () => Promise<void>,
): void {
  const ensure = async () => {
    const existing = await browser.alarms.get(name);
    if (!existing)
      await browser.alarms.create(name, { when: nextMidnight(Date.now()), periodInMinutes: periodMinutes });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) void onFire();
  });
  const start = () => {
    void ensure().catch((error: unknown) => console.warn(`Rapport: could not set the ${name} alarm`, error));
    void onFire();
  };
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  void ensure().catch(() => undefined);
}

/** The optional daily digest (lib/platform/digest-notification.ts shows it). */
export const DIGEST_ALARM = 'rapport-digest';

/** This machine's zone, for the pure scheduling rules (`0 -` so that UTC is 0, not -0). */
export const localOffset = (at: number): number => 0 - new Date(at).getTimezoneOffset();

/**
 * One alarm at the next local `time` after `now` when the digest is on, none when it is off. One-shot and
 * set again each time it fires (never a 24-hour period), so it stays at the chosen local time across
 * daylight-saving changes. Called by the options page when the setting changes, and by the worker.
 */
export async function scheduleDigest(digest: { enabled: boolean; time: string }, now: number): Promise<void> {
  if (!digest.enabled) await browser.alarms.clear(DIGEST_ALARM);
  else await browser.alarms.create(DIGEST_ALARM, { when: nextDailyTime(digest.time, now, localOffset) });
}

/** The automatic backup's check (lib/platform/auto-backup.ts saves the file when one is due). */
export const AUTO_BACKUP_ALARM = 'rapport-auto-backup';

/**
 * While automatic backups are on, a check every hour, the first a minute from now (so turning them on
 * saves the first file soon); none when they are off. Each check decides from the settings whether a file
 * is due, so changing how often needs no new alarm. Called by the options page and by the worker.
 */
export async function scheduleAutoBackup(autoBackup: { enabled: boolean }): Promise<void> {
  if (!autoBackup.enabled) await browser.alarms.clear(AUTO_BACKUP_ALARM);
  else
    await browser.alarms.create(AUTO_BACKUP_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: AUTO_BACKUP_CHECK_MINUTES,
    });
}
