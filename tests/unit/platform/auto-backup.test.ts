import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBackup } from '@/lib/io';
import { AUTO_BACKUP_ALARM, scheduleAutoBackup } from '@/lib/platform/alarms';
import { registerAutoBackup } from '@/lib/platform/auto-backup';
import { writeDisplayMode } from '@/lib/platform/site-preferences';
import { saveNote } from '@/lib/services/notes';
import { readAutoBackupOutcome, readSettings, updateSettings } from '@/lib/settings';
import { snapshot, testClock, useTestDatabase } from '../services/helpers';
import { fakeScriptRegistry } from './fake-scripting';

// The automatic backup in the worker, on the fake browser and a fake-indexeddb store. The fake browser
// has no downloads or permissions API, so those two are stubbed here, as commands.test.ts stubs the side
// panel; the real ones are exercised in Chromium (tests/e2e/auto-backup.test.ts).

const db = useTestDatabase();
const NOW = Date.UTC(2025, 5, 15, 9, 0);
const NOTE = 'Ξέρει για 日本 — “ask about the trip” 🎸';
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

interface DownloadOptions {
  url: string;
  filename: string;
  saveAs: boolean;
  conflictAction: string;
}

/** The downloads API as Chrome answers: an id at once, the file complete (or interrupted) on search. */
function stubDownloads(finalState: { state: 'complete' | 'interrupted'; error?: string }) {
  const started: DownloadOptions[] = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.downloads, 'download').mockImplementation(async (options) => {
    started.push(options as DownloadOptions);
    return started.length;
  });
  vi.spyOn(fakeBrowser.downloads, 'search').mockImplementation(async () => [
    {
      ...finalState,
      filename: `/home/ada/Downloads/${started.at(-1)?.filename.replace('.json', ' (1).json')}`,
    } as never,
  ]);
  vi.spyOn(fakeBrowser.downloads.onChanged, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.downloads.onChanged, 'removeListener').mockImplementation(() => undefined);
  return started;
}

function decodeDataUrl(url: string): string {
  const base64 = url.slice(url.indexOf(',') + 1);
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

const fire = () => fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_BACKUP_ALARM, scheduledTime: NOW });

const createObjectURL = URL.createObjectURL;
beforeEach(async () => {
  fakeBrowser.reset();
  // Setting a site to the side panel takes its page mark away first (lib/platform/page-marks.ts).
  fakeScriptRegistry();
  await saveNote(
    db(),
    {
      ref: { network: 'linkedin', id: 'eleni' },
      snapshot: snapshot('eleni', 'Ελένη Παπαδοπούλου'),
      noteId: 'n-eleni',
      text: NOTE,
    },
    testClock(NOW - 86_400_000),
  );
});
afterEach(() => {
  URL.createObjectURL = createObjectURL;
});

describe('the automatic backup alarm', () => {
  it("in Chrome's worker (no createObjectURL): a data URL of the UTF-8 backup, saved without asking", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the service worker's URL has no createObjectURL
    (URL as any).createObjectURL = undefined;
    await updateSettings({ 'backup.auto': true });
    await writeDisplayMode('x', 'panel');
    const started = stubDownloads({ state: 'complete' });
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await fire();
    expect(started).toHaveLength(1);
    const [download] = started;
    expect(download).toMatchObject({
      filename: 'Rapport backups/rapport-backup-2025-06-15.json',
      saveAs: false,
      conflictAction: 'uniquify',
    });
    expect(download?.url).toMatch(/^data:application\/json;charset=utf-8;base64,/);
    const parsed = parseBackup(decodeDataUrl(download?.url ?? ''));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(parsed.data.people.map((p) => p.name)).toEqual(['Ελένη Παπαδοπούλου']);
    expect(parsed.data.notes.map((n) => n.text)).toEqual([NOTE]);
    // As the options page's backup: with where Rapport shows itself on each site.
    expect(parsed.data.settings).toMatchObject({ 'backup.auto': true, 'sites.x.display': 'panel' });
    // The name the browser gave the file (it had one of that name already) is what is recorded.
    expect((await readAutoBackupOutcome()).outcome).toEqual({
      at: NOW,
      ok: true,
      filename: 'rapport-backup-2025-06-15 (1).json',
    });
    expect((await readSettings()).settings.lastBackupAt).toBe(NOW);

    // The next hourly check finds the backup recent and saves nothing.
    await fire();
    expect(started).toHaveLength(1);
  });

  it("in Firefox's background page: a blob URL, revoked once the file is written", async () => {
    await updateSettings({ 'backup.auto': true });
    const started = stubDownloads({ state: 'complete' });
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await fire();
    expect(started[0]?.url).toMatch(/^blob:/);
    expect(revoke).toHaveBeenCalledWith(started[0]?.url);
    expect((await readAutoBackupOutcome()).outcome).toMatchObject({ ok: true });
  });

  it('an interrupted download is recorded with the reason, and the last backup time stays', async () => {
    await updateSettings({ 'backup.auto': true, 'backup.lastAt': NOW - 40 * 86_400_000 });
    stubDownloads({ state: 'interrupted', error: 'FILE_NO_SPACE' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await fire();
    expect((await readAutoBackupOutcome()).outcome).toEqual({
      at: NOW,
      ok: false,
      error: 'The download was interrupted (FILE_NO_SPACE).',
    });
    expect((await readSettings()).settings.lastBackupAt).toBe(NOW - 40 * 86_400_000);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/FILE_NO_SPACE/));
  });

  it('without the permission nothing is downloaded; an alarm left over after turning it off is cleared', async () => {
    await updateSettings({ 'backup.auto': true });
    const started = stubDownloads({ state: 'complete' });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await settled();
    await scheduleAutoBackup({ enabled: true });
    await fire();
    expect(started).toEqual([]);
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeDefined();

    await updateSettings({ 'backup.auto': false });
    await settled();
    // An alarm still there (say the clear was lost) only clears itself.
    await scheduleAutoBackup({ enabled: true });
    await fire();
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeUndefined();
    expect((await readAutoBackupOutcome()).outcome).toBeNull();
  });

  it('settings written elsewhere (a restored backup) set and clear the hourly alarm', async () => {
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await updateSettings({ 'backup.auto': true });
    await settled();
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toMatchObject({ periodInMinutes: 60 });
    // Changing how often needs no new alarm; other settings leave it alone.
    await fakeBrowser.alarms.clear(AUTO_BACKUP_ALARM);
    await updateSettings({ 'backup.autoEveryDays': 30, theme: 'dark' });
    await settled();
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeUndefined();
    await updateSettings({ 'backup.auto': false });
    await updateSettings({ 'backup.auto': true });
    await settled();
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeDefined();
    await updateSettings({ 'backup.auto': false });
    await settled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('at browser start, sets the alarm again when automatic backups are on and it was lost', async () => {
    await updateSettings({ 'backup.auto': true });
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.runtime.onStartup.trigger();
    await settled();
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toMatchObject({ periodInMinutes: 60 });
  });

  it('at browser start with automatic backups off, sets nothing', async () => {
    registerAutoBackup({ db: db(), clock: testClock(NOW) });
    await fakeBrowser.runtime.onStartup.trigger();
    await settled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
