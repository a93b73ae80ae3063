import { readerStarted, startReaderRequest } from '@/lib/protocol/content-messages';
import { markProfileIntent } from './intent';
import { type ProfileWatchOptions, watchForProfile } from './watch';

interface NativeRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * Chrome's own runtime, reached only when a message goes out: the watcher is Chrome's alone, and touching
 * the extension API makes Chromium build its bindings in the page's isolated world, a cost of its own
 * (about 1.5 ms a page on the sites' heavy fixtures).
 */
const runtime = () => (globalThis as unknown as { chrome: { runtime: NativeRuntime } }).chrome.runtime;

/**
 * A site's watcher script (entrypoints/<network>-watch.ts): the site's profile URL parser, two listeners
 * (navigation, and a press on a link to a profile) and one message, with neither WXT's content script
 * context (its start-up announcement to other copies alone cost about 2 ms a page) nor the browser API
 * until a profile is reached. It reads no storage and mounts nothing.
 */
export function bootWatcher(parseProfile: ProfileWatchOptions['parseProfile']): void {
  watchForProfile({
    parseProfile,
    startReader: async (url) => readerStarted(await runtime().sendMessage(startReaderRequest(url))),
    markIntent: markProfileIntent,
  });
}
