import type { Site } from '@/lib/sites/site';
import { watchUrl } from './navigation';

/** What the watcher needs of a site: its URLs only, none of its page readers. */
export type SiteUrls = Pick<Site, 'network' | 'isSite' | 'parseProfile'>;

export interface ProfileWatchOptions {
  site: SiteUrls;
  /** Asks the worker to run the site's whole content script in this tab; resolves true when it did. */
  startReader: (url: string) => Promise<boolean>;
  /** Subscribes to URL changes where the Navigation API is missing. */
  fallbackNavigation?: (emit: () => void) => void;
}

/**
 * The content script of a site's pages that are not profiles, in Chrome (issue #9: at most 5 ms of script
 * on such a page load). It carries only the site's URL parser and a navigation listener, and says
 * nothing to the worker until a profile is reached: the worker checks a tab's URL before it answers
 * which profile the tab shows (lib/platform/tab-profiles.ts). The manifest gives page loads at profile
 * URLs the whole content script directly; here, when an in-app navigation reaches a profile, the worker
 * runs the whole script in this tab, which then owns navigation, and this one stops listening. If the
 * worker could not run it, this one keeps listening and asks again at the next profile URL.
 */
export function watchForProfile(options: ProfileWatchOptions): void {
  const { site } = options;
  const life = new AbortController();
  let starting = false;
  watchUrl(
    (url) => {
      if (starting || life.signal.aborted) return;
      if (!site.isSite(url) || site.parseProfile(url) === null) return;
      starting = true;
      options
        .startReader(url)
        .then((started) => {
          if (started) life.abort();
        }, warn)
        .finally(() => {
          starting = false;
        });
    },
    { signal: life.signal, fallback: options.fallbackNavigation },
  );
}

function warn(error: unknown): void {
  // Rapport was updated or turned off under this page, or the worker could not run the script.
  console.warn('Rapport: could not reach the background', error);
}
