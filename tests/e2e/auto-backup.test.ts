import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callRapport,
  extensionCopyGranting,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// Automatic backup files in the built extension in Chromium: turned on from the options page, the worker's
// alarm saves the JSON backup through the downloads API into "Rapport backups" in the browser's download
// folder, the options page shows what it did, and a second check within the period saves nothing.

const NOTE = 'Ελένη: “μίλα για το συνέδριο” — 日本語のメモ 🎸 naïve café';
const FILE_PATTERN = /^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/;

type Chrome = {
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  alarms: {
    get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number } | undefined>;
    create(name: string, info: object): Promise<void>;
  };
  downloads: { search(query: object): Promise<{ filename: string; state: string }[]> };
  permissions: {
    request: (p: unknown, cb?: (granted: boolean) => void) => unknown;
    contains: (p: unknown) => Promise<boolean>;
  };
};

const storedAutoBackup = (page: Page) =>
  page.evaluate(
    async () =>
      ((await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('settings')).settings as
        | { autoBackup?: unknown; lastBackupAt?: unknown }
        | undefined) ?? null,
  );
const alarm = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('rapport-auto-backup'));

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name)).map((name) => `${entry.name}/${name}`)
      : [entry.name],
  );
}

describe('with the downloads permission granted', () => {
  let running: RunningExtension;
  let options: Page;
  let extensionCopy: string;
  let downloadDir: string;
  let worker: Worker;

  beforeAll(async () => {
    // The same code with `downloads` held from install (headless Chromium never answers the prompt).
    extensionCopy = extensionCopyGranting('downloads');

    // The browser's download folder, as a user sets it. Not CDP's Browser.setDownloadBehavior 'allow':
    // that saves every download under the folder by its URL's name ("download.json"), ignoring the name
    // and subfolder the extension asked for; 'default' (below) hands downloads back to the browser.
    downloadDir = mkdtempSync(join(tmpdir(), 'rapport-downloads-'));
    const userDataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
    mkdirSync(join(userDataDir, 'Default'));
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ download: { default_directory: downloadDir, prompt_for_download: false } }),
    );
    running = await launchExtension({ extensionDir: extensionCopy, userDataDir });
    worker = await running.worker();
    options = await running.context.newPage();
    // Playwright routes a context's downloads to its own folder under random names; give them back.
    const cdp = await running.context.newCDPSession(options);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
    await options.goto(`chrome-extension://${running.extensionId}/options.html`);
    await options.getByTestId('data-counts').waitFor();
  });
  afterAll(async () => {
    await running?.close();
    if (running) removeProfile(running.userDataDir);
    for (const dir of [extensionCopy, downloadDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Fires the worker's real alarm now (it keeps its hourly period), and waits until it has fired. */
  async function fireAlarm() {
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('rapport-auto-backup', {
        when: Date.now(),
        periodInMinutes: 60,
      }),
    );
    // Once fired, a periodic alarm is due again in an hour.
    await expect
      .poll(async () => ((await alarm(options))?.scheduledTime ?? 0) - Date.now(), { timeout: 20_000 })
      .toBeGreaterThan(30 * 60_000);
  }

  it('is off by default with no alarm', async () => {
    expect(await options.getByLabel('Save a backup file automatically').isChecked()).toBe(false);
    expect(await options.getByLabel('Every', { exact: true }).isDisabled()).toBe(true);
    expect(await alarm(options)).toBeUndefined();
    expect(await options.getByText(/into a folder named “Rapport backups”/).count()).toBe(1);
  });

  it('turned on, saves the backup with the exact note into "Rapport backups", and the page says so', async () => {
    await callRapport(options, 'saveNote', {
      ref: { network: 'linkedin', id: 'eleni-papadopoulou' },
      snapshot: {
        network: 'linkedin',
        id: 'eleni-papadopoulou',
        url: 'https://www.linkedin.com/in/eleni-papadopoulou/',
        name: 'Ελένη Παπαδοπούλου',
        headline: null,
        avatarUrl: null,
      },
      noteId: 'note-eleni',
      text: NOTE,
    });
    // The box changes once the (stand-in) permission answer is in, not on the click itself, so
    // Playwright's check()/uncheck() could find it unchanged on a busy machine.
    await options.getByLabel('Save a backup file automatically').click();
    await expect.poll(() => options.getByLabel('Save a backup file automatically').isChecked()).toBe(true);
    await options.getByTestId('auto-backup-status').filter({ hasText: 'automatic backups are on' }).waitFor();
    expect((await storedAutoBackup(options))?.autoBackup).toEqual({ enabled: true, everyDays: 7 });
    expect(await alarm(options)).toMatchObject({ periodInMinutes: 60 });
    expect(await options.getByTestId('auto-backup-blocked').count()).toBe(0);

    await fireAlarm();
    await expect.poll(() => filesUnder(downloadDir), { timeout: 20_000 }).toHaveLength(1);
    const [saved] = filesUnder(downloadDir);
    const [folder, name] = (saved ?? '').split('/');
    expect(folder).toBe('Rapport backups');
    expect(name).toMatch(FILE_PATTERN);
    const backup = JSON.parse(readFileSync(join(downloadDir, saved ?? ''), 'utf8'));
    expect(backup).toMatchObject({ format: 'rapport-backup', version: 1 });
    expect(backup.people.map((p: { name: string }) => p.name)).toEqual(['Ελένη Παπαδοπούλου']);
    expect(backup.notes.map((n: { text: string }) => n.text)).toEqual([NOTE]);
    expect(backup.settings).toMatchObject({ 'backup.auto': true, 'backup.autoEveryDays': 7 });

    const outcome = options.getByTestId('auto-backup-outcome');
    await outcome.filter({ hasText: name ?? '' }).waitFor();
    expect(await outcome.textContent()).toMatch(
      /^Last automatic backup: .+, saved as .+ in “Rapport backups”\.$/,
    );
    // The reminder counts it as the last backup.
    expect(await options.getByTestId('backup-reminder').textContent()).toContain('today');
    expect(typeof (await storedAutoBackup(options))?.lastBackupAt).toBe('number');
  });

  it('a second check within the period saves no second file', async () => {
    const before = await worker.evaluate(
      async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.downloads.search({})).length,
    );
    await fireAlarm();
    // Absence has no event to wait for: the check reads the settings and stops well within this.
    await options.waitForTimeout(2_000);
    expect(filesUnder(downloadDir)).toHaveLength(1);
    expect(
      await worker.evaluate(
        async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.downloads.search({})).length,
      ),
    ).toBe(before);
  });

  it('turned off, clears the alarm', async () => {
    await options.getByLabel('Save a backup file automatically').click();
    await expect.poll(() => options.getByLabel('Save a backup file automatically').isChecked()).toBe(false);
    await options
      .getByTestId('auto-backup-status')
      .filter({ hasText: 'automatic backups are off' })
      .waitFor();
    await expect.poll(() => alarm(options)).toBeUndefined();
    expect((await storedAutoBackup(options))?.autoBackup).toEqual({ enabled: false, everyDays: 7 });
    // The outcome of the last one stays on show.
    expect(await options.getByTestId('auto-backup-outcome').textContent()).toContain('Rapport backups');
  });
});

describe('as built (downloads optional, never granted)', () => {
  let running: RunningExtension;
  let options: Page;

  beforeAll(async () => {
    running = await launchExtension();
    options = await openExtensionPage(running, 'options.html');
    await options.getByTestId('data-counts').waitFor();
  });
  afterAll(async () => {
    await running?.close();
    if (running) removeProfile(running.userDataDir);
  });

  it('refusing the permission leaves automatic backups off, with no alarm', async () => {
    // The prompt never settles headless, so the test answers it "no" in the page, as focus-digest.test.ts
    // does for the digest, and records what was asked.
    await options.evaluate(() => {
      const calls: string[] = [];
      (globalThis as unknown as { permissionCalls: string[] }).permissionCalls = calls;
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      chrome.permissions.request = (p, cb) => {
        calls.push(JSON.stringify(p));
        if (cb) cb(false);
        else return Promise.resolve(false);
      };
    });
    const box = options.getByLabel('Save a backup file automatically');
    await box.check({ force: true }).catch(() => undefined);
    await options.getByText(/Automatic backups stay off/).waitFor();
    expect(
      await options.evaluate(() => (globalThis as unknown as { permissionCalls: string[] }).permissionCalls),
    ).toEqual(['{"permissions":["downloads"]}']);
    expect(await box.isChecked()).toBe(false);
    expect(await storedAutoBackup(options)).toBeNull();
    expect(await alarm(options)).toBeUndefined();
  });

  it('on without the permission (a restored backup), the page says no file is saved', async () => {
    expect(
      await options.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({
          permissions: ['downloads'],
        }),
      ),
    ).toBe(false);
    await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings as object), version: 3, autoBackup: { enabled: true, everyDays: 1 } },
      });
    });
    await options.getByTestId('auto-backup-blocked').waitFor();
    expect(await options.getByLabel('Save a backup file automatically').isChecked()).toBe(true);
  });
});
