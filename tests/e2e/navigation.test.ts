import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type RunningExtension, removeProfile, servePage, sidebarFrame } from './harness';
import { spaShell } from './spa-shell';

// In-app navigation on a single-page site: the sidebar follows the person on screen, is cleared before
// the next person appears (whichever of URL and DOM changes first), and never saves to the wrong person.

const LINKEDIN = spaShell({
  '/feed/': 'linkedin/feed.html',
  '/in/jane-doe/': 'linkedin/profile-jane-doe.html',
  '/in/rahul-mehta/': 'linkedin/profile-rahul-mehta.html',
});

let running: RunningExtension;
let page: Page;

beforeAll(async () => {
  running = await launchExtension();
  await servePage(running.context, 'https://www.linkedin.com/**', LINKEDIN);
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});
beforeEach(async () => {
  page = await running.context.newPage();
});

const shownName = (frame: Frame) => frame.locator('h1').textContent({ timeout: 5_000 });
const shownPerson = (frame: Frame) =>
  frame
    .locator('main[data-person]')
    .getAttribute('data-person', { timeout: 5_000 })
    .catch(() => null);

/** Records every (person, name) pair the sidebar shows, from inside the sidebar, on every DOM change. */
async function recordSidebar(frame: Frame): Promise<() => Promise<[string | null, string | null][]>> {
  await frame.evaluate(() => {
    const seen: [string | null, string | null][] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    const note = () => {
      const main = document.querySelector('main[data-person]');
      seen.push([main?.getAttribute('data-person') ?? null, main?.querySelector('h1')?.textContent ?? null]);
    };
    new MutationObserver(note).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    note();
  });
  return () => frame.evaluate(() => (window as unknown as { seen: [string | null, string | null][] }).seen);
}

const NAMES: Record<string, string[]> = {
  'linkedin:jane-doe': ['jane-doe', 'Jane Doe'],
  'linkedin:rahul-mehta': ['rahul-mehta', 'Rahul Mehta'],
};

function expectConsistent(seen: [string | null, string | null][]) {
  for (const [person, name] of seen) {
    if (person === null || name === null) continue;
    expect(NAMES[person], `sidebar showed "${name}" for ${person}`).toContain(name);
  }
}

describe('in-app navigation on LinkedIn', () => {
  it('shows the sidebar after navigating from the feed to a profile, and hides it on leaving', async () => {
    await page.goto('https://www.linkedin.com/feed/');
    await page.waitForLoadState('load');
    expect(page.frames().some((frame) => frame.url().startsWith('chrome-extension://'))).toBe(false);
    await page.evaluate(() =>
      (window as unknown as { spaNavigate: (p: string) => void }).spaNavigate('/in/jane-doe/'),
    );
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await page.evaluate(() =>
      (window as unknown as { spaNavigate: (p: string) => void }).spaNavigate('/feed/'),
    );
    await expect.poll(() => page.locator('rapport-sidebar').isVisible()).toBe(false);
    await expect.poll(() => shownPerson(frame)).toBe(null);
  });

  for (const order of ['url-first', 'dom-first'] as const) {
    it(`switches person cleanly when the ${order === 'url-first' ? 'URL' : 'DOM'} changes first`, async () => {
      await page.goto('https://www.linkedin.com/in/jane-doe/');
      const frame = await sidebarFrame(page, running.extensionId);
      await expect.poll(() => shownName(frame)).toBe('Jane Doe');
      const seen = await recordSidebar(frame);
      await page.evaluate(
        (order) =>
          (window as unknown as { spaNavigate: (p: string, o: object) => Promise<void> }).spaNavigate(
            '/in/rahul-mehta/',
            { order, delayMs: 1_000 },
          ),
        order,
      );
      await expect.poll(() => shownName(frame)).toBe('Rahul Mehta');
      expect(await shownPerson(frame)).toBe('linkedin:rahul-mehta');
      const pairs = await seen();
      expectConsistent(pairs);
      // Jane's card was gone before Rahul's appeared.
      const firstRahul = pairs.findIndex(([person]) => person === 'linkedin:rahul-mehta');
      expect(pairs.slice(firstRahul).some(([person]) => person === 'linkedin:jane-doe')).toBe(false);
    });
  }

  it('saves a note typed during a switch to the person it was typed for', async () => {
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    const text = `typed while leaving Jane ${Date.now()}`;
    await frame.getByLabel('New note').fill(text);
    // Navigate away before the autosave delay has passed.
    await page.evaluate(() =>
      (window as unknown as { spaNavigate: (p: string, o: object) => Promise<void> }).spaNavigate(
        '/in/rahul-mehta/',
        {
          order: 'url-first',
          delayMs: 300,
        },
      ),
    );
    await expect.poll(() => shownName(frame)).toBe('Rahul Mehta');
    expect(await frame.locator('.note-list textarea').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await expect
      .poll(async () =>
        frame
          .locator('.note-list textarea')
          .evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value)),
      )
      .toContain(text);
  });

  it('follows back and forward', async () => {
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await page.evaluate(() =>
      (window as unknown as { spaNavigate: (p: string) => void }).spaNavigate('/in/rahul-mehta/'),
    );
    await expect.poll(() => shownName(frame)).toBe('Rahul Mehta');
    await page.goBack();
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await page.goForward();
    await expect.poll(() => shownName(frame)).toBe('Rahul Mehta');
  });

  it("shows the person from the URL at once and their name when the profile's DOM arrives 2 s late", async () => {
    await page.addInitScript(() => {
      (window as unknown as { spaLateMs: number }).spaLateMs = 2_000;
    });
    await page.goto('https://www.linkedin.com/in/rahul-mehta/');
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownPerson(frame)).toBe('linkedin:rahul-mehta');
    expect(await shownName(frame)).toBe('rahul-mehta');
    await expect.poll(() => shownName(frame), { timeout: 10_000 }).toBe('Rahul Mehta');
  });
});
