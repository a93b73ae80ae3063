import type { Frame, Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  launchExtension,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from '../e2e/harness';
import { spaShell } from '../e2e/spa-shell';
import { launchBare } from './bare-browser';
import { KEEP_NAMES_SHIM } from './extension-page';
import { recordResults, watchLoad } from './results';
import {
  emptyFrameFromFeed,
  fromFeed,
  fromFeedClick,
  pageLoads,
  StampReader,
  stampEachNote,
  stampedCopy,
} from './sidebar-loads';
import { type Summary, summarize } from './stats';

/**
 * Time to the sidebar, in Chromium with the built extension: from the moment the page can run scripts
 * (DOMContentLoaded; content scripts start at document_start, before it) or from an in-app navigation, to
 * the sidebar showing the person's stored note. Clocks: each frame's performance.timeOrigin + now(),
 * which share the system's time base.
 *
 * Two browsers. The rows in which the sidebar's frame is made (a page load, the feed, a click) run in a
 * browser nothing is attached to (bare-browser.ts, sidebar-loads.ts), because Playwright holds every new
 * frame until it has set it up. The in-app rows, where the frame is already there, run under Playwright,
 * which can watch the frame's heading; so does one page-load row kept as the earlier method's figure.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NOTE = 'Stored note for the benchmark';

/** What a sidebar frame logs when it shows a note, followed by the note's text. */
const NOTE_SHOWN = 'rapport-bench: note shown: ';

/**
 * Stamps, inside every sidebar frame from its first script on, each note when it is shown
 * (stampEachNote), and says so on the console.
 *
 * The bench waits for that console line instead of asking the frame: Playwright's first evaluation in a
 * frame injects its own scripts there, tens of milliseconds of compiling on the frame's main thread, which
 * landed in the middle of the sidebar's start and was counted as Rapport's. (Polling from the test before
 * that also stamped late, by up to 400 ms, a note shown before the test had found the frame.) The frame is
 * asked for its stamps only once the note is there.
 * A string, not a function: tsx would wrap a function in a helper the frame does not have.
 */
const STAMP_NOTES = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
  const shown = (globalThis.__rapportNotesShown = []);
  ${stampEachNote(`shown.push({ text, at }); console.debug(${JSON.stringify(NOTE_SHOWN)} + text);`)}
})()`;

/** Resolves when a sidebar in `page` has shown a note with `text`, without running anything in the frame. */
function noteShown(page: Page, text: string): Promise<unknown> {
  return page.waitForEvent('console', {
    predicate: (message) => message.text() === `${NOTE_SHOWN}${text}`,
    timeout: 15_000,
  });
}

/** When (in the frame's own clock) a note with `text` was put in the sidebar, after the moment `after`. */
async function noteShownAt(frame: Frame, text: string, after = 0): Promise<number> {
  const handle = await frame.waitForFunction(
    ({ text, after }) => {
      const shown = (globalThis as unknown as { __rapportNotesShown?: { text: string; at: number }[] })
        .__rapportNotesShown;
      return shown?.find((one) => one.text === text && one.at > after)?.at ?? false;
    },
    { text, after },
    { polling: 'raf', timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Starts watching the sidebar for `name` in its heading and resolves with the exact moment it rendered (a
 * MutationObserver in the frame, not polling, which would add up to a frame of its own).
 */
async function watchForName(frame: Frame, name: string): Promise<() => Promise<number>> {
  const key = `bench-name-${Math.random()}`;
  await frame.evaluate(KEEP_NAMES_SHIM);
  await frame.evaluate(
    ({ name, key }) => {
      const store = globalThis as unknown as Record<string, Promise<number>>;
      store[key] = new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector('h1')?.textContent !== name) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        check();
      });
    },
    { name, key },
  );
  return () =>
    frame.evaluate(
      (key) => (globalThis as unknown as Record<string, Promise<number>>)[key] as Promise<number>,
      key,
    );
}

/** The message that stores the benchmark's note about `id`. */
const saveNote = (id: string) => ({
  tag: 'rapport/v1',
  type: 'saveNote',
  payload: {
    ref: { network: 'linkedin', id },
    snapshot: null,
    noteId: `bench-${id}`,
    text: `${NOTE} (${id})`,
  },
});
const PEOPLE = ['jane-doe', 'rahul-mehta'];

async function seedNotes(running: RunningExtension) {
  const page = await running.context.newPage();
  await page.goto(`chrome-extension://${running.extensionId}/sidebar.html`);
  for (const id of PEOPLE) {
    await page.evaluate(
      (message) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(message),
      saveNote(id),
    );
  }
  return page;
}

/**
 * Page loads under Playwright, the way every run of this bench before 2026-12-07 timed them, including
 * Playwright's hold on the new frame: kept as one row, with no target, so each run shows that cost next
 * to the rows measured without it.
 */
async function fromPageLoadUnderPlaywright(running: RunningExtension): Promise<number[]> {
  const fromReady: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await running.context.newPage();
    const shown = noteShown(page, `${NOTE} (jane-doe)`);
    await page.goto('https://www.linkedin.com/in/jane-doe/', { waitUntil: 'domcontentloaded' });
    const ready = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return performance.timeOrigin + (entry?.domContentLoadedEventEnd ?? 0);
    });
    await shown;
    const frame = await sidebarFrame(page, running.extensionId);
    fromReady.push((await noteShownAt(frame, `${NOTE} (jane-doe)`)) - ready);
    await page.close();
  }
  return fromReady;
}

async function fromInAppNavigation(
  running: RunningExtension,
): Promise<{ toNote: number[]; domToName: number[] }> {
  const toNote: number[] = [];
  const domToName: number[] = [];
  const page = await running.context.newPage();
  await page.goto('https://www.linkedin.com/in/jane-doe/');
  const frame = await sidebarFrame(page, running.extensionId);
  await noteShownAt(frame, `${NOTE} (jane-doe)`);
  for (let run = 0; run < RUNS; run++) {
    const [path, id, name] =
      run % 2 === 0
        ? ['/in/rahul-mehta/', 'rahul-mehta', 'Rahul Mehta']
        : ['/in/jane-doe/', 'jane-doe', 'Jane Doe'];
    // URL first, the profile's DOM 200 ms later: the sidebar must not wait for the DOM to show the note,
    // and must show the name as soon as the DOM is there. Every moment is stamped where it happens.
    const nameAt = await watchForName(frame, name);
    const shown = noteShown(page, `${NOTE} (${id})`);
    const [started, domAt] = await page.evaluate(async (path) => {
      const started = performance.timeOrigin + performance.now();
      await (window as unknown as { spaNavigate(p: string, o: object): Promise<void> }).spaNavigate(path, {
        order: 'url-first',
        delayMs: 200,
      });
      return [started, performance.timeOrigin + performance.now()];
    }, path);
    await shown;
    toNote.push((await noteShownAt(frame, `${NOTE} (${id})`, started)) - started);
    domToName.push((await nameAt()) - domAt);
  }
  await page.close();
  return { toNote, domToName };
}

const loadWatch = watchLoad();
const running = await launchExtension();
await running.context.addInitScript(STAMP_NOTES);
await servePage(
  running.context,
  'https://www.linkedin.com/**',
  spaShell({
    '/feed/': 'linkedin/feed.html',
    '/in/jane-doe/': 'linkedin/profile-jane-doe.html',
    '/in/rahul-mehta/': 'linkedin/profile-rahul-mehta.html',
  }),
);
await seedNotes(running);
const navigation = await fromInAppNavigation(running);
const underPlaywright = await fromPageLoadUnderPlaywright(running);
await running.close();
removeProfile(running.userDataDir);

const stamped = stampedCopy(EXTENSION_DIR, ['https://www.linkedin.com/*']);
const shell = spaShell({
  '/feed/': 'linkedin/feed.html',
  '/in/jane-doe/': 'linkedin/profile-jane-doe.html',
  '/in/rahul-mehta/': 'linkedin/profile-rahul-mehta.html',
  // Jane's profile page at a path that is not a profile's, for the floor row (emptyFrameFromFeed).
  '/not-a-profile/jane-doe/': 'linkedin/profile-jane-doe.html',
});
const bare = await launchBare(stamped.dir, [{ prefix: 'https://www.linkedin.com/', html: shell }]);
const reader = await StampReader.open(bare);
for (const id of PEOPLE) await reader.call(saveNote(id));
const jane = { note: `${NOTE} (jane-doe)`, runs: RUNS };
const profileLoad = { ...jane, url: 'https://www.linkedin.com/in/jane-doe/' };
const feed = { ...jane, feedUrl: 'https://www.linkedin.com/feed/', profilePath: '/in/jane-doe/' };
const warm = await pageLoads(bare, reader, { ...profileLoad, stopWorkerFirst: false });
const results: Record<string, Summary> = {
  'page load (HTML arrived) → stored note shown (worker warm)': summarize(warm.fromHtml),
  'page load (DOMContentLoaded) → stored note shown (worker warm)': summarize(warm.fromReady),
  'page load (DOMContentLoaded) → stored note shown, under Playwright (earlier method)':
    summarize(underPlaywright),
  'in-app navigation → stored note shown': summarize(navigation.toNote),
  'in-app navigation from the feed → stored note shown': summarize(await fromFeed(bare, reader, feed)),
  'the same navigation, an empty extension page framed as it starts → its first frame (floor)': summarize(
    await emptyFrameFromFeed(bare, reader, { ...feed, profilePath: '/not-a-profile/jane-doe/' }),
  ),
  'a click from the feed (pressed 100 ms) → stored note shown': summarize(
    await fromFeedClick(bare, reader, { ...feed, hoverMs: 0, pressMs: 100 }),
  ),
  // How long a user rests on a link before pressing it varies; 300 ms is this bench's choice, not a
  // measured human figure. The sidebar starts 80 ms into the rest (lib/content/intent-listener.ts).
  'a click from the feed (rested on the link 300 ms, pressed 100 ms) → stored note shown': summarize(
    await fromFeedClick(bare, reader, { ...feed, hoverMs: 300, pressMs: 100 }),
  ),
  "new profile's DOM → its name in the sidebar": summarize(navigation.domToName),
};
const stopped = await pageLoads(bare, reader, { ...profileLoad, stopWorkerFirst: true });
results['page load (HTML arrived) → stored note shown (worker just stopped)'] = summarize(stopped.fromHtml);
results['page load (DOMContentLoaded) → stored note shown (worker just stopped)'] = summarize(
  stopped.fromReady,
);
await bare.quit();
stamped.remove();
const load = loadWatch.finish();
console.table(
  Object.fromEntries(
    Object.entries(results).map(([name, s]) => [
      name,
      { n: s.n, p50_ms: s.p50, p95_ms: s.p95, max_ms: s.max },
    ]),
  ),
);
// Issue 9's budgets: p50 <= 50 ms and p95 <= 100 ms with the worker warm, p95 <= 500 ms right after it stopped.
const isCold = (name: string) => name.endsWith('(worker just stopped)');
const targetOf = (name: string, s: Summary) => {
  if (name.startsWith('page load (HTML arrived)')) return { target: 'none (context for the row below)' };
  if (name.endsWith('(earlier method)'))
    return { target: 'none (the cost of Playwright’s hold on the frame)' };
  if (name.endsWith('(floor)')) return { target: 'none (the floor under the row above)' };
  return isCold(name)
    ? { target: '<= 500 ms p95', met: s.p95 <= 500 }
    : { target: '<= 100 ms p95, <= 50 ms p50', met: s.p95 <= 100 && s.p50 <= 50 };
};
recordResults(
  'sidebar',
  Object.entries(results).map(([name, s]) => ({
    figure: `${name}, p50 ${s.p50} ms`,
    value: s.p95,
    unit: 'ms p95',
    ...targetOf(name, s),
  })),
  { runs: RUNS, loadAverageDuringRun: load, results },
);
