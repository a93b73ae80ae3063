import { defineUnlistedScript } from '#imports';
import { markShownInPage } from '@/lib/content/page-mark';

// Chrome only: registered by the worker on the profile pages of each site set to show Rapport in the
// page (lib/platform/page-marks.ts), so the whole content script knows it may make the sidebar at once.
// An unlisted script: no manifest entry, none of WXT's content script runtime.
export default defineUnlistedScript({
  include: ['chrome'],
  main: markShownInPage,
});
