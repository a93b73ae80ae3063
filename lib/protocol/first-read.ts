import { FIRST_READS_SLOT, wireRequest } from '@/lib/protocol/wire';

/**
 * A page's first question to the worker, sent by a small script of its own (`sidebar-first.js`,
 * `popup-first.js`) the moment the page starts, and taken by the page's bundle when it has loaded.
 *
 * Why a script of its own: an extension page's bundle is a module, which runs only once it and every
 * chunk it imports have loaded and been evaluated, each file a round trip through the browser process.
 * Sent from there, the round trip to the worker came after all of that. This script is tiny, classic and
 * listed before the bundle, so the question is on its way while the bundle still loads, and the answer is
 * usually there when the bundle starts. The bundle checks the answer like any other (lib/protocol/client.ts
 * acceptAnswer).
 *
 * No polyfill here, on purpose (it is most of what such a script would weigh): Chrome's and Firefox's
 * own runtime.sendMessage and tabs.query return promises.
 */
export interface FirstRead<R> {
  /** What was asked (it may take a moment to know: the popup's tab). */
  request: Promise<R>;
  /** The worker's answer, unchecked. */
  sent: Promise<unknown>;
}

/** Where the first reads wait for the bundle (which takes them with client.ts takeFirstRead). */
export type FirstReadSlots = { [FIRST_READS_SLOT]?: Record<string, FirstRead<unknown>> };
interface NativeApi {
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
  tabs?: { query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
}

function nativeApi(): NativeApi | null {
  const api = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
  return api.browser?.runtime ? api.browser : api.chrome?.runtime ? api.chrome : null;
}

/** Sends `type` with `request` (or what it resolves to) and keeps the answer for the page's bundle. */
export function sendFirstRead<R>(type: string, request: R | Promise<R>): void {
  const api = nativeApi();
  if (!api?.runtime) return;
  const { runtime } = api;
  const asked = Promise.resolve(request);
  // A throw inside `then` (an extension reloaded under the page) becomes a rejection of `sent`.
  const sent = asked.then((payload) => runtime.sendMessage(wireRequest(type, payload)));
  // Marked as handled: the bundle takes the answer (or the failure) later, and reports it then.
  asked.catch(() => undefined);
  sent.catch(() => undefined);
  const slot = globalThis as FirstReadSlots;
  slot[FIRST_READS_SLOT] = { ...slot[FIRST_READS_SLOT], [type]: { request: asked, sent } };
}

/**
 * The tab the toolbar popup describes: the one its address names (`addressedTabId`), or the active tab
 * of its window; null when there is none.
 */
export async function popupTabId(hash: string, tabs = nativeApi()?.tabs): Promise<number | null> {
  return addressedTabId(hash) ?? activeTabId(tabs);
}

/** `#tab=<id>` in the popup's address (tests open the popup as a page); undefined when there is none. */
export function addressedTabId(hash: string): number | undefined {
  const fixed = /^#tab=(\d+)$/.exec(hash)?.[1];
  return fixed === undefined ? undefined : Number(fixed);
}

/** The active tab of the popup's window, null when there is none (also used by the popup's bundle). */
export async function activeTabId(tabs: NativeApi['tabs']): Promise<number | null> {
  try {
    const [tab] = (await tabs?.query({ active: true, currentWindow: true })) ?? [];
    return tab?.id ?? null;
  } catch {
    return null;
  }
}
