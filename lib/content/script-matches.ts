import type { Network } from '@/lib/sites/types';
import { readerScriptFile, watcherFile } from './script-files';

// Where each site's two content scripts run (issue #9: at most 5 ms of script on a page that is not a
// profile). In Chrome, a page load at a profile URL gets the whole script (it reads the page and mounts
// the sidebar from document_start); every other page of the site gets the watcher, which carries only the
// site's URL parser and asks the worker for the whole script when an in-app navigation reaches a profile
// (lib/content/watch.ts). The two sets split the site exactly: the watcher's `matches` are the whole
// script's `exclude_matches`, or the other way round (splitSite). Firefox, where the worker cannot run a script in a
// tab without host permissions that Rapport does not ask for there, runs the whole script everywhere.
//
// Matching only decides which script starts the page, not who is a profile: a profile URL that lands on
// the watcher (an X handle that looks like none of these, say) still gets the whole script, a moment
// later. So the lists are the sites' busiest pages that are not profiles, and need not be complete.

/** A manifest entry's patterns. */
export interface ScriptMatches {
  matches: string[];
  excludeMatches?: string[];
}

export interface SiteScriptMatches {
  /** Chrome: where the whole script runs from the page load. */
  profilePages: ScriptMatches;
  /** Chrome: where only the watcher runs. */
  watcher: ScriptMatches;
}

/**
 * The two scripts' patterns from one list, so that they always split the site exactly: a site is split
 * by its profile pages (LinkedIn) or by its busiest pages that are not profiles (X, Facebook).
 */
function splitSite(
  site: string[],
  by: { profiles: string[] } | { notProfiles: string[] },
): SiteScriptMatches {
  return 'profiles' in by
    ? { profilePages: { matches: by.profiles }, watcher: { matches: site, excludeMatches: by.profiles } }
    : {
        profilePages: { matches: site, excludeMatches: by.notProfiles },
        watcher: { matches: by.notProfiles },
      };
}

/** `/<segment>`, `/<segment>/...` and `/<segment>?...` on each host: the segment exactly, not a prefix. */
function segments(hosts: string[], names: string[]): string[] {
  return hosts.flatMap((host) =>
    names.flatMap((name) => [`*://${host}/${name}`, `*://${host}/${name}/*`, `*://${host}/${name}?*`]),
  );
}

const LINKEDIN_ALL = ['*://*.linkedin.com/*'];
/**
 * Member profiles are /in/<slug>, also on the lite mobile site (lib/sites/linkedin/url.ts). Paths match
 * case-sensitively: the capitalized form LinkedIn's own links use sometimes is listed too; any other
 * capitalization starts with the watcher.
 */
const LINKEDIN_PROFILES = [
  '*://*.linkedin.com/in/*',
  '*://*.linkedin.com/IN/*',
  '*://*.linkedin.com/mwlite/in/*',
];

// `*.x.com` also matches x.com itself.
const X_HOSTS = ['*.x.com', '*.twitter.com'];
const X_ALL = X_HOSTS.map((host) => `*://${host}/*`);
const X_NOT_PROFILES = [
  // The signed-out landing page.
  ...X_HOSTS.map((host) => `*://${host}/`),
  // Reserved first segments that people open most (lib/sites/x/url.ts has them all).
  ...segments(X_HOSTS, [
    'home',
    'explore',
    'i',
    'notifications',
    'messages',
    'search',
    'settings',
    'compose',
  ]),
  // A post: its author is not the page's subject.
  ...X_HOSTS.map((host) => `*://${host}/*/status/*`),
];

const FACEBOOK_HOSTS = ['*.facebook.com'];
const FACEBOOK_ALL = ['*://*.facebook.com/*'];
const FACEBOOK_NOT_PROFILES = [
  // The news feed.
  '*://*.facebook.com/',
  '*://*.facebook.com/?*',
  ...segments(FACEBOOK_HOSTS, [
    'home.php',
    'groups',
    'watch',
    'marketplace',
    'events',
    'gaming',
    'reel',
    'reels',
    'stories',
    'notifications',
    'messages',
    'friends',
    'search',
    'saved',
    'hashtag',
    'login',
    'photo',
    'photo.php',
    'permalink.php',
    'story.php',
  ]),
  // A post on someone's timeline.
  '*://*.facebook.com/*/posts/*',
];

export const SCRIPT_MATCHES: Record<Network, SiteScriptMatches> = {
  linkedin: splitSite(LINKEDIN_ALL, { profiles: LINKEDIN_PROFILES }),
  x: splitSite(X_ALL, { notProfiles: X_NOT_PROFILES }),
  facebook: splitSite(FACEBOOK_ALL, { notProfiles: FACEBOOK_NOT_PROFILES }),
};

const NETWORKS = Object.keys(SCRIPT_MATCHES) as Network[];

/** The manifest's entry of one content script, as far as this goes. */
interface ManifestContentScript {
  js?: string[];
  matches?: string[];
  exclude_matches?: string[];
  run_at?: string;
}

/**
 * The watcher starts once the page is parsed (Chromium: at most about 200 ms after DOMContentLoaded, or
 * at its load), in a task of its own. At document_start it ran inside the page's parsing task, and its
 * 1.7 ms there made that task long in 1 of 30 loads of X's heavy page with a feed changing every 16 ms
 * (issue #9: no long task on a page that is not a profile). It reads the URL when it starts, so an
 * in-app navigation to a profile meanwhile is still caught; a pointer resting on a link in those moments
 * is not heard (the sidebar then starts at the press or the navigation instead).
 */
const WATCHER_RUN_AT = 'document_idle';

/**
 * A Chrome manifest's content scripts (wxt.config.ts): each site's whole script narrowed to its profile
 * pages, and the site's watcher on the rest. Done on the manifest rather than in the entrypoints, so
 * that these lists are not bundled into the scripts, and the watchers are unlisted scripts, which carry
 * none of WXT's content script runtime. WXT lists scripts with the same options in one entry, so each
 * site script gets an entry of its own.
 */
export function narrowSiteScripts<T extends ManifestContentScript>(scripts: T[]): T[] {
  return scripts.flatMap((script) => {
    const files = script.js ?? [];
    const networkOf = (file: string) => NETWORKS.find((network) => readerScriptFile(network) === file);
    const others = files.filter((file) => !networkOf(file));
    const { exclude_matches: _replaced, ...options } = script;
    const narrowed = files.flatMap((file) => {
      const network = networkOf(file);
      if (!network) return [];
      const { profilePages, watcher } = SCRIPT_MATCHES[network];
      const entry = (js: string, set: ScriptMatches) =>
        ({
          ...options,
          js: [js],
          matches: set.matches,
          ...(set.excludeMatches ? { exclude_matches: set.excludeMatches } : {}),
        }) as T;
      return [entry(file, profilePages), { ...entry(watcherFile(network), watcher), run_at: WATCHER_RUN_AT }];
    });
    return others.length > 0 ? [{ ...script, js: others }, ...narrowed] : narrowed;
  });
}
