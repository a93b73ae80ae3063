import { defineContentScript } from '#imports';
import { bootContentScript } from '@/lib/content/boot';
import { facebookSite } from '@/lib/sites/facebook/site';

// The whole site. In Chrome, wxt.config.ts narrows this to page loads at profile URLs, and the rest of
// the site gets the watcher, which has the worker run this script when an in-app navigation reaches a
// profile (lib/content/script-matches.ts). The lists are set there, not here, so that they are not
// bundled into the script.
export default defineContentScript({
  matches: ['*://*.facebook.com/*'],
  runAt: 'document_start',
  main: (ctx) => bootContentScript(ctx, facebookSite),
});
