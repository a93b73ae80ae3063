import { defineContentScript } from '#imports';
import { bootContentScript } from '@/lib/content/boot';
import { facebookSite } from '@/lib/sites/facebook/site';

// The whole site, not only profile paths: an in-app navigation from the feed to a profile never
// injects a script that matches only profile URLs.
export default defineContentScript({
  matches: ['*://*.facebook.com/*'],
  runAt: 'document_start',
  main: (ctx) => bootContentScript(ctx, facebookSite),
});
