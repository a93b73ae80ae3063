import type { Runtime } from 'webextension-polyfill';
import { browser } from '#imports';
import { PROTOCOL_TAG } from './wire';

// The worker tells its own pages (sidebars, side panel, popup) that stored data changed, so a view open
// in one place follows a write made in another: the popup's "Done" shows up in the sidebar's log, and a
// view that was read just before a write commits reads it again. Content scripts never receive it
// (runtime messages from the worker reach extension pages only), and it carries no data, only the news.

const TYPE = 'dataChanged';
/** Writes come in bursts (autosave, an import); views hear about a burst once. */
const COALESCE_MS = 150;

/** The worker's side: call after each committed write; returns at most one message per burst. */
export function dataChangeAnnouncer(): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      // Rejected when no page is open to hear it: nothing to do then.
      browser.runtime.sendMessage({ tag: PROTOCOL_TAG, type: TYPE }).catch(() => undefined);
    }, COALESCE_MS);
  };
}

/** Whether a message is the worker's news of a change (from this extension, not from any tab). */
export function isDataChanged(
  message: unknown,
  sender: Pick<Runtime.MessageSender, 'id' | 'tab'>,
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || sender.tab !== undefined) return false;
  if (typeof message !== 'object' || message === null) return false;
  const { tag, type } = message as { tag?: unknown; type?: unknown };
  return tag === PROTOCOL_TAG && type === TYPE;
}

/** A page's side: calls `onChange` on each announcement; returns the unsubscribe. */
export function onDataChanged(onChange: () => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (isDataChanged(message, sender, browser.runtime.id)) onChange();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
