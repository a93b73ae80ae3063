import { defineUnlistedScript } from '#imports';
import { bootWatcher } from '@/lib/content/watch-boot';
import { parseXProfileUrl } from '@/lib/sites/x/url';

// Chrome only: the content script of X's pages that are not profiles. An unlisted script, so that it
// carries none of WXT's content script runtime; wxt.config.ts lists it in the manifest, with the pages
// it runs on (lib/content/script-matches.ts).
export default defineUnlistedScript({
  include: ['chrome'],
  main: () => bootWatcher(parseXProfileUrl),
});
