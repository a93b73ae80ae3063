import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSchema } from '@/lib/io';
import {
  AUTO_BACKUP_OUTCOME_KEY,
  changeFocus,
  DEFAULT_SETTINGS,
  FOCUS_TAGS_MAX,
  flattenSettings,
  MIGRATIONS,
  parseAutoBackupOutcome,
  readAutoBackupOutcome,
  readSettings,
  repairSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  SettingError,
  settingsFromFlat,
  updateSettings,
  writeAutoBackupOutcome,
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
      autoBackup: { enabled: false, everyDays: 7 },
      focus: { interests: [], goals: [] },
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

describe('the focus', () => {
  it('is empty by default and saved by name', async () => {
    expect((await readSettings()).settings.focus).toEqual({ interests: [], goals: [] });
    await updateSettings({ 'focus.interests': ['Climate', 'Rust'], 'focus.goals': ['Hiring'] });
    expect((await readSettings()).settings.focus).toEqual({
      interests: ['Climate', 'Rust'],
      goals: ['Hiring'],
    });
    expect(await stored()).toMatchObject({ version: SETTINGS_VERSION, focus: { goals: ['Hiring'] } });
  });

  it('refuses tags that are not as the options page saves them, and writes nothing', async () => {
    await updateSettings({ 'focus.goals': ['Hiring'] });
    const before = await stored();
    for (const bad of [
      [' padded '],
      ['two\nlines'],
      [''],
      ['Rust', 'rust'],
      ['x'.repeat(61)],
      Array.from({ length: FOCUS_TAGS_MAX + 1 }, (_, i) => `tag ${i}`),
      'Rust',
      [1],
    ]) {
      await expect(updateSettings({ 'focus.interests': bad })).rejects.toThrow(/focus\.interests/);
    }
    expect(await stored()).toEqual(before);
  });

  it('repairs an unreadable list on its own: the other list and the other settings are kept', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        ...DEFAULT_SETTINGS,
        version: 2,
        theme: 'dark',
        focus: { interests: 'Rust, Climate', goals: ['Hiring'] },
      },
    });
    const { settings, problems } = await readSettings();
    expect(problems.map((p) => p.field)).toEqual(['focus.interests']);
    expect(problems[0]?.reason).toMatch(/"Rust, Climate".*\[\]/);
    expect(settings.focus).toEqual({ interests: [], goals: ['Hiring'] });
    expect(settings.theme).toBe('dark');
    expect(await stored()).toMatchObject({ focus: { interests: [], goals: ['Hiring'] } });
  });

  it('a missing focus object or a focus that is not an object is repaired field by field', () => {
    const read = repairSettings({ ...DEFAULT_SETTINGS, version: 2, focus: ['Rust'] });
    expect(read.settings.focus).toEqual({ interests: [], goals: [] });
    expect(read.needsWrite).toBe(true);
  });

  it('is added by the migration from version 1, which keeps every version 1 setting (and 2 → 3 runs after it)', async () => {
    // What version 1 of Rapport wrote (every field of that version set away from its default).
    const v1 = {
      version: 1,
      strongCadenceDays: 21,
      weakCadenceDays: 120,
      networks: { linkedin: true, facebook: false, x: true },
      theme: 'light',
      digest: { enabled: true, time: '07:45' },
      backupReminderDays: 14,
      lastBackupAt: 1_700_000_000_000,
    };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v1 });
    const read = await readSettings();
    expect(read.problems).toEqual([]);
    const { version: _, ...fields } = v1;
    const added = {
      focus: { interests: [], goals: [] },
      autoBackup: { enabled: false, everyDays: 7 },
    };
    expect(read.settings).toEqual({ ...fields, ...added });
    expect(await stored()).toEqual({ ...v1, version: 3, ...added });
    // A version 1 object that somehow already held a focus keeps it.
    expect(MIGRATIONS[0]?.({ version: 1, focus: { interests: ['Rust'] } })).toEqual({
      version: 2,
      focus: { interests: ['Rust'] },
    });
  });

  it('travels in a backup as one line per tag and comes back the same', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      focus: { interests: ['Open source', 'Climate'], goals: ['Hiring designers'] },
    };
    const flat = flattenSettings(settings);
    expect(flat['focus.interests']).toBe('Open source\nClimate');
    expect(flat['focus.goals']).toBe('Hiring designers');
    expect(settingsFromFlat(flat).settings.focus).toEqual(settings.focus);
    expect(settingsFromFlat({ ...flat, 'focus.goals': '' }).settings.focus.goals).toEqual([]);
    // The longest focus fits the backup format's string cap.
    const longest = Array.from({ length: FOCUS_TAGS_MAX }, (_, i) => `${i}`.padEnd(60, 'x'));
    const full = flattenSettings({ ...settings, focus: { interests: longest, goals: longest } });
    expect(
      BackupSchema.safeParse({
        format: 'rapport-backup',
        version: 1,
        exportedAt: 0,
        people: [],
        identities: [],
        notes: [],
        interactions: [],
        links: [],
        promptStates: [],
        settings: full,
      }).success,
    ).toBe(true);
    expect(settingsFromFlat(full).settings.focus.interests).toEqual(longest);
    // A bad list in a file is named and dropped; the rest is read.
    const bad = settingsFromFlat({ ...flat, 'focus.interests': 'Rust\nrust' });
    expect(bad.problems.map((p) => p.field)).toEqual(['focus.interests']);
    expect(bad.settings.focus.goals).toEqual(['Hiring designers']);
  });

  it('changeFocus adds normalised tags once (any case) and removes them, against what is stored', async () => {
    await changeFocus('interests', { add: ['  Open   source ', 'Climate'] });
    await changeFocus('interests', { add: ['open source', 'Rust'] });
    expect((await readSettings()).settings.focus.interests).toEqual(['Open source', 'Climate', 'Rust']);
    await changeFocus('interests', { remove: ['climate'] });
    expect((await readSettings()).settings.focus.interests).toEqual(['Open source', 'Rust']);
    expect((await readSettings()).settings.focus.goals).toEqual([]);
  });

  it('changeFocus refuses more than the cap and writes nothing', async () => {
    await changeFocus('goals', { add: Array.from({ length: FOCUS_TAGS_MAX }, (_, i) => `goal ${i}`) });
    const before = await stored();
    await expect(changeFocus('goals', { add: ['one more'] })).rejects.toThrow(SettingError);
    expect(await stored()).toEqual(before);
  });
});

describe('automatic backups', () => {
  /** What version 2 of Rapport wrote (every field set away from its default). */
  const v2 = {
    version: 2,
    strongCadenceDays: 21,
    weakCadenceDays: 120,
    networks: { linkedin: true, facebook: false, x: true },
    theme: 'light',
    digest: { enabled: true, time: '07:45' },
    backupReminderDays: 14,
    lastBackupAt: 1_700_000_000_000,
    focus: { interests: ['Rust'], goals: ['Hiring'] },
  };

  it('are off by default, every 7 days, and saved by name', async () => {
    expect((await readSettings()).settings.autoBackup).toEqual({ enabled: false, everyDays: 7 });
    await updateSettings({ 'backup.auto': true, 'backup.autoEveryDays': 30 });
    expect((await readSettings()).settings.autoBackup).toEqual({ enabled: true, everyDays: 30 });
    expect(await stored()).toMatchObject({ version: 3, autoBackup: { enabled: true, everyDays: 30 } });
  });

  it('refuse a period the options page does not offer, and a switch that is not one, writing nothing', async () => {
    await updateSettings({ 'backup.auto': true });
    const before = await stored();
    for (const bad of [0, 2, 14, 7.5, '7', null])
      await expect(updateSettings({ 'backup.autoEveryDays': bad })).rejects.toThrow(/backup\.autoEveryDays/);
    await expect(updateSettings({ 'backup.auto': 'yes' })).rejects.toThrow(/backup\.auto:/);
    expect(await stored()).toEqual(before);
  });

  it('are added by the migration from version 2, which keeps every version 2 setting', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v2 });
    const read = await readSettings();
    expect(read.problems).toEqual([]);
    const { version: _, ...fields } = v2;
    expect(read.settings).toEqual({ ...fields, autoBackup: { enabled: false, everyDays: 7 } });
    expect(await stored()).toEqual({ ...v2, version: 3, autoBackup: { enabled: false, everyDays: 7 } });
    // A version 2 object that somehow already held them keeps them.
    expect(MIGRATIONS[1]?.({ version: 2, autoBackup: { enabled: true, everyDays: 1 } })).toEqual({
      version: 3,
      autoBackup: { enabled: true, everyDays: 1 },
    });
  });

  it('unreadable values are repaired one by one, named, and the other settings kept', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...v2, version: 3, autoBackup: { enabled: 'yes', everyDays: 14 } },
    });
    const { settings, problems } = await readSettings();
    expect(problems.map((p) => p.field)).toEqual(['backup.auto', 'backup.autoEveryDays']);
    expect(problems[1]?.reason).toMatch(/14.*7/);
    expect(settings.autoBackup).toEqual({ enabled: false, everyDays: 7 });
    expect(settings.theme).toBe('light');
    expect((await readSettings()).problems).toEqual([]);

    const half = repairSettings({ ...v2, version: 3, autoBackup: { enabled: true, everyDays: 'weekly' } });
    expect(half.settings.autoBackup).toEqual({ enabled: true, everyDays: 7 });
    expect(half.problems.map((p) => p.field)).toEqual(['backup.autoEveryDays']);
    const notObject = repairSettings({ ...v2, version: 3, autoBackup: true });
    expect(notObject.settings.autoBackup).toEqual({ enabled: false, everyDays: 7 });
    expect(notObject.needsWrite).toBe(true);
  });

  it('travel in a backup as backup.auto and backup.autoEveryDays and come back the same', () => {
    const settings = { ...DEFAULT_SETTINGS, autoBackup: { enabled: true, everyDays: 1 as const } };
    const flat = flattenSettings(settings);
    expect(flat).toMatchObject({ 'backup.auto': true, 'backup.autoEveryDays': 1 });
    expect(settingsFromFlat(flat)).toEqual({ settings, problems: [], needsWrite: false });
    // A backup from before automatic backups existed restores them off.
    const { 'backup.auto': _, 'backup.autoEveryDays': __, ...older } = flat;
    expect(settingsFromFlat(older).settings.autoBackup).toEqual({ enabled: false, everyDays: 7 });
    const bad = settingsFromFlat({ ...flat, 'backup.autoEveryDays': 3 });
    expect(bad.problems.map((p) => p.field)).toEqual(['backup.autoEveryDays']);
    expect(bad.settings.autoBackup.enabled).toBe(true);
  });

  it("the last one's outcome is kept apart from the settings, so it is not in backups", async () => {
    await writeAutoBackupOutcome({ at: 5, ok: true, filename: 'rapport-backup-2025-06-15.json' });
    expect(await readAutoBackupOutcome()).toEqual({
      outcome: { at: 5, ok: true, filename: 'rapport-backup-2025-06-15.json' },
      problem: null,
    });
    expect(await stored()).toBeUndefined();
    expect(Object.keys(flattenSettings((await readSettings()).settings))).not.toContain(
      AUTO_BACKUP_OUTCOME_KEY,
    );
    // An error is kept to its cap, and an empty one still says something.
    await writeAutoBackupOutcome({ at: 6, ok: false, error: 'x'.repeat(5_000) });
    expect((await readAutoBackupOutcome()).outcome).toMatchObject({ ok: false, error: 'x'.repeat(2_000) });
    await writeAutoBackupOutcome({ at: 7, ok: false, error: '  ' });
    expect((await readAutoBackupOutcome()).outcome).toEqual({ at: 7, ok: false, error: 'unknown error' });
  });

  it('an unreadable outcome is named, not shown as "none yet"', () => {
    expect(parseAutoBackupOutcome(undefined)).toEqual({ outcome: null, problem: null });
    for (const bad of [
      'saved',
      { at: 1, ok: true },
      { at: 1, ok: true, filename: '' },
      { at: 1, ok: false, filename: 'a.json' },
      { at: 'today', ok: true, filename: 'a.json' },
      { at: 1, ok: true, filename: 'a.json', extra: 1 },
    ]) {
      const read = parseAutoBackupOutcome(bad);
      expect(read.outcome).toBeNull();
      expect(read.problem).toMatch(/could not be read/);
    }
  });
});
