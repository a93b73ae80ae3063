import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';
import { watcherFile } from '../../lib/content/script-files';
import type { Network } from '../../lib/sites/types';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from '../../scripts/find-chromium';

export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.RAPPORT_OUT_DIR ?? '.output',
  'chrome-mv3',
);

export interface RunningExtension {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Every request that had no fixture route: it was refused, and it should not have been made at all. */
  blocked: string[];
  worker: () => Promise<Worker>;
  /** Closes the browser; the profile directory is kept so a test can relaunch on it. */
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile directory (to test what survives a browser restart); a fresh one otherwise. */
  userDataDir?: string;
  headless?: boolean;
  /** false: the same browser without Rapport, the floor a benchmark compares against (no worker then). */
  extension?: boolean;
  /** Another unpacked extension to load instead of the built one (a benchmark's empty floor). */
  extensionDir?: string;
  /** Let Chromium keep pages in the back/forward cache (Playwright turns it off by default). */
  backForwardCache?: boolean;
  /** Allow CDP's Extensions domain (loading the extension again, as an update does: reloadExtension). */
  extensionDebugging?: boolean;
}

/** The switches every browser of the tests and benchmarks runs with (no GPU, no network of its own). */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium with the built extension loaded, on its own profile directory, offline but for our routes. */
export async function launchExtension(options: LaunchOptions = {}): Promise<RunningExtension> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING_MESSAGE);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1440, height: 900 },
    ignoreDefaultArgs: options.backForwardCache ? ['--disable-back-forward-cache'] : undefined,
    args: [
      ...CHROMIUM_SWITCHES,
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  // Nothing leaves the machine: any request without a fixture route is refused.
  const blocked: string[] = [];
  await context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const worker = async () => {
    if (!withExtension) throw new Error('This browser was launched without the extension');
    return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  };
  const extensionId = withExtension ? new URL((await worker()).url()).host : '';
  return {
    context,
    extensionId,
    userDataDir,
    blocked,
    worker,
    close: () => context.close(),
  };
}

/**
 * Loads the built extension again over the running one, as an update does: same id, the worker is told
 * `onInstalled` with reason 'update', and open pages keep the old version's content scripts. Needs
 * `extensionDebugging`. (chrome.runtime.reload() from the worker unloads the extension for good here.)
 */
export async function reloadExtension(running: RunningExtension): Promise<void> {
  const browser = running.context.browser();
  if (!browser) throw new Error('No browser to load the extension into');
  const session = await browser.newBrowserCDPSession();
  const { id } = (await session.send(
    'Extensions.loadUnpacked' as never,
    { path: EXTENSION_DIR } as never,
  )) as {
    id: string;
  };
  await session.detach();
  if (id !== running.extensionId)
    throw new Error(`The extension came back as ${id}, not ${running.extensionId}`);
}

/**
 * A copy of the built extension whose manifest holds `permission` from install instead of asking for it:
 * headless Chromium never settles an extension's permission prompt. The same code; the options page still
 * asks, and the browser answers yes at once because the permission is held. Remove the folder when done.
 */
export function extensionCopyGranting(permission: string): string {
  const copy = mkdtempSync(join(tmpdir(), `rapport-${permission}-granted-`));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    permissions: string[];
    optional_permissions?: string[];
  };
  if (!manifest.optional_permissions?.includes(permission))
    throw new Error(`The built manifest has no optional permission "${permission}"`);
  manifest.optional_permissions = manifest.optional_permissions.filter((p) => p !== permission);
  manifest.permissions = [...manifest.permissions, permission];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

export function removeProfile(userDataDir: string): void {
  rmSync(userDataDir, { recursive: true, force: true });
}

/**
 * Serves `html` at every URL matching `pattern` on the real site's URL, so content-script match
 * patterns apply unchanged. Later routes take precedence over earlier ones in Playwright.
 */
export async function servePage(
  context: BrowserContext,
  pattern: string | RegExp,
  html: string,
): Promise<void> {
  await context.route(pattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/**
 * Puts a link to `path` in the page's top left corner, over everything, where the tests and benchmarks
 * point and press with the mouse (50, 20).
 */
export function addLinkAtTopLeft(page: Page, path: string, text = 'A profile'): Promise<void> {
  return page.evaluate(
    ({ path, text }) => {
      const link = document.createElement('a');
      link.href = path;
      link.textContent = text;
      link.style.cssText =
        'position:fixed;top:0;left:0;width:200px;height:40px;z-index:2147483647;background:#fff';
      document.body.append(link);
    },
    { path, text },
  );
}

/** The sidebar's iframe (an extension page inside a closed shadow root; Playwright frames still see it). */
export async function sidebarFrame(page: Page, extensionId: string) {
  const deadline = Date.now() + 15_000;
  const ours = (candidate: Frame) => candidate.url().startsWith('chrome-extension://');
  while (Date.now() < deadline) {
    // Listen first, then look: a frame that arrives in between is caught by one or the other. (Looking
    // first used to miss it, and waited out the whole second: benchmarks counted that second.)
    const arriving = page
      .waitForEvent('framenavigated', { predicate: ours, timeout: 1_000 })
      .catch(() => null);
    const frame = page.frames().find(ours);
    if (frame) return frame;
    const arrived = await arriving;
    if (arrived) return arrived;
  }
  throw new Error(`No Rapport sidebar frame (extension ${extensionId}) appeared on ${page.url()}`);
}

/**
 * Resolves once `frame` has rendered two frames. Chromium sends a click into a frame of another process
 * (the sidebar) by the hit-test data that frame hands over with what it renders, and until it has, a
 * click on it goes to the page: a click sent the moment the sidebar's first button existed reached the
 * host element instead, in 1 of 2 to 6 runs of tests/e2e/layout.test.ts. A person cannot click that
 * soon after the sidebar appears; a test must wait until it has been shown.
 */
export async function shown(frame: Frame): Promise<void> {
  await frame.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Stops the extension's service worker the way the browser does when it is idle or under memory
 * pressure (CDP Target.closeTarget). The next message to the background starts it again.
 */
export async function killServiceWorker(running: RunningExtension, page: Page): Promise<boolean> {
  const session = await running.context.newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (target) =>
        target.type === 'service_worker' &&
        target.url.startsWith(`chrome-extension://${running.extensionId}/`),
    );
    if (!worker) return false;
    const { success } = (await session.send('Target.closeTarget', { targetId: worker.targetId })) as {
      success: boolean;
    };
    return success;
  } finally {
    await session.detach();
  }
}

/**
 * The URLs of the scripts `page` parses from now on, content scripts included, from the debugger: which
 * of Rapport's scripts a page ran. The list grows as the page goes on.
 */
export async function recordParsedScripts(running: RunningExtension, page: Page): Promise<string[]> {
  const cdp = await running.context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => parsed.push(url));
  await cdp.send('Debugger.enable');
  return parsed;
}

/**
 * Loads `url`, a page of `network`'s site that is not a profile, and returns once the site's watcher has
 * run there: it starts once the page is parsed (lib/content/script-matches.ts), so a test that points at
 * a link right after the load could otherwise come first. Gives the scripts parsed in the page from the
 * load on (recordParsedScripts), for a test that looks for more of them.
 */
export async function loadWithWatcher(
  running: RunningExtension,
  page: Page,
  url: string,
  network: Network,
): Promise<string[]> {
  const parsed = await recordParsedScripts(running, page);
  await page.goto(url);
  const watcher = `chrome-extension://${running.extensionId}/${watcherFile(network)}`;
  for (let waited = 0; !parsed.includes(watcher); waited += 20) {
    if (waited > 5_000) throw new Error(`The watcher did not run on ${url} within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return parsed;
}

/** A new tab showing one of the extension's own pages ('options.html', 'popup.html', ...). */
export async function openExtensionPage(running: RunningExtension, path: string): Promise<Page> {
  const page = await running.context.newPage();
  await page.goto(`chrome-extension://${running.extensionId}/${path}`);
  return page;
}

/**
 * Sends one message to the worker from an extension page, as the UI does, and returns its value; a
 * refusal throws with the worker's error.
 */
export async function callRapport<T>(page: Page | Frame, type: string, payload: unknown): Promise<T> {
  const answer = (await page.evaluate(
    ({ type, payload }) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ tag: 'rapport/v1', type, payload }),
    { type, payload },
  )) as { ok: boolean; value: T; error?: unknown };
  if (!answer.ok) throw new Error(`${type}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** What a content script reports for a LinkedIn profile it read (a person added from it is named so). */
export function linkedInSnapshot(id: string, name: string) {
  return {
    network: 'linkedin',
    id,
    url: `https://www.linkedin.com/in/${id}/`,
    name,
    headline: null,
    avatarUrl: null,
  };
}
