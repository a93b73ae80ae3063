import { browser } from '#imports';

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
