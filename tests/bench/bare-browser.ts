import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from '../../scripts/find-chromium';
import { CHROMIUM_SWITCHES } from '../e2e/harness';

/**
 * Chromium with an unpacked extension, driven over its own DevTools pipe, with nothing attached to a page
 * while it loads or makes frames: for the benchmark rows that time the sidebar's frame being made.
 *
 * Why not Playwright for those: Playwright attaches to every page and frame as it starts, and has
 * Chromium hold each new frame until Playwright has set it up over CDP (waitForDebuggerOnStart). The
 * sidebar is a frame of another process, so every page load, and every press from the feed, waited for
 * that handshake with Node: 40 to 70 ms of the time to the note at p50 on this machine (2026-12-07, three
 * alternating rounds of 12 page loads each way, the same build), which no user's browser spends. Here a
 * page is attached to only to drive or read it, and CDP's plain attach holds nothing.
 *
 * Pages of the sites are served from fixtures through the browser-wide Fetch domain, as the tests'
 * context.route does; every other request is refused.
 */
export interface BareBrowser {
  extensionId: string;
  send<T = unknown>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** A new tab at `url` (its target id), attached to by nothing. */
  open(url: string): Promise<string>;
  /** A session on `targetId`, to drive or read it. */
  attach(targetId: string): Promise<string>;
  /** The value of `expression` in the page of `sessionId` (promises awaited). */
  evaluate<T>(sessionId: string, expression: string): Promise<T>;
  close(targetId: string): Promise<void>;
  /** Stops the extension's service worker as the browser does when idle (Target.closeTarget). */
  stopWorker(): Promise<boolean>;
  quit(): Promise<void>;
}

export interface FixtureRoute {
  /** Every URL starting with this is answered with `html`. */
  prefix: string;
  html: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function launchBare(extensionDir: string, routes: FixtureRoute[]): Promise<BareBrowser> {
  const executable = findChromium();
  if (!executable) throw new Error(CHROMIUM_MISSING_MESSAGE);
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bare-'));
  // The same switches as the tests' launch (tests/e2e/harness.ts), and its 1440 × 900 viewport.
  const child: ChildProcess = spawn(
    executable,
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      ...CHROMIUM_SWITCHES,
      '--window-size=1440,900',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as NodeJS.WritableStream;
  const fromBrowser = child.stdio[4] as NodeJS.ReadableStream;
  const waiting = new Map<number, (message: Message) => void>();
  let lastId = 0;
  let buffered = '';

  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, (message) =>
        message.error
          ? reject(new Error(`${method}: ${message.error.message}`))
          : resolve(message.result as T),
      );
      // The pipe's framing: one JSON message per NUL-terminated record.
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });

  const serve = (message: Message) => {
    const params = message.params as { requestId: string; request: { url: string } };
    const route = routes.find((candidate) => params.request.url.startsWith(candidate.prefix));
    const answer = route
      ? send('Fetch.fulfillRequest', {
          requestId: params.requestId,
          responseCode: 200,
          responseHeaders: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
          body: Buffer.from(route.html).toString('base64'),
        })
      : send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'BlockedByClient' });
    answer.catch(() => undefined); // The page may be gone by then.
  };

  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      const answer = message.id === undefined ? undefined : waiting.get(message.id);
      if (answer && message.id !== undefined) {
        waiting.delete(message.id);
        answer(message);
      } else if (message.method === 'Fetch.requestPaused') serve(message);
    }
  });

  await send('Fetch.enable', { patterns: [{ urlPattern: 'http*' }] });
  const workerTarget = async () => {
    const { targetInfos } = await send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    return targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'),
    );
  };
  let extensionId = '';
  for (let tries = 0; tries < 150 && !extensionId; tries++) {
    const worker = await workerTarget();
    if (worker) extensionId = new URL(worker.url).host;
    else await sleep(100);
  }
  if (!extensionId) throw new Error('The extension did not start in the bare browser');

  return {
    extensionId,
    send,
    async open(url) {
      return (await send<{ targetId: string }>('Target.createTarget', { url })).targetId;
    },
    async attach(targetId) {
      return (await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true }))
        .sessionId;
    },
    async evaluate<T>(sessionId: string, expression: string) {
      const { result, exceptionDetails } = await send<{
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (exceptionDetails) {
        throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      }
      return result.value;
    },
    async close(targetId) {
      await send('Target.closeTarget', { targetId });
    },
    async stopWorker() {
      const worker = await workerTarget();
      if (!worker) return false;
      return (await send<{ success: boolean }>('Target.closeTarget', { targetId: worker.targetId })).success;
    },
    async quit() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
      // Chromium's helpers may still be writing the profile for a moment after the browser exits.
      for (let tries = 0; tries < 20; tries++) {
        try {
          rmSync(profile, { recursive: true, force: true });
          return;
        } catch {
          await sleep(100);
        }
      }
    },
  };
}
