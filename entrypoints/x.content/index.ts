import { defineContentScript } from '#imports';
import { bootContentScript } from '@/lib/content/boot';
import { xSite } from '@/lib/sites/x/site';

// The whole site, not only profile paths: an in-app navigation from the feed to a profile never
// injects a script that matches only profile URLs.
export default defineContentScript({
  matches: ['*://x.com/*', '*://*.x.com/*', '*://twitter.com/*', '*://*.twitter.com/*'],
  runAt: 'document_start',
  main: (ctx) => bootContentScript(ctx, xSite),
});
