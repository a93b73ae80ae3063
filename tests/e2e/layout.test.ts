import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import {
  launchExtension,
  type RunningExtension,
  removeProfile,
  servePage,
  shown,
  sidebarFrame,
} from './harness';

// The in-page sidebar's place on the page: beside the site's main column, never over it; collapsible to
// a small tab and movable to the other side, both remembered per site; typing in it stays in it.

const SITES = [
  {
    label: 'LinkedIn',
    url: 'https://www.linkedin.com/in/jane-doe/',
    file: 'linkedin/profile-jane-doe.html',
    main: 'main',
  },
  {
    label: 'X',
    url: 'https://x.com/janedoe',
    file: 'x/profile-janedoe.html',
    main: '[data-testid="primaryColumn"]',
  },
  {
    label: 'Facebook',
    url: 'https://www.facebook.com/jane.doe',
    file: 'facebook/profile-jane-doe.html',
    main: '[role="main"]',
  },
];

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
  for (const site of SITES)
    await servePage(running.context, `${new URL(site.url).origin}/**`, readFixture(site.file));
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

/** A new tab at `url`, once its sidebar has been shown (and so can be clicked: harness.ts, shown). */
async function open(url: string): Promise<Page> {
  const page = await running.context.newPage();
  await page.goto(url);
  await shown(await sidebarFrame(page, running.extensionId));
  return page;
}

const hostBox = (page: Page) => page.locator('rapport-sidebar').boundingBox();

describe.each(SITES)('the sidebar on $label', (site) => {
  it.each([1280, 1440, 1920])('leaves the main column uncovered at %i px', async (width) => {
    const page = await open(site.url);
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(async () => (await hostBox(page))?.width).toBe(340);
    const host = await hostBox(page);
    const main = await page.locator(site.main).first().boundingBox();
    expect(host && main).toBeTruthy();
    if (host && main) expect(main.x + main.width).toBeLessThanOrEqual(host.x + 0.5);
    await page.close();
  });
});

describe('collapse, side and keyboard', () => {
  it('collapses to a small tab, remembered after a reload, and opens again', async () => {
    const page = await open(SITES[0]?.url ?? '');
    const frame = await sidebarFrame(page, running.extensionId);
    await frame.getByRole('button', { name: 'Collapse Rapport' }).click();
    await expect.poll(async () => (await hostBox(page))?.width).toBe(40);
    await page.reload();
    const again = await sidebarFrame(page, running.extensionId);
    await shown(again);
    await expect.poll(async () => (await hostBox(page))?.width).toBe(40);
    await again.getByRole('button', { name: 'Open Rapport' }).click();
    await expect.poll(async () => (await hostBox(page))?.width).toBe(340);
    await page.close();
  });

  it('moves to the other side and back, and the page makes room on that side', async () => {
    const page = await open(SITES[1]?.url ?? '');
    const frame = await sidebarFrame(page, running.extensionId);
    await frame.getByRole('button', { name: 'Move left' }).click();
    await expect.poll(async () => (await hostBox(page))?.x).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginLeft)).toBe('340px');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
    await frame.getByRole('button', { name: 'Move right' }).click();
    await expect.poll(async () => (await hostBox(page))?.x).toBe(1440 - 340);
    await page.close();
  });

  it("keeps keystrokes typed in the sidebar away from the site's shortcuts", async () => {
    const page = await open(SITES[2]?.url ?? '');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      for (const type of ['keydown', 'keypress', 'keyup']) {
        window.addEventListener(type, (event) => seen.push((event as KeyboardEvent).key), true);
      }
    });
    const frame = await sidebarFrame(page, running.extensionId);
    await frame.getByLabel('New note').pressSequentially('j k / ?');
    expect(await frame.getByLabel('New note').inputValue()).toBe('j k / ?');
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
    await page.close();
  });
});
