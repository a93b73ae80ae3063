import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type RunningExtension, removeProfile } from './harness';

// The options page in Chromium: import LinkedIn's Connections.csv through the file input (preview, then
// apply), download a full backup, erase everything with the typed confirmation.

const CONNECTIONS = resolve(import.meta.dirname, '../fixtures/io/Connections.csv');
const TWEETS = resolve(import.meta.dirname, '../fixtures/io/x-tweets.js');

let running: RunningExtension;
let page: Page;
/** The full backup downloaded below, restored at the end. */
let backupText = '';
beforeAll(async () => {
  running = await launchExtension();
  page = await openExtensionPage(running, 'options.html');
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

describe('the options page', () => {
  it('is the extension options page, opened in a tab', async () => {
    const manifest = JSON.parse(
      readFileSync(
        resolve(
          import.meta.dirname,
          '../..',
          process.env.RAPPORT_OUT_DIR ?? '.output',
          'chrome-mv3/manifest.json',
        ),
        'utf8',
      ),
    );
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    await expect(page.getByRole('heading', { name: 'Rapport', level: 1 }).isVisible()).resolves.toBe(true);
    await page.getByTestId('data-counts').waitFor();
    expect(await page.getByTestId('data-counts').textContent()).toContain('0 people');
  });

  it("imports LinkedIn's Connections.csv: preview first, then apply, then the counts", async () => {
    await page.getByLabel('File to import').setInputFiles(CONNECTIONS);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('11 new people');
    expect(await page.getByText(/Priya Raman: no profile URL/).count()).toBe(1);
    // Nothing written yet.
    expect(await page.getByTestId('data-counts').textContent()).toContain('0 people');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('11 new people');
    await page.getByTestId('data-counts').filter({ hasText: '11 people' }).waitFor();
    expect(await page.getByTestId('data-counts').textContent()).toContain('11 profiles');
  });

  it('saves a setting as it changes, and says so', async () => {
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByTestId('settings-status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByLabel('On LinkedIn, show Rapport in the side panel instead').check();
    const stored = await page.evaluate(async () => {
      const chromeApi = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return chromeApi.storage.local.get(['display:linkedin', 'settings']);
    });
    expect(stored['display:linkedin']).toBe('panel');
    expect(stored.settings).toMatchObject({ version: 3, theme: 'dark' });
  });

  it('downloads a full backup that parses and holds the imported people', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a full backup (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    backupText = readFileSync(path, 'utf8');
    const backup = JSON.parse(backupText);
    expect(backup).toMatchObject({ format: 'rapport-backup', version: 1 });
    expect(backup.people).toHaveLength(11);
    expect(backup.settings.theme).toBe('dark');
    // Where Rapport shows itself on each site travels too (LinkedIn was set to the side panel above).
    expect(backup.settings).toMatchObject({
      'sites.linkedin.display': 'panel',
      'sites.x.display': 'page',
      'sites.x.side': 'right',
    });
    await page.getByTestId('backup-reminder').filter({ hasText: 'today' }).waitFor();
  });

  it('downloads people as CSV and contacts as vCard, made in the page from the backup', async () => {
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    };
    const csv = await download('Download people as a spreadsheet (CSV)');
    expect(csv.name).toMatch(/^rapport-people-\d{4}-\d{2}-\d{2}\.csv$/);
    // A header row and the 11 imported people; a formula in a headline is neutralised.
    expect(csv.text.trim().split('\r\n')).toHaveLength(12);
    expect(csv.text).toContain('"Jane Doe"');
    // The tie columns are filled (score 0 to 100, strong yes or no), computed in the page.
    expect(csv.text).toMatch(
      /^"Jane Doe","https:\/\/www\.linkedin\.com\/in\/jane-doe\/","","","\d{1,3}","(yes|no)"/m,
    );
    expect(csv.text).not.toMatch(/(^|,)"=/m);
    const vcf = await download('Download contacts (vCard)');
    expect(vcf.name).toMatch(/\.vcf$/);
    expect(vcf.text.match(/BEGIN:VCARD/g)).toHaveLength(11);
  });

  it('erases one person after choosing them and confirming', async () => {
    await page.getByLabel('Find a person by name').fill('Jane');
    await page.getByRole('button', { name: 'Jane Doe' }).click();
    await page.getByText(/Rapport holds about Jane Doe: 1 profile/).waitFor();
    const [text] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download their data (text)' }).click(),
    ]);
    expect(text.suggestedFilename()).toMatch(/^rapport-jane-doe-.*\.txt$/);
    expect(readFileSync(await text.path(), 'utf8')).toMatch(/^What Rapport holds about Jane Doe/);
    await page.getByRole('button', { name: 'Erase Jane Doe and all of it' }).click();
    await page.getByText('Jane Doe and everything about them were erased.').waitFor();
    await page.getByTestId('data-counts').filter({ hasText: '10 people' }).waitFor();
  });

  it('erases everything only after "erase" is typed', async () => {
    const button = page.getByRole('button', { name: 'Erase everything' });
    expect(await button.isDisabled()).toBe(true);
    await page.getByLabel('Type “erase” to confirm').fill('eras');
    expect(await button.isDisabled()).toBe(true);
    await page.getByLabel('Type “erase” to confirm').fill('erase');
    await button.click();
    await page.getByTestId('erase-status').filter({ hasText: 'Erased 10 people' }).waitFor();
    await page.getByTestId('data-counts').filter({ hasText: '0 people' }).waitFor();
  });

  it('refuses a file that is not what it claims, and changes nothing', async () => {
    await page.getByLabel('File to import').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "rapport-backup", "version": 1, "people": [{"__proto__": {}}]'),
    });
    await page.getByTestId('import-report').filter({ hasText: 'cannot be imported' }).waitFor();
    expect(await page.getByTestId('data-counts').textContent()).toContain('0 people');

    // Facebook's friends list names nobody by profile: said plainly, before anything is sent.
    await page.getByLabel('File to import').setInputFiles({
      name: 'your_friends.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"friends_v2": [{"name": "Jane Doe", "timestamp": 1600000000}]}'),
    });
    await page.getByTestId('import-error').filter({ hasText: "This is Facebook's friends list" }).waitFor();
    expect(await page.getByTestId('data-counts').textContent()).toContain('0 people');
  });

  it("imports X's archive (data/tweets.js): who the user replied to or mentioned, tweets logged", async () => {
    await page.getByLabel('File to import').setInputFiles(TWEETS);
    // Chosen from the file's name: a .js file of the archive.
    expect(await page.getByLabel('The file is').inputValue()).toBe('x');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('2 new people');
    expect(await page.getByText(/"home" is not an X screen name/).count()).toBe(1);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('data-counts').filter({ hasText: '2 people' }).waitFor();
    expect(await page.getByTestId('data-counts').textContent()).toContain('3 interactions');
  });

  it('restores that backup over everything: people, settings, and where Rapport shows itself', async () => {
    await page.getByLabel('On LinkedIn, show Rapport in the side panel instead').uncheck();
    await page.getByLabel('Theme').selectOption('light');
    await page.getByTestId('settings-status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByLabel('File to import').setInputFiles({
      name: 'rapport-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupText),
    });
    await page.getByTestId('import-preview').waitFor();
    await page.getByLabel('Replace everything Rapport holds with the backup (and its settings)').check();
    await page.getByTestId('import-preview').filter({ hasText: '11 new people' }).waitFor();
    await page.getByRole('button', { name: 'Replace everything with this backup', exact: true }).click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('data-counts').filter({ hasText: '11 people' }).waitFor();
    await expect
      .poll(() => page.getByLabel('On LinkedIn, show Rapport in the side panel instead').isChecked())
      .toBe(true);
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
  });
});
