import { defineUnlistedScript } from '#imports';
import { bootWatcher } from '@/lib/content/watch-boot';
import { parseFacebookProfileUrl } from '@/lib/sites/facebook/url';

// Chrome only: the content script of Facebook's pages that are not profiles. An unlisted script, so that it
// carries none of WXT's content script runtime; wxt.config.ts lists it in the manifest, with the pages
// it runs on (lib/content/script-matches.ts).
export default defineUnlistedScript({
  include: ['chrome'],
  main: () => bootWatcher(parseFacebookProfileUrl),
});
