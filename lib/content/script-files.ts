import type { Network } from '@/lib/sites/types';

// The built files of each site's two content scripts. Apart from the match lists (script-matches.ts), so
// that the worker, which runs the whole script on demand, does not carry those lists.

/** A site's whole content script (WXT names it after `entrypoints/<network>.content`). */
export const readerScriptFile = (network: Network) => `content-scripts/${network}.js`;

/** A site's watcher (entrypoints/<network>-watch.ts, an unlisted script). */
export const watcherFile = (network: Network) => `${network}-watch.js`;
