import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerScriptFile } from '../../lib/content/script-files';
import { readFixture } from '../fixtures';
import {
  addLinkAtTopLeft,
  launchExtension,
  loadWithWatcher,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';

// For users who want the page untouched: the same view in the browser's side panel, following the
// active tab, and nothing added to the site's pages.

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
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

/** Sets where Rapport shows on LinkedIn, as the options page does, from an extension page. */
const showLinkedInIn = (extensionPage: Page, mode: 'page' | 'panel') =>
  extensionPage.evaluate(
    (mode) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ 'display:linkedin': mode }),
    mode,
  );

describe('side panel mode', () => {
  it('follows the active tab and the profile it shows', async () => {
    const linkedin = await running.context.newPage();
    await linkedin.goto('https://www.linkedin.com/in/jane-doe/');
    await sidebarFrame(linkedin, running.extensionId);
    const x = await running.context.newPage();
    await x.goto('https://x.com/rahulmehta');
    await sidebarFrame(x, running.extensionId);

    // The panel page, as the browser would host it; here in a tab of its own.
    const panel = await openExtensionPage(running, 'sidepanel.html');
    await linkedin.bringToFront();
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Jane Doe');
    await x.bringToFront();
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Rahul Mehta');
    await expect.poll(() => panel.getByRole('button', { name: 'Show on the page' }).count()).toBe(1);
  });

  it('clears when its tab loads a page that is not a profile, or leaves the sites', async () => {
    // The feed runs only Rapport's watcher, which tells the worker nothing (issue #9); the panel learns
    // from the tab's own updates, and the worker's answer checks the tab's URL.
    await servePage(running.context, 'https://www.linkedin.com/feed/**', readFixture('linkedin/feed.html'));
    await servePage(
      running.context,
      'https://elsewhere.example/**',
      '<!doctype html><title>Elsewhere</title>',
    );
    const tab = await running.context.newPage();
    await tab.goto('https://www.linkedin.com/in/jane-doe/');
    const panel = await openExtensionPage(running, 'sidepanel.html');
    const cleared = () => panel.getByText('Open a profile on LinkedIn, Facebook or X').count();
    await tab.bringToFront();
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Jane Doe');
    await tab.goto('https://www.linkedin.com/feed/');
    await expect.poll(cleared).toBe(1);
    await tab.goto('https://www.linkedin.com/in/jane-doe/');
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Jane Doe');
    await tab.goto('https://elsewhere.example/');
    await expect.poll(cleared).toBe(1);
    await tab.close();
    await panel.close();
  });

  it('adds nothing to the pages of a site set to the side panel', async () => {
    const setter = await openExtensionPage(running, 'sidepanel.html');
    await showLinkedInIn(setter, 'panel');
    const page = await running.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    // The panel still learns the profile (the content script reports it) ...
    await page.bringToFront();
    await expect.poll(() => setter.locator('h1').textContent()).toBe('Jane Doe');
    // ... but the page has no Rapport element and no extension frame.
    expect(await page.locator('rapport-sidebar').count()).toBe(0);
    expect(page.frames().some((frame) => frame.url().startsWith('chrome-extension://'))).toBe(false);

    // Switching back shows the in-page sidebar without a reload.
    await showLinkedInIn(setter, 'page');
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
  });

  it('adds nothing either when the user points at a profile from another page of that site', async () => {
    const setter = await openExtensionPage(running, 'sidepanel.html');
    await showLinkedInIn(setter, 'panel');
    const page = await running.context.newPage();
    const parsed = await loadWithWatcher(running, page, 'https://www.linkedin.com/feed/', 'linkedin');
    await addLinkAtTopLeft(page, '/in/jane-doe/', 'Jane Doe');
    await page.mouse.move(600, 600);
    await page.mouse.move(50, 20);
    // Resting on the link starts Rapport's whole script in the tab (as in page mode) ...
    const whole = `chrome-extension://${running.extensionId}/${readerScriptFile('linkedin')}`;
    await expect.poll(() => parsed.includes(whole)).toBe(true);
    await page.mouse.down();
    await page.waitForTimeout(300);
    // ... and nothing is added to the page.
    expect(await page.locator('rapport-sidebar').count()).toBe(0);
    expect(page.frames().some((frame) => frame.url().startsWith('chrome-extension://'))).toBe(false);
    await page.close();
  });
});
