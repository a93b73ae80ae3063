import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readerScriptFile, watcherFile } from '../../lib/content/script-files';
import type { Network } from '../../lib/sites/types';
import { readFixture } from '../fixtures';
import {
  addLinkAtTopLeft,
  launchExtension,
  loadWithWatcher,
  type RunningExtension,
  recordParsedScripts,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';
import { spaShell } from './spa-shell';

// In-app navigation on single-page sites: the sidebar follows the person on screen, is cleared before
// the next person appears (whichever of URL and DOM changes first), and never saves to the wrong person.

interface Person {
  path: string;
  key: string;
  /** What the sidebar may call them: the handle (before the page is read) or the name. */
  names: string[];
}
interface Site {
  label: string;
  origin: string;
  feedPath: string;
  routes: Record<string, string>;
  jane: Person;
  rahul: Person;
}

const SITES: Site[] = [
  {
    label: 'LinkedIn',
    origin: 'https://www.linkedin.com',
    feedPath: '/feed/',
    routes: {
      '/feed/': 'linkedin/feed.html',
      '/in/jane-doe/': 'linkedin/profile-jane-doe.html',
      '/in/rahul-mehta/': 'linkedin/profile-rahul-mehta.html',
    },
    jane: { path: '/in/jane-doe/', key: 'linkedin:jane-doe', names: ['jane-doe', 'Jane Doe'] },
    rahul: { path: '/in/rahul-mehta/', key: 'linkedin:rahul-mehta', names: ['rahul-mehta', 'Rahul Mehta'] },
  },
  {
    label: 'X',
    origin: 'https://x.com',
    feedPath: '/home',
    routes: {
      '/home': 'x/home.html',
      '/janedoe': 'x/profile-janedoe.html',
      '/rahulmehta': 'x/profile-rahulmehta.html',
    },
    jane: { path: '/janedoe', key: 'x:janedoe', names: ['janedoe', 'Jane Doe'] },
    rahul: { path: '/rahulmehta', key: 'x:rahulmehta', names: ['rahulmehta', 'Rahul Mehta'] },
  },
  {
    label: 'Facebook',
    origin: 'https://www.facebook.com',
    feedPath: '/',
    routes: {
      '/': 'facebook/home.html',
      '/jane.doe': 'facebook/profile-jane-doe.html',
      '/profile.php?id=100012345678901': 'facebook/profile-rahul-mehta.html',
    },
    jane: { path: '/jane.doe', key: 'facebook:janedoe', names: ['janedoe', 'Jane Doe'] },
    rahul: {
      path: '/profile.php?id=100012345678901',
      key: 'facebook:100012345678901',
      names: ['100012345678901', 'Rahul Mehta'],
    },
  },
];

let running: RunningExtension;
let page: Page;

beforeAll(async () => {
  running = await launchExtension();
  for (const site of SITES) await servePage(running.context, `${site.origin}/**`, spaShell(site.routes));
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});
beforeEach(async () => {
  page = await running.context.newPage();
  return () => page.close();
});

const shownName = (frame: Frame) => frame.locator('h1').textContent({ timeout: 5_000 });
const shownPerson = (frame: Frame) =>
  frame
    .locator('main[data-person]')
    .getAttribute('data-person', { timeout: 2_000 })
    .catch(() => null);
const spaNavigate = (path: string, options: { order?: 'url-first' | 'dom-first'; delayMs?: number } = {}) =>
  page.evaluate(
    ([path, options]) =>
      (window as unknown as { spaNavigate: (p: string, o: object) => Promise<void> }).spaNavigate(
        path,
        options,
      ),
    [path, options] as const,
  );

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

const noteTexts = (frame: Frame) =>
  frame
    .locator('.note-list textarea')
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));

describe.each(SITES)('in-app navigation on $label', (site) => {
  const allowed = new Map([
    [site.jane.key, site.jane.names],
    [site.rahul.key, site.rahul.names],
  ]);
  const network = site.jane.key.split(':')[0] as Network;

  it('runs only the watcher on the feed, and the whole script once a navigation reaches a profile', async () => {
    const parsed = await recordParsedScripts(running, page);
    const whole = `chrome-extension://${running.extensionId}/${readerScriptFile(network)}`;
    const watcher = `chrome-extension://${running.extensionId}/${watcherFile(network)}`;
    await page.goto(site.origin + site.feedPath);
    await page.waitForLoadState('load');
    await expect.poll(() => parsed.includes(watcher)).toBe(true);
    expect(parsed).not.toContain(whole);
    await spaNavigate(site.jane.path);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    expect(parsed).toContain(whole);
    // A page load at a profile runs the whole script from its start, and no watcher.
    parsed.length = 0;
    await page.goto(site.origin + site.rahul.path);
    await sidebarFrame(page, running.extensionId);
    expect(parsed).toContain(whole);
    expect(parsed).not.toContain(watcher);
  });

  /** The feed, with a link to Jane's profile at the top left, over everything. */
  const feedWithLinkToJane = async () => {
    await loadWithWatcher(running, page, site.origin + site.feedPath, network);
    await addLinkAtTopLeft(page, site.jane.path, 'Jane Doe');
  };
  const hostShown = () =>
    page.locator('rapport-sidebar').evaluate((host) => getComputedStyle(host).display !== 'none');

  it('starts loading the sidebar, hidden, when the pointer rests on a link to a profile', async () => {
    await feedWithLinkToJane();
    await page.mouse.move(600, 600);
    await page.mouse.move(50, 20);
    // Resting there, not pressed: the page is still the feed, and the sidebar's frame is there, hidden.
    const frame = await sidebarFrame(page, running.extensionId);
    expect(await hostShown()).toBe(false);
    expect(page.url()).toBe(site.origin + site.feedPath);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    expect(await hostShown()).toBe(true);
  });

  it('starts loading the sidebar, hidden, when the user presses on a link to a profile', async () => {
    await feedWithLinkToJane();
    await page.mouse.move(50, 20);
    await page.mouse.down();
    // Pressed, not yet released: the page is still the feed, and the sidebar's frame is there, hidden.
    const frame = await sidebarFrame(page, running.extensionId);
    expect(await hostShown()).toBe(false);
    expect(page.url()).toBe(site.origin + site.feedPath);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    await page.mouse.up();
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    expect(await hostShown()).toBe(true);
  });

  it('shows the sidebar after navigating from the feed to a profile, and hides it on leaving', async () => {
    await page.goto(site.origin + site.feedPath);
    await page.waitForLoadState('load');
    expect(await page.locator('rapport-sidebar').count()).toBe(0);
    await spaNavigate(site.jane.path);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await spaNavigate(site.feedPath);
    await expect.poll(() => page.locator('rapport-sidebar').isVisible()).toBe(false);
    await expect.poll(() => shownPerson(frame)).toBe(null);
  });

  /**
   * Records, in the page, each change of whether the sidebar is shown and whether the page is narrowed
   * for it, with the page's title then (the shell sets each page's title with its DOM).
   */
  const recordRoom = async () => {
    await page.evaluate(() => {
      const root = document.documentElement;
      const log: { shown: boolean; room: boolean; title: string }[] = [];
      (window as unknown as { roomLog: typeof log }).roomLog = log;
      new MutationObserver(() => {
        const host = document.querySelector<HTMLElement>('rapport-sidebar');
        const shown = host?.style.display === 'block';
        const room = root.style.marginRight !== '' || root.style.marginLeft !== '';
        const last = log.at(-1);
        if (last?.shown !== shown || last?.room !== room) log.push({ shown, room, title: document.title });
      }).observe(root, { attributes: true, attributeFilter: ['style'], subtree: true });
    });
    return () => page.evaluate(() => (window as unknown as { roomLog: unknown[] }).roomLog);
  };

  /** The feed, loaded, with the page's room recorded from now on. */
  const feedRecordingRoom = async () => {
    await page.goto(site.origin + site.feedPath);
    await page.waitForLoadState('load');
    return { title: await page.title(), log: await recordRoom() };
  };
  /** Jane's profile, her name in the sidebar, with the page's room recorded from now on. */
  const profileRecordingRoom = async () => {
    await page.goto(site.origin + site.jane.path);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    return { title: await page.title(), log: await recordRoom() };
  };

  it('shows the sidebar over the page at once, and narrows the page when the profile is there', async () => {
    const feed = await feedRecordingRoom();
    await spaNavigate(site.jane.path, { delayMs: 400 });
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    const profileTitle = await page.title();
    expect(profileTitle).not.toBe(feed.title);
    // The page being left is not laid out again at a narrower width just before it goes.
    await expect.poll(feed.log).toEqual([
      { shown: true, room: false, title: feed.title },
      { shown: true, room: true, title: profileTitle },
    ]);
  });

  it('narrows the page for the sidebar before a profile that is slow to come', async () => {
    const feed = await feedRecordingRoom();
    // Resolves once the profile's DOM is there, 2.5 s after its URL (the wait is ROOM_WAIT_MAX_MS, 1 s).
    await spaNavigate(site.jane.path, { delayMs: 2_500 });
    expect(await feed.log()).toEqual([
      { shown: true, room: false, title: feed.title },
      { shown: true, room: true, title: feed.title },
    ]);
  });

  it('hides the sidebar on leaving a profile, and widens the page when the next page is there', async () => {
    const profile = await profileRecordingRoom();
    await spaNavigate(site.feedPath, { delayMs: 400 });
    const feedTitle = await page.title();
    expect(feedTitle).not.toBe(profile.title);
    await expect.poll(profile.log).toEqual([
      { shown: false, room: true, title: profile.title },
      { shown: false, room: false, title: feedTitle },
    ]);
  });

  it('widens the page before a next page that is slow to come', async () => {
    const profile = await profileRecordingRoom();
    await spaNavigate(site.feedPath, { delayMs: 2_500 });
    expect(await profile.log()).toEqual([
      { shown: false, room: true, title: profile.title },
      { shown: false, room: false, title: profile.title },
    ]);
  });

  for (const order of ['url-first', 'dom-first'] as const) {
    it(`switches person cleanly when the ${order === 'url-first' ? 'URL' : 'DOM'} changes first`, async () => {
      await page.goto(site.origin + site.jane.path);
      const frame = await sidebarFrame(page, running.extensionId);
      await expect.poll(() => shownName(frame)).toBe('Jane Doe');
      const seen = await recordSidebar(frame);
      await spaNavigate(site.rahul.path, { order, delayMs: 1_000 });
      await expect.poll(() => shownName(frame)).toBe('Rahul Mehta');
      expect(await shownPerson(frame)).toBe(site.rahul.key);
      const pairs = await seen();
      for (const [person, name] of pairs) {
        if (person !== null && name !== null)
          expect(allowed.get(person), `"${name}" shown for ${person}`).toContain(name);
      }
      const firstRahul = pairs.findIndex(([person]) => person === site.rahul.key);
      expect(firstRahul).toBeGreaterThanOrEqual(0);
      expect(pairs.slice(firstRahul).some(([person]) => person === site.jane.key)).toBe(false);
      if (order === 'dom-first') {
        // While the page showed Rahul under Jane's URL, the sidebar showed nobody.
        expect(pairs.slice(0, firstRahul).some(([person]) => person === null)).toBe(true);
      }
    });
  }

  it('saves a note typed during a switch to the person it was typed for', async () => {
    await page.goto(site.origin + site.jane.path);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    const text = `typed while leaving Jane on ${site.label} ${Date.now()}`;
    await frame.getByLabel('New note').fill(text);
    // Navigate away before the autosave delay has passed.
    await spaNavigate(site.rahul.path, { order: 'url-first', delayMs: 300 });
    await expect.poll(() => shownName(frame)).toBe('Rahul Mehta');
    expect(await noteTexts(frame)).not.toContain(text);
    await page.goBack();
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await expect.poll(() => noteTexts(frame)).toContain(text);
  });

  it('follows back and forward', async () => {
    await page.goto(site.origin + site.jane.path);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame)).toBe('Jane Doe');
    await spaNavigate(site.rahul.path);
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
    await page.goto(site.origin + site.rahul.path);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownPerson(frame)).toBe(site.rahul.key);
    expect(await shownName(frame)).toBe(site.rahul.names[0]);
    await expect.poll(() => shownName(frame), { timeout: 10_000 }).toBe('Rahul Mehta');
  });
});

describe('a profile whose page cannot be read', () => {
  it('still works on the URL identity and says the details could not be read', async () => {
    await page.addInitScript(() => {
      (window as unknown as { spaLateMs: number }).spaLateMs = 600_000;
    });
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownPerson(frame)).toBe('linkedin:jane-doe');
    await expect
      .poll(() => frame.getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Could not read this person');
    await expect(frame.getByLabel('New note').isEditable()).resolves.toBe(true);
  });
});

describe('a profile whose headline is parsed after its name', () => {
  it('shows the headline once the page has it, and the worker records it', async () => {
    // A real page streams: here a slow script between the name and the headline holds the parser, so
    // the content script reads the name (and reports it) before the headline and photo exist.
    const html = readFixture('linkedin/profile-jane-doe.html')
      .replaceAll('jane-doe', 'slow-sam')
      .replaceAll('Jane Doe', 'Sam Slow')
      .replace(
        '<div class="text-body-medium break-words">',
        '<script src="https://static.licdn.com/sc/slow.js"></script><div class="text-body-medium break-words">',
      );
    await servePage(running.context, 'https://www.linkedin.com/in/slow-sam/', html);
    await running.context.route('https://static.licdn.com/sc/slow.js', async (route) => {
      await new Promise((done) => setTimeout(done, 1_500));
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '// slow' });
    });
    await page.goto('https://www.linkedin.com/in/slow-sam/', { waitUntil: 'commit' });
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => shownName(frame), { timeout: 10_000 }).toBe('Sam Slow');
    await expect
      .poll(
        () =>
          frame
            .locator('.person-headline')
            .textContent({ timeout: 1_000 })
            .catch(() => null),
        {
          timeout: 10_000,
        },
      )
      .toBe('Engineering Manager at Acme');
    const tab = await frame.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ tag: 'rapport/v1', type: 'getTabProfile', payload: { tabId: null } }),
    );
    expect(tab).toMatchObject({
      ok: true,
      value: {
        snapshot: { id: 'slow-sam', name: 'Sam Slow', headline: 'Engineering Manager at Acme' },
        details: 'read',
      },
    });
  });
});
