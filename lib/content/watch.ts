import type { Site } from '@/lib/sites/site';
import { listenForProfileIntent } from './intent-listener';
import { watchUrl } from './navigation';

export interface ProfileWatchOptions {
  /**
   * The site's profile URL parser, none of its page readers. It also answers null for any other site's
   * URL (the URL table checks look-alike hosts), so no separate site check parses each URL again.
   */
  parseProfile: Site['parseProfile'];
  /** Asks the worker to run the site's whole content script in this tab; resolves true when it did. */
  startReader: (url: string) => Promise<boolean>;
  /** Tells the whole script, before it starts, that a profile is about to open (lib/content/intent.ts). */
  markIntent?: () => void;
  /** Subscribes to URL changes where the Navigation API is missing. */
  fallbackNavigation?: (emit: () => void) => void;
}

/**
 * The content script of a site's pages that are not profiles, in Chrome (issue #9: at most 5 ms of script
 * on such a page load). It carries only the site's URL parser and two listeners, and says nothing to the
 * worker until a profile is near: the worker checks a tab's URL before it answers which profile the tab
 * shows (lib/platform/tab-profiles.ts). The manifest gives page loads at profile URLs the whole content
 * script directly; here the worker runs it in this tab when an in-app navigation reaches a profile, or
 * earlier, when the user shows they are about to open one (the pointer resting on a link to it, a press,
 * the keyboard's focus: intent-listener.ts), which the whole script uses to start loading the sidebar,
 * hidden. The whole script then owns navigation, and this one stops listening. If the worker could not
 * run it, this one keeps listening and asks again at the next profile.
 */
export function watchForProfile(options: ProfileWatchOptions): void {
  const life = new AbortController();
  let starting = false;
  const isProfile = (url: string) => options.parseProfile(url) !== null;
  const start = (url: string) => {
    starting = true;
    options
      .startReader(url)
      .then((started) => {
        if (started) life.abort();
      }, warn)
      .finally(() => {
        starting = false;
      });
  };
  watchUrl(
    (url) => {
      if (!starting && !life.signal.aborted && isProfile(url)) start(url);
    },
    { signal: life.signal, fallback: options.fallbackNavigation },
  );
  listenForProfileIntent(
    isProfile,
    (url) => {
      if (starting) return;
      options.markIntent?.();
      start(url);
    },
    life.signal,
  );
}

function warn(error: unknown): void {
  // Rapport was updated or turned off under this page, or the worker could not run the script.
  console.warn('Rapport: could not reach the background', error);
}
