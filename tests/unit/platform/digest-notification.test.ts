import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nextDailyTime } from '@/lib/domain/daily-time';
import { DIGEST_ALARM, localOffset, scheduleDigest } from '@/lib/platform/alarms';
import { DIGEST_NOTIFICATION, digestMessage, registerDigest } from '@/lib/platform/digest-notification';
import { countDuePrompts, getPopupData } from '@/lib/services/popup';
import { DEFAULT_SETTINGS, updateSettings } from '@/lib/settings';
import { DAY, NOW, person } from '../popup/seed';
import { testClock, useTestDatabase } from '../services/helpers';

// The daily digest in the worker, on the fake browser and a fake-indexeddb store: the alarm shows one
// notification with the number of due prompts (none when nothing is due), the focus setting counts, the
// alarm is set again for the next day, and a click opens the popup.

const db = useTestDatabase();

beforeEach(() => {
  fakeBrowser.reset();
});

const alarm = (scheduledTime: number) => ({ name: DIGEST_ALARM, scheduledTime });
const notifications = async () =>
  fakeBrowser.notifications.getAll() as Promise<Record<string, { message: string }>>;

/** Cleo shares the interest "Climate tech" and was never contacted: an ask-question prompt once it is the focus. */
async function seedCleo() {
  await person(db(), 'cleo', 'Cleo Park', { interests: ['Climate tech'] });
}

describe('the focus in the prompts', () => {
  it('an ask-question prompt names the shared topic once it is the focus, and focusEmpty says so', async () => {
    await seedCleo();
    const without = await getPopupData(db(), NOW, { tabProfile: null });
    expect(without.focusEmpty).toBe(true);
    expect(without.prompts.filter((p) => p.kind === 'ask-question')).toEqual([]);
    expect(await countDuePrompts(db(), NOW)).toBe(0);

    const focus = { interests: ['climate tech'], goals: [] };
    const data = await getPopupData(db(), NOW, { tabProfile: null, focus });
    expect(data.focusEmpty).toBe(false);
    const ask = data.prompts.find((p) => p.kind === 'ask-question');
    expect(ask?.people.map((p) => p.name)).toEqual(['Cleo Park']);
    expect(ask?.reason).toContain('shares your interest: climate tech');
    expect(ask?.draft).toContain('climate tech');
    expect(await countDuePrompts(db(), NOW, focus)).toBe(1);
  });
});

describe('the daily digest', () => {
  it('shows how many prompts are due, and sets the alarm for the next day', async () => {
    await seedCleo();
    await updateSettings({
      'digest.enabled': true,
      'digest.time': '08:15',
      'focus.interests': ['Climate tech'],
    });
    registerDigest({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.alarms.onAlarm.trigger(alarm(NOW));
    expect(Object.keys(await notifications())).toEqual([DIGEST_NOTIFICATION]);
    expect((await notifications())[DIGEST_NOTIFICATION]).toMatchObject({
      type: 'basic',
      title: 'Rapport',
      message: digestMessage(1),
    });
    expect(digestMessage(1)).toBe('1 prompt is due today: see who to reach out to, and how.');
    expect(digestMessage(3)).toMatch(/^3 prompts are due today/);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime('08:15', NOW, localOffset),
    );
  });

  it('shows nothing when nothing is due, and still sets the next alarm', async () => {
    await seedCleo(); // no focus: nothing due
    await updateSettings({ 'digest.enabled': true });
    registerDigest({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.alarms.onAlarm.trigger(alarm(NOW));
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime(DEFAULT_SETTINGS.digest.time, NOW, localOffset),
    );
    expect(await countDuePrompts(db(), NOW)).toBe(0);
    expect(await notifications()).toEqual({});
  });

  it('an alarm left over after the digest was turned off shows nothing and is cleared', async () => {
    await seedCleo();
    await updateSettings({ 'focus.interests': ['Climate tech'] });
    await fakeBrowser.alarms.create(DIGEST_ALARM, { when: NOW });
    registerDigest({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.alarms.onAlarm.trigger(alarm(NOW));
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    expect(await notifications()).toEqual({});
  });

  it('an alarm that fires a little early is not set again for the same minute', async () => {
    await updateSettings({ 'digest.enabled': true, 'digest.time': '08:15' });
    const due = nextDailyTime('08:15', NOW, localOffset);
    registerDigest({ db: db(), clock: testClock(due - 500) });
    await fakeBrowser.alarms.onAlarm.trigger(alarm(due));
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime('08:15', due, localOffset),
    );
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBeGreaterThan(due + DAY / 2);
  });

  it('a click opens the popup (in a tab where the browser cannot open it) and closes the notification', async () => {
    registerDigest({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.notifications.create(DIGEST_NOTIFICATION, {
      type: 'basic',
      iconUrl: '',
      title: 'Rapport',
      message: digestMessage(2),
    });
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onClicked.trigger(DIGEST_NOTIFICATION);
    expect((await fakeBrowser.tabs.query({})).length).toBe(before + 1);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)?.url).toBe(fakeBrowser.runtime.getURL('/popup.html'));
    expect(await notifications()).toEqual({});
  });

  it('at browser start, sets the alarm again when the digest is on and the alarm was lost', async () => {
    await updateSettings({ 'digest.enabled': true, 'digest.time': '21:00' });
    registerDigest({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.runtime.onStartup.trigger();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime('21:00', NOW, localOffset),
    );
  });

  it('scheduleDigest sets one alarm at the next local time, and clears it when off', async () => {
    await scheduleDigest({ enabled: true, time: '06:00' }, NOW);
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({
        name: DIGEST_ALARM,
        scheduledTime: nextDailyTime('06:00', NOW, localOffset),
      }),
    ]);
    await scheduleDigest({ enabled: false, time: '06:00' }, NOW);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('settings written elsewhere', () => {
  it('a restored backup that turns the digest on, moves or turns it off sets the alarm to match', async () => {
    registerDigest({ db: db(), clock: testClock(NOW) });
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    await updateSettings({ 'digest.enabled': true, 'digest.time': '10:00' });
    await settled();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime('10:00', NOW, localOffset),
    );
    await updateSettings({ 'digest.time': '11:30' });
    await settled();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime('11:30', NOW, localOffset),
    );
    // A change elsewhere in the settings leaves the alarm alone.
    await fakeBrowser.alarms.clear(DIGEST_ALARM);
    await updateSettings({ theme: 'dark' });
    await settled();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    await updateSettings({ 'digest.time': '12:00' });
    await settled();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(
      nextDailyTime('12:00', NOW, localOffset),
    );
    await updateSettings({ 'digest.enabled': false });
    await settled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
