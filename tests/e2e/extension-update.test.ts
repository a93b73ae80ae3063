import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerScriptFile, watcherFile } from '../../lib/content/script-files';
import {
  launchExtension,
  type RunningExtension,
  recordParsedScripts,
  reloadExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';
import { spaShell } from './spa-shell';

// Rapport updated (here: loaded again over itself, which Chrome treats as an update) while a profile is
// open in a single-page site. Chrome does not run the new version's content script in that page by
// itself, and the old one, with its sidebar, can no longer save anything. The new worker runs its
// script in the open tab, which retires the old copy (its sidebar and the page space it took) and takes
// over, without errors.

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension({ extensionDebugging: true });
  await servePage(
    running.context,
    'https://www.linkedin.com/**',
    spaShell({
      '/feed/': 'linkedin/feed.html',
      '/in/jane-doe/': 'linkedin/profile-jane-doe.html',
      '/in/rahul-mehta/': 'linkedin/profile-rahul-mehta.html',
    }),
  );
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

const spaNavigate = (page: Page, path: string) =>
  page.evaluate(
    (path) =>
      (window as unknown as { spaNavigate: (path: string, options: object) => Promise<void> }).spaNavigate(
        path,
        {},
      ),
    path,
  );

describe('an update while a profile is open', () => {
  it('retires the old sidebar and runs the new version in the open page, with one sidebar', async () => {
    const page = await running.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const old = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => old.locator('h1').textContent()).toBe('Jane Doe');
    const sidebars = () => page.locator('rapport-sidebar').count();
    const reserved = () => page.evaluate(() => document.documentElement.style.marginRight);

    await reloadExtension(running);

    // The new version's script runs in the open page: the old sidebar goes, a new one (a new frame)
    // shows the same person, and its notes save, which only a live extension can do.
    // The browser loads the new version, starts its worker, and runs the script in the tab: on a busy
    // machine that took over the poll's default second, so this waits longer (not a timing claim).
    await expect.poll(() => old.isDetached(), { timeout: 15_000 }).toBe(true);
    const fresh = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => fresh.locator('h1').textContent()).toBe('Jane Doe');
    expect(await sidebars()).toBe(1);
    expect(await reserved()).toBe('340px');
    await fresh.getByLabel('New note').fill('Typed after the update');
    await expect.poll(() => fresh.locator('.save-status').first().textContent()).toBe('Saved');

    // In-app navigation is followed by the new script alone: one sidebar, on the person now shown; off
    // profiles, none, and the page gets back all the space the sidebar took.
    await spaNavigate(page, '/in/rahul-mehta/');
    await expect.poll(() => fresh.locator('h1').textContent()).toBe('Rahul Mehta');
    expect(await sidebars()).toBe(1);
    await spaNavigate(page, '/feed/');
    await expect.poll(reserved).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('an update while the feed and a profile are open', () => {
  it('runs in each tab the script the manifest gives its page, and the watcher starts the whole one', async () => {
    const page = await running.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('https://www.linkedin.com/feed/');
    await page.waitForLoadState('load');
    const profile = await running.context.newPage();
    await profile.goto('https://www.linkedin.com/in/rahul-mehta/');
    await sidebarFrame(profile, running.extensionId);
    const parsed = await recordParsedScripts(running, page);
    const parsedOnProfile = await recordParsedScripts(running, profile);
    const watcher = `chrome-extension://${running.extensionId}/${watcherFile('linkedin')}`;
    const whole = `chrome-extension://${running.extensionId}/${readerScriptFile('linkedin')}`;

    await reloadExtension(running);
    // Not a timing claim: on a busy machine the new version took over a second to reach the tabs.
    await expect.poll(() => parsed.includes(watcher), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => parsedOnProfile.includes(whole), { timeout: 15_000 }).toBe(true);
    expect(parsed).not.toContain(whole);

    await spaNavigate(page, '/in/jane-doe/');
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    expect(await page.locator('rapport-sidebar').count()).toBe(1);
    expect(errors).toEqual([]);
    // Checked last, once the takeover has long gone through every tab: its query of open tabs knows no
    // exclude_matches, so the worker applies them itself, and the profile got no watcher.
    expect(parsedOnProfile).not.toContain(watcher);
    await profile.close();
    await page.close();
  });
});

describe('the takeover racing a page that already has Rapport', () => {
  it('runs one copy: the script run again in the tab stops at once', async () => {
    // On install the worker runs the scripts in the sites' open tabs; a tab that loaded meanwhile already
    // has the manifest's copy. Run the takeover's two injections in such a tab, as the worker does.
    const page = await running.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const first = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => first.locator('h1').textContent()).toBe('Jane Doe');
    const worker = await running.worker();
    await worker.evaluate(async (url) => {
      type Scripting = { executeScript(options: object): Promise<unknown> };
      type Tabs = { query(q: object): Promise<{ id?: number }[]> };
      const chrome = (globalThis as unknown as { chrome: { scripting: Scripting; tabs: Tabs } }).chrome;
      const [tab] = await chrome.tabs.query({ url });
      const target = { tabId: tab?.id };
      await chrome.scripting.executeScript({
        target,
        func: () => {
          (globalThis as { rapportTakeOver?: boolean }).rapportTakeOver = true;
        },
      });
      await chrome.scripting.executeScript({ target, files: ['content-scripts/linkedin.js'] });
    }, 'https://www.linkedin.com/in/jane-doe/');

    // Still the first frame, alone, and working; in-app navigation moves that one sidebar.
    await spaNavigate(page, '/in/rahul-mehta/');
    await expect.poll(() => first.locator('h1').textContent()).toBe('Rahul Mehta');
    expect(first.isDetached()).toBe(false);
    expect(await page.locator('rapport-sidebar').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('340px');
    expect(errors).toEqual([]);
    await page.close();
  });
});
