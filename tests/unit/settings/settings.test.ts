import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSchema } from '@/lib/io';
import {
  DEFAULT_SETTINGS,
  flattenSettings,
  MIGRATIONS,
  readSettings,
  repairSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  SettingError,
  settingsFromFlat,
  updateSettings,
} from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];

describe('settings', () => {
  it('start at their defaults: digest off, backup reminder every 30 days, nothing written', async () => {
    const read = await readSettings();
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.settings.digest.enabled).toBe(false);
    expect(read.settings.backupReminderDays).toBe(30);
    expect(read.problems).toEqual([]);
    expect(await stored()).toBeUndefined();
  });

  it('save changes by name and read them back', async () => {
    await updateSettings({ theme: 'dark', 'cadence.weakDays': 120, 'networks.facebook': false });
    const { settings, problems } = await readSettings();
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      theme: 'dark',
      weakCadenceDays: 120,
      networks: { facebook: false, x: true },
    });
    expect(await stored()).toMatchObject({ version: SETTINGS_VERSION, theme: 'dark' });
  });

  it('refuse an invalid change by name and write nothing', async () => {
    await updateSettings({ theme: 'light' });
    const before = await stored();
    await expect(updateSettings({ theme: 'light', 'digest.time': '25:99' })).rejects.toThrow(SettingError);
    await expect(updateSettings({ 'cadence.strongDays': 0 })).rejects.toThrow(/cadence\.strongDays/);
    await expect(updateSettings({ ['__proto__' as 'theme']: 'dark' })).rejects.toThrow(/not a setting/);
    expect(await stored()).toEqual(before);
  });

  it('repair unreadable fields one by one, keeping the good ones and naming the bad ones', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        version: 1,
        strongCadenceDays: 14,
        weakCadenceDays: 'ninety',
        networks: { linkedin: false, facebook: 'yes', x: true },
        theme: 'purple',
        digest: { enabled: true, time: '7am' },
        backupReminderDays: 7,
        lastBackupAt: 1_700_000_000_000,
      },
    });
    const { settings, problems } = await readSettings();
    expect(problems.map((p) => p.field).sort()).toEqual([
      'cadence.weakDays',
      'digest.time',
      'networks.facebook',
      'theme',
    ]);
    expect(problems.find((p) => p.field === 'theme')?.reason).toMatch(/"purple".*"system"/);
    expect(settings).toEqual({
      strongCadenceDays: 14,
      weakCadenceDays: DEFAULT_SETTINGS.weakCadenceDays,
      networks: { linkedin: false, facebook: true, x: true },
      theme: 'system',
      digest: { enabled: true, time: '09:00' },
      backupReminderDays: 7,
      lastBackupAt: 1_700_000_000_000,
    });
    // Written back repaired, so the next read is clean.
    expect((await readSettings()).problems).toEqual([]);
  });

  it('an unreadable whole is reported, not silently reset', () => {
    const read = repairSettings('garbage');
    expect(read.problems).toEqual([{ field: '(settings)', reason: expect.stringMatching(/not an object/) }]);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('a field added in a later version takes its default without a problem', () => {
    const read = repairSettings({ version: 1, theme: 'dark' });
    expect(read.problems).toEqual([]);
    expect(read.settings.theme).toBe('dark');
    expect(read.settings.backupReminderDays).toBe(30);
  });

  it('run migrations in order from the stored version; a newer version is read, not overwritten', async () => {
    expect(SETTINGS_VERSION).toBe(1 + MIGRATIONS.length);
    const renamed = repairSettings({ version: 1, palette: 'dark', strongCadenceDays: 10 }, [
      ({ palette, ...rest }) => ({ ...rest, theme: palette, version: 2 }),
      (raw) => ({ ...raw, strongCadenceDays: (raw.strongCadenceDays as number) * 2, version: 3 }),
    ]);
    expect(renamed.problems).toEqual([]);
    expect(renamed.settings).toMatchObject({ theme: 'dark', strongCadenceDays: 20 });
    expect(renamed.needsWrite).toBe(true);

    const future = { version: SETTINGS_VERSION + 1, theme: 'light', newThing: { deep: true } };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: future });
    const read = await readSettings();
    expect(read.settings.theme).toBe('light');
    expect(read.problems[0]).toMatchObject({ field: 'version' });
    expect(await stored()).toEqual(future);
  });

  it('travel in a backup as flat dotted names and come back the same', async () => {
    const settings = await updateSettings({ theme: 'dark', 'backup.lastAt': 5, 'digest.time': '18:30' });
    const flat = flattenSettings(settings);
    expect(flat).toMatchObject({
      theme: 'dark',
      'backup.lastAt': 5,
      'digest.time': '18:30',
      'networks.x': true,
    });
    const backup = {
      format: 'rapport-backup',
      version: 1,
      exportedAt: 0,
      people: [],
      identities: [],
      notes: [],
      interactions: [],
      links: [],
      promptStates: [],
      settings: flat,
    };
    expect(BackupSchema.safeParse(backup).success).toBe(true);
    expect(settingsFromFlat(flat)).toEqual({ settings, problems: [], needsWrite: false });
    const bad = settingsFromFlat({ ...flat, theme: 'neon', unknown: 1 });
    expect(bad.problems.map((p) => p.field)).toEqual(['theme']);
    expect(bad.settings.digest.time).toBe('18:30');
  });
});
