import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  type RunningExtension,
  reloadExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';
import { spaShell } from './spa-shell';

// Rapport updated (here: loaded again over itself, which Chrome treats as an update) while a profile is
// open in a single-page site. Chrome does not run the new version's content script in that page until it
// loads again, and the old one, with its sidebar, can no longer save anything. So the old sidebar says so
// as soon as the user reaches for it, keeping what they typed; the old content script takes its sidebar
// away at the next navigation (or when the user returns to the tab), without errors; a reload brings the
// new version, with one sidebar. (Running the new script in open tabs would need host permissions for the
// three sites beyond the content scripts' own: not asked for.)

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension({ extensionDebugging: true });
  await servePage(
    running.context,
    'https://www.linkedin.com/**',
    spaShell({
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
  it('stops the old sidebar cleanly and says why, and a reload brings the new one', async () => {
    const page = await running.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const old = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => old.locator('h1').textContent()).toBe('Jane Doe');

    await reloadExtension(running);

    // Reaching for the old sidebar tells the user, and leaves the text they type where it is.
    const draft = old.getByLabel('New note');
    await draft.focus();
    await expect
      .poll(() => old.getByRole('alert').filter({ hasText: 'Rapport was updated' }).count())
      .toBe(1);
    await draft.fill('Typed after the update');
    expect(await draft.inputValue()).toBe('Typed after the update');

    // The next in-app navigation: the old script takes its sidebar away instead of showing a stale one.
    await spaNavigate(page, '/in/rahul-mehta/');
    await expect.poll(() => page.locator('rapport-sidebar').count()).toBe(0);
    expect(errors).toEqual([]);

    // A reload runs the new version: one sidebar, on the person now shown.
    await page.reload();
    const fresh = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => fresh.locator('h1').textContent()).toBe('Rahul Mehta');
    expect(await page.locator('rapport-sidebar').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
