import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBackup } from '@/lib/io';
import { type AutoBackupDeps, autoBackupRunner } from '@/lib/services/auto-backup';
import { saveNote } from '@/lib/services/notes';
import { readAutoBackupOutcome, readSettings, updateSettings } from '@/lib/settings';
import { snapshot, testClock, useTestDatabase } from './helpers';

// The automatic backup's run on a fake-indexeddb store and the fake browser's storage: what is saved,
// when, and what is recorded. The download folder is a stand-in passed as `save` (the browser's
// downloads API is lib/platform/auto-backup.ts, tested in Chromium by tests/e2e/auto-backup.test.ts).

const db = useTestDatabase();
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 15, 9, 0);
const NOTE = 'Zoë asked about Αθήνα 🎸 — “call back” in 日本語';

interface Saved {
  text: string;
  path: string;
  mimeType: string;
}

function folder() {
  const files: Saved[] = [];
  const save = async (file: Saved) => {
    files.push(file);
    return file.path.split('/').at(-1) ?? '';
  };
  return { files, save };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await saveNote(
    db(),
    {
      ref: { network: 'linkedin', id: 'zoe-muller' },
      snapshot: snapshot('zoe-muller', 'Zoë Müller'),
      noteId: 'n-zoe',
      text: NOTE,
    },
    testClock(NOW - 10 * DAY),
  );
});

function runner(overrides: Partial<AutoBackupDeps> & { clock?: ReturnType<typeof testClock> } = {}) {
  const clock = overrides.clock ?? testClock(NOW);
  const { files, save } = folder();
  const run = autoBackupRunner({ db: db(), clock, permitted: async () => true, save, ...overrides });
  return { run, files, clock };
}

describe('the automatic backup', () => {
  it('off: saves nothing and records nothing', async () => {
    const { run, files } = runner();
    expect(await run()).toEqual({ due: false, why: 'off' });
    expect(files).toEqual([]);
    expect((await readAutoBackupOutcome()).outcome).toBeNull();
  });

  it('on without the downloads permission: saves nothing and records nothing', async () => {
    await updateSettings({ 'backup.auto': true });
    for (const permitted of [async () => false, () => Promise.reject(new Error('no such API'))]) {
      const { run, files } = runner({ permitted });
      expect(await run()).toEqual({ due: false, why: 'no-permission' });
      expect(files).toEqual([]);
    }
    expect((await readAutoBackupOutcome()).outcome).toBeNull();
    expect((await readSettings()).settings.lastBackupAt).toBeNull();
  });

  it('due: saves the full backup under "Rapport backups", moves the last backup time, records the file', async () => {
    await updateSettings({ 'backup.auto': true, theme: 'dark' });
    const extra = { 'sites.linkedin.display': 'panel' };
    const { run, files } = runner({ extraSettings: async () => extra });
    const result = await run();
    const filename = 'rapport-backup-2025-06-15.json';
    expect(result).toEqual({ due: true, outcome: { at: NOW, ok: true, filename } });
    expect(files.map((f) => [f.path, f.mimeType])).toEqual([
      [`Rapport backups/${filename}`, 'application/json'],
    ]);
    const parsed = parseBackup(files[0]?.text ?? '');
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const backup = parsed.data;
    expect(backup.exportedAt).toBe(NOW);
    expect(backup.people.map((p) => p.name)).toEqual(['Zoë Müller']);
    expect(backup.notes.map((n) => n.text)).toEqual([NOTE]);
    expect(backup.settings).toMatchObject({
      theme: 'dark',
      'backup.auto': true,
      'sites.linkedin.display': 'panel',
    });
    expect((await readSettings()).settings.lastBackupAt).toBe(NOW);
    expect(await readAutoBackupOutcome()).toEqual({
      outcome: { at: NOW, ok: true, filename },
      problem: null,
    });
  });

  it('saves no second file within the period, and the next one once it is over', async () => {
    await updateSettings({ 'backup.auto': true, 'backup.autoEveryDays': 7 });
    const { run, files, clock } = runner();
    await run();
    clock.advance(60 * 60_000);
    expect(await run()).toEqual({ due: false, why: 'recent', dueAt: NOW + 7 * DAY });
    clock.advance(6 * DAY);
    expect((await run()).due).toBe(false);
    clock.advance(DAY);
    expect(await run()).toMatchObject({
      due: true,
      outcome: { ok: true, filename: 'rapport-backup-2025-06-22.json' },
    });
    expect(files.map((f) => f.path)).toEqual([
      'Rapport backups/rapport-backup-2025-06-15.json',
      'Rapport backups/rapport-backup-2025-06-22.json',
    ]);
  });

  it('a backup downloaded from the options page counts: none is saved until the period after it is over', async () => {
    await updateSettings({
      'backup.auto': true,
      'backup.autoEveryDays': 1,
      'backup.lastAt': NOW - 3_600_000,
    });
    const { run, files } = runner();
    expect(await run()).toMatchObject({ due: false, why: 'recent' });
    expect(files).toEqual([]);
  });

  it('a failed save records why, leaves the last backup time, and the next check tries again', async () => {
    await updateSettings({ 'backup.auto': true, 'backup.lastAt': NOW - 30 * DAY });
    const clock = testClock(NOW);
    const failing = runner({
      clock,
      save: () => Promise.reject(new Error('The download was interrupted (FILE_NO_SPACE).')),
    });
    expect(await failing.run()).toEqual({
      due: true,
      outcome: { at: NOW, ok: false, error: 'The download was interrupted (FILE_NO_SPACE).' },
    });
    expect((await readSettings()).settings.lastBackupAt).toBe(NOW - 30 * DAY);
    expect((await readAutoBackupOutcome()).outcome).toMatchObject({ ok: false, error: /FILE_NO_SPACE/ });

    clock.advance(60 * 60_000);
    const working = runner({ clock });
    expect(await working.run()).toMatchObject({ due: true, outcome: { ok: true } });
    expect(working.files).toHaveLength(1);
    expect((await readSettings()).settings.lastBackupAt).toBe(NOW + 60 * 60_000);
  });

  it('never runs twice at once: a check while a file is being saved does nothing', async () => {
    await updateSettings({ 'backup.auto': true });
    let finish: (name: string) => void = () => undefined;
    const saves: string[] = [];
    const { run } = runner({
      save: (file) => {
        saves.push(file.path);
        return new Promise((resolve) => {
          finish = resolve;
        });
      },
    });
    const first = run();
    await expect.poll(() => saves.length).toBe(1);
    expect(await run()).toEqual({ due: false, why: 'busy' });
    finish('rapport-backup-2025-06-15.json');
    expect(await first).toMatchObject({ due: true, outcome: { ok: true } });
    // Once it is over the next check runs again (and finds the backup recent).
    expect(await run()).toMatchObject({ due: false, why: 'recent' });
    expect(saves).toHaveLength(1);
  });
});
