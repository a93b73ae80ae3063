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

// Chrome: a site shown in the page is marked from the page load's first moment (lib/content/page-mark.ts),
// so the sidebar's frame starts loading before storage answers; a site set to the side panel has no mark,
// and its pages get nothing, from their first moment either.

interface Registered {
  id: string;
  js?: string[];
  matches?: string[];
  excludeMatches?: string[];
  runAt?: string;
}

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
  // The page's own first script notes whether Rapport's element is already there.
  const html = readFixture('linkedin/profile-jane-doe.html').replace(
    '<head>',
    `<head><script>window.rapportAtFirstScript = document.querySelector('rapport-sidebar') !== null;</script>`,
  );
  expect(html).toContain('rapportAtFirstScript');
  await servePage(running.context, 'https://www.linkedin.com/**', html);
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

/**
 * Asked from an extension page, not the worker: Chrome may stop the worker between two questions, and a
 * question to a stopped worker's old handle never comes back.
 */
async function registeredMarks(asker: Page): Promise<Registered[]> {
  const all = await asker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
      }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
  return (all as Registered[]).filter((script) => script.id.startsWith('rapport-page-mark:'));
}

const markedSites = async (asker: Page) => (await registeredMarks(asker)).map((script) => script.id).sort();

/** A profile page load, with an observer from before the page's first script of every element added. */
async function openProfile(): Promise<Page> {
  const page = await running.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { rapportSeen: string[] }).rapportSeen = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node.nodeName === 'RAPPORT-SIDEBAR') seen.push('added');
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('https://www.linkedin.com/in/jane-doe/');
  return page;
}

const atFirstScript = (page: Page) =>
  page.evaluate(() => (window as unknown as { rapportAtFirstScript?: boolean }).rapportAtFirstScript);
const elementsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { rapportSeen: string[] }).rapportSeen.length);

describe('the page marks', () => {
  it('are registered on install for every site, on the pages its whole script runs on', async () => {
    const asker = await openExtensionPage(running, 'sidepanel.html');
    await expect
      .poll(() => markedSites(asker), { timeout: 10_000 })
      .toEqual(['rapport-page-mark:facebook', 'rapport-page-mark:linkedin', 'rapport-page-mark:x']);
    const manifestScripts = (await asker.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { content_scripts: unknown[] } } } }
        ).chrome.runtime.getManifest().content_scripts,
    )) as { js: string[]; matches: string[]; exclude_matches?: string[] }[];
    for (const mark of await registeredMarks(asker)) {
      const network = mark.id.split(':')[1];
      const whole = manifestScripts.find((script) => script.js.includes(`content-scripts/${network}.js`));
      expect(mark.js).toEqual(['page-mark.js']);
      expect(mark.runAt).toBe('document_start');
      // Chrome hands the patterns back sorted.
      expect(mark.matches?.toSorted()).toEqual(whole?.matches.toSorted());
      expect((mark.excludeMatches ?? []).toSorted()).toEqual((whole?.exclude_matches ?? []).toSorted());
    }
    await asker.close();
  });

  it('give a profile page the sidebar before the page runs its first script', async () => {
    const page = await openProfile();
    expect(await atFirstScript(page)).toBe(true);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    await page.close();
  });

  it('are taken away before a site is set to the side panel, whose pages then get nothing at all', async () => {
    const options = await openExtensionPage(running, 'options.html');
    await options
      .getByLabel('On LinkedIn, show Rapport in the side panel instead')
      .check({ timeout: 10_000 });
    await expect
      .poll(() => options.getByLabel('On LinkedIn, show Rapport in the side panel instead').isChecked())
      .toBe(true);
    // The mark went before the setting was stored, so there is no moment when the two disagree.
    expect(await markedSites(options)).toEqual(['rapport-page-mark:facebook', 'rapport-page-mark:x']);

    const panel = await openExtensionPage(running, 'sidepanel.html');
    const page = await openProfile();
    await page.bringToFront();
    // The panel learns the profile (the content script reports it) ...
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Jane Doe');
    // ... and the page never had a Rapport element, not even for a moment.
    expect(await atFirstScript(page)).toBe(false);
    expect(await elementsSeen(page)).toBe(0);
    expect(page.frames().some((frame) => frame.url().startsWith('chrome-extension://'))).toBe(false);
    await page.close();
    await panel.close();

    // Back to the page: the worker marks the site again once the setting is stored.
    await options
      .getByLabel('On LinkedIn, show Rapport in the side panel instead')
      .uncheck({ timeout: 10_000 });
    await expect
      .poll(() => markedSites(options), { timeout: 10_000 })
      .toEqual(['rapport-page-mark:facebook', 'rapport-page-mark:linkedin', 'rapport-page-mark:x']);
    const again = await openProfile();
    expect(await atFirstScript(again)).toBe(true);
    await again.close();
    await options.close();
  });
});
