import type { Runtime } from 'webextension-polyfill';
import { browser } from '#imports';
import { TAB_REPORTS_PORT } from '@/lib/protocol/content-messages';

/** Where the whole script sends each report besides the worker: the ports its tab's views opened. */
export interface ViewPorts {
  post(message: unknown): void;
}

/**
 * The tab's in-page sidebar connects to this script (`tabs.connect`, lib/protocol/tab-reports.ts) and
 * hears each report over that port first. A runtime message reaches it too, but Chrome opens a channel
 * to every extension context for each one, 10 to 20 ms from send to arrival on a busy page (issue #3: the
 * new profile's name within one frame of its DOM). Only Rapport's own pages can connect (the page's
 * scripts cannot reach the extension's ports at all); the port closes with this script's life.
 */
export function listenForViews(signal: AbortSignal): ViewPorts {
  const ports = new Set<Runtime.Port>();
  const onConnect = (port: Runtime.Port) => {
    if (port.name !== TAB_REPORTS_PORT || port.sender?.id !== browser.runtime.id) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener(
    'abort',
    () => {
      ports.clear();
      // When this script ends because Rapport was updated or turned off, its extension context is gone:
      // the API throws, and the listener and ports went with the context anyway.
      try {
        browser.runtime.onConnect.removeListener(onConnect);
      } catch {}
    },
    { once: true },
  );
  return {
    post(message) {
      for (const port of ports) {
        try {
          port.postMessage(message);
        } catch {
          // Closed on the other side in the meantime (the sidebar went): the runtime message still goes.
          ports.delete(port);
        }
      }
    },
  };
}
