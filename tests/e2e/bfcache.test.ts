import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import {
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';

// Back to a page kept in the back/forward cache: its scripts resume without a load, and the tab's
// profile must be announced again (the tab showed someone else in between).
//
// Chromium keeps no page that holds an extension's frame in that cache (it reports
// "EmbedderExtensionFrame"), so with the in-page sidebar going back always loads the page again. In side
// panel mode nothing is added to the page, and Chromium does restore it: that is the restore path, tested
// here with the cache switched back on (Playwright turns it off by default).

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension({ backForwardCache: true });
  await servePage(
    running.context,
    'https://www.linkedin.com/**',
    readFixture('linkedin/profile-jane-doe.html'),
  );
  await servePage(running.context, 'https://x.com/**', readFixture('x/profile-rahulmehta.html'));
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

/** A tab that records whether each page it shows came from the back/forward cache. */
async function recordingPage(): Promise<Page> {
  const page = await running.context.newPage();
  await page.addInitScript(() => {
    addEventListener('pageshow', (event) => {
      (window as unknown as { restored: boolean }).restored = event.persisted;
    });
  });
  return page;
}

const restored = (page: Page) =>
  page.evaluate(() => (window as unknown as { restored?: boolean }).restored === true);

async function setDisplay(extensionPage: Page, mode: 'page' | 'panel') {
  await extensionPage.evaluate(
    (mode) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ 'display:linkedin': mode, 'display:x': mode }),
    mode,
  );
}

describe('the back/forward cache', () => {
  it('announces the person again when a page is restored from the cache (side panel mode)', async () => {
    const panel = await openExtensionPage(running, 'sidepanel.html');
    await setDisplay(panel, 'panel');
    const page = await recordingPage();
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    await page.bringToFront();
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Jane Doe');
    await page.goto('https://x.com/rahulmehta');
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Rahul Mehta');

    // A restore fires no load event: wait for the commit, then check it really came from the cache.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => restored(page)).toBe(true);
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Jane Doe');
    await page.close();
    await panel.close();
  });

  it('loads the page again with the in-page sidebar, which shows the person again', async () => {
    const setter = await openExtensionPage(running, 'sidepanel.html');
    await setDisplay(setter, 'page');
    await setter.close();
    const page = await recordingPage();
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const jane = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => jane.locator('h1').textContent()).toBe('Jane Doe');
    await page.goto('https://x.com/rahulmehta');
    const rahul = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => rahul.locator('h1').textContent()).toBe('Rahul Mehta');
    await page.goBack();
    expect(await restored(page)).toBe(false);
    const again = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => again.locator('h1').textContent()).toBe('Jane Doe');
    await page.close();
  });
});
