import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIDEBAR_WIDTH_PX } from '../../lib/content/sidebar-frame';
import type { BareBrowser } from './bare-browser';

/**
 * The sidebar bench's rows in which the sidebar's frame is made (a page load, a navigation from the feed,
 * a click there), measured in the bare browser (bare-browser.ts), where nothing holds a new frame.
 *
 * Nothing can be run in that frame from outside without attaching to it, so the bench runs a copy of the
 * built extension whose sidebar page stamps each note when it is shown (stampEachNote) into
 * storage.session, and reads the stamps from an extension page of its own once the note had time to
 * show. The stamp is put at the top of sidebar-first.js, the first script the sidebar page loads anyway,
 * so the copy loads no file more. Clocks: each frame's performance.timeOrigin + now(), which share the
 * system's time base.
 */
const STAMP_PREFIX = 'bench:note:';

/**
 * A script for a sidebar page that runs `record` (a statement with `text`, `at` and a per-page `index` in
 * scope) for each note it shows, the moment it counts as shown: the start of the first frame the browser
 * renders with its textarea in the document, an animation-frame callback asked for at the insertion
 * (which a MutationObserver sees before any paint); the note is painted in that frame. Until 2026-12-07
 * the bench stamped the insertion itself, which came 6 ms sooner at p50 after a click from the feed and
 * 26 ms sooner on a page load (12 runs each, load 0.6 to 2.3): a new or just-shown frame renders its
 * first frame well after its DOM is ready. A string, not a function: it runs in the sidebar's page.
 */
export function stampEachNote(record: string): string {
  return `(() => {
  const seen = new WeakSet();
  let next = 0;
  new MutationObserver(() => {
    for (const area of document.querySelectorAll('.note-list textarea')) {
      if (seen.has(area)) continue;
      seen.add(area);
      const index = next++;
      requestAnimationFrame(() => {
        const text = area.value;
        const at = performance.timeOrigin + performance.now();
        ${record}
      });
    }
  }).observe(document, { subtree: true, childList: true });
})();
`;
}

const STAMP_NOTES = stampEachNote(
  `chrome.storage.session.set({ [${JSON.stringify(STAMP_PREFIX)} + performance.timeOrigin + ':' + index]: { text, at } });`,
);

/** The text an empty page's stamp carries (emptyFrameFromFeed). */
const EMPTY_PAGE = 'an empty extension page';

/**
 * A copy of the built extension at `from` with the stamping sidebar, and an empty page of its own that
 * the sites may frame (`EMPTY_PAGE`, for emptyFrameFromFeed); returns its directory. The empty page is
 * one script that stamps the first frame the browser renders, the way a note is stamped; it is framed at
 * a fixed URL, which any page may load, as the copy is the bench's alone.
 */
export function stampedCopy(from: string, sites: string[]): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-stamped-'));
  cpSync(from, dir, { recursive: true });
  const first = join(dir, 'sidebar-first.js');
  writeFileSync(first, STAMP_NOTES + readFileSync(first, 'utf8'));
  writeFileSync(join(dir, 'empty.html'), '<!doctype html><script src="/empty.js"></script>');
  writeFileSync(
    join(dir, 'empty.js'),
    `requestAnimationFrame(() => {
  const at = performance.timeOrigin + performance.now();
  chrome.storage.session.set({ [${JSON.stringify(STAMP_PREFIX)} + performance.timeOrigin]: { text: ${JSON.stringify(EMPTY_PAGE)}, at } });
});
`,
  );
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.web_accessible_resources.push({ resources: ['empty.html'], matches: sites });
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Stamp {
  text: string;
  at: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * An extension page kept open to seed notes and read the stamps. It runs in the extension's process, as
 * the sidebar's frames do, so it is asked nothing while a note is on its way: the bench waits `settleMs`
 * first, then reads every half second until the note is there.
 */
export class StampReader {
  private constructor(
    private readonly browser: BareBrowser,
    private readonly session: string,
  ) {}

  static async open(browser: BareBrowser): Promise<StampReader> {
    const target = await browser.open(`chrome-extension://${browser.extensionId}/options.html`);
    await sleep(500);
    return new StampReader(browser, await browser.attach(target));
  }

  call(message: object): Promise<unknown> {
    return this.browser.evaluate(this.session, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
  }

  /** When a note with `text` was shown after the moment `after`; the stamps read are removed. */
  async noteShownAt(text: string, after: number, settleMs: number): Promise<number> {
    await sleep(settleMs);
    for (let waited = settleMs; waited < 15_000; waited += 500) {
      const stamps = await this.browser.evaluate<[string, Stamp][]>(
        this.session,
        `chrome.storage.session.get(null).then((all) => Object.entries(all).filter(([key]) => key.startsWith(${JSON.stringify(STAMP_PREFIX)})))`,
      );
      const found = stamps.find(([, stamp]) => stamp.text === text && stamp.at > after);
      if (found) {
        await this.browser.evaluate(
          this.session,
          `chrome.storage.session.remove(${JSON.stringify(stamps.map(([key]) => key))})`,
        );
        return found[1].at;
      }
      await sleep(500);
    }
    throw new Error(`The note "${text}" was not shown within 15 s`);
  }
}

/**
 * Waits until the page of `session` has loaded `url` (its load event), asking every 100 ms. A new tab
 * shows about:blank, complete, before its first navigation commits.
 */
async function loaded(browser: BareBrowser, session: string, url: string): Promise<void> {
  const check = `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`;
  for (let tries = 0; tries < 150; tries++) {
    if (await browser.evaluate<boolean>(session, check)) return;
    await sleep(100);
  }
  throw new Error('The page did not load within 15 s');
}

const PAGE_TIMES = `(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  return { html: performance.timeOrigin + entry.responseEnd, ready: performance.timeOrigin + entry.domContentLoadedEventEnd };
})()`;

/**
 * Page loads of `url`, each in a new tab, timed to `note` from the HTML's arrival and from
 * DOMContentLoaded. The page is attached to only once the note had time to show, to read its timing.
 */
export async function pageLoads(
  browser: BareBrowser,
  reader: StampReader,
  options: { url: string; note: string; runs: number; stopWorkerFirst: boolean },
): Promise<{ fromHtml: number[]; fromReady: number[] }> {
  const fromHtml: number[] = [];
  const fromReady: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    if (options.stopWorkerFirst) {
      await browser.stopWorker();
      await sleep(300);
    }
    // Node's clock and the pages' share the system's time base; a stamp of an earlier run is seconds older.
    const opened = Date.now() - 50;
    const target = await browser.open(options.url);
    const at = await reader.noteShownAt(options.note, opened, options.stopWorkerFirst ? 3_000 : 1_500);
    const session = await browser.attach(target);
    const { html, ready } = await browser.evaluate<{ html: number; ready: number }>(session, PAGE_TIMES);
    await browser.close(target);
    fromHtml.push(at - html);
    fromReady.push(at - ready);
  }
  return { fromHtml, fromReady };
}

interface FeedRuns {
  feedUrl: string;
  profilePath: string;
  note: string;
  runs: number;
}

/**
 * Runs of one way from the feed to a profile: each loads the feed in a new tab, then `go` starts the
 * navigation in the page of `session` and gives the moment it started; timed from there to the note.
 */
async function feedRuns(
  browser: BareBrowser,
  reader: StampReader,
  options: FeedRuns,
  go: (session: string) => Promise<number>,
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const target = await browser.open(options.feedUrl);
    const session = await browser.attach(target);
    await loaded(browser, session, options.feedUrl);
    const started = await go(session);
    times.push((await reader.noteShownAt(options.note, started, 1_500)) - started);
    await browser.close(target);
  }
  return times;
}

/**
 * From the feed to a profile in-app: the sidebar is made on the way. In Chrome the feed runs only the
 * site's watcher, which has the worker run the whole content script once the URL is a profile's
 * (lib/content/watch.ts), so this includes that round trip.
 */
export function fromFeed(browser: BareBrowser, reader: StampReader, options: FeedRuns): Promise<number[]> {
  return feedRuns(browser, reader, options, (session) =>
    pageNavigates(browser, session, options.profilePath),
  );
}

/**
 * The page of `session` navigates in-app to `path`, the URL first, after running `first` in the same
 * task; gives the moment it started.
 */
function pageNavigates(browser: BareBrowser, session: string, path: string, first = ''): Promise<number> {
  return browser.evaluate<number>(
    session,
    `(() => {
      const started = performance.timeOrigin + performance.now();
      ${first}
      void window.spaNavigate(${JSON.stringify(path)}, { order: 'url-first' });
      return started;
    })()`,
  );
}

/**
 * The floor under the row above: an empty extension page (stampedCopy) framed by the page at the moment
 * it starts the same navigation, to the same fixture at a path that is not a profile, so Rapport makes no
 * frame of its own meanwhile; timed to the empty page's first rendered frame. The page's own work on the
 * way (its new DOM, then a layout) is what a frame made then waits behind; the sidebar's frame adds its
 * way there (the watcher, the worker, the whole script), its per-session URL and its own page.
 */
export function emptyFrameFromFeed(
  browser: BareBrowser,
  reader: StampReader,
  options: FeedRuns,
): Promise<number[]> {
  const frameEmptyPage = `const frame = document.createElement('iframe');
      frame.src = ${JSON.stringify(`chrome-extension://${browser.extensionId}/empty.html`)};
      frame.style.cssText = 'position: fixed; top: 0; right: 0; width: ${SIDEBAR_WIDTH_PX}px; height: 100vh; border: 0';
      document.documentElement.append(frame);`;
  return feedRuns(browser, reader, { ...options, note: EMPTY_PAGE }, (session) =>
    pageNavigates(browser, session, options.profilePath, frameEmptyPage),
  );
}

/**
 * The same, as a user does it: the pointer comes to a link to the profile and rests there `hoverMs`, then
 * presses it for `pressMs` (a click), which the page routes in-app. Timed from the click, which is when
 * the navigation starts.
 */
export function fromFeedClick(
  browser: BareBrowser,
  reader: StampReader,
  options: FeedRuns & { hoverMs: number; pressMs: number },
): Promise<number[]> {
  return feedRuns(browser, reader, options, async (session) => {
    await browser.evaluate(
      session,
      `(() => {
        const link = document.createElement('a');
        link.href = ${JSON.stringify(options.profilePath)};
        link.textContent = 'Profile';
        link.style.cssText = 'position:fixed;top:0;left:0;width:200px;height:40px;z-index:2147483647;background:#fff';
        document.body.append(link);
        document.addEventListener('click', () => { window.clickAt = performance.timeOrigin + performance.now(); },
          { capture: true, once: true });
      })()`,
    );
    const mouse = (type: string) =>
      browser.send(
        'Input.dispatchMouseEvent',
        { type, x: 50, y: 20, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: 1 },
        session,
      );
    await mouse('mouseMoved');
    await sleep(options.hoverMs);
    await mouse('mousePressed');
    await sleep(options.pressMs);
    await mouse('mouseReleased');
    return browser.evaluate<number>(session, 'window.clickAt');
  });
}
