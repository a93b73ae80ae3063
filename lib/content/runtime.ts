import { DEFAULT_LAYOUT, type DisplayMode, type SidebarLayout } from '@/lib/platform/site-preferences';
import { readSiteProfile, type Site, siteDomMatches } from '@/lib/sites/site';
import type { ProfileRef, ProfileSnapshot } from '@/lib/sites/types';
import { listenForProfileIntent } from './intent-listener';
import { spacedReads, withLateDetails } from './late-details';
import { watchUrl } from './navigation';
import { createSidebarFrame, type SidebarFrame } from './sidebar-frame';
import { waitFor, watchDom } from './wait-for';

/** Whether the page's details were read; the URL identity is known either way. */
export type PageDetails = 'reading' | 'read' | 'unreadable';

/** How long to wait for a profile's DOM after a navigation before settling for the URL identity alone. */
const PROFILE_DOM_TIMEOUT_MS = 8_000;
/** While a page is still being parsed, its profile's name is looked for at most this often (wait-for.ts). */
const PARSING_CHECK_MS = 50;
/**
 * How long after the name was read a headline or photo that shows up later is still picked up. Pages
 * render the name first: the parser of a page still loading (always followed, however long), or a site's
 * app filling the profile in parts. Bounded, because each check reads the page while its timeline ticks.
 */
const LATE_DETAILS_WINDOW_MS = 3_000;
/**
 * Within that window, the gaps between two looks for late details: from the first to the last, doubling
 * (late-details.ts spacedReads). A detail that appears during a gap is read when the gap ends.
 */
const LATE_READ_GAPS_MS = { first: 100, max: 800 };
/**
 * How long a sidebar made ahead of a profile (the user about to open one: intent-listener.ts) waits for
 * it after the last such sign. A pointer that rested on a name and moved on, a press dragged away, a
 * navigation the page cancelled, would otherwise leave a hidden extension frame in the page for as long as
 * it is open; while the user keeps pointing at people, it stays.
 */
export const WARM_FRAME_KEPT_MS = 10_000;
/**
 * After an in-app navigation to a profile from a page without the sidebar, the sidebar shows over the
 * page at once, and the page is narrowed to make room for it when the profile's content is there: the
 * site then lays out the profile once, at its final width, rather than laying out the page it is leaving
 * once more first (the page-cost bench's Facebook page, 6,000 elements: 29 ms less layout). This is as long
 * as it waits for that content before making room anyway. Leaving a profile in-app is the same the other
 * way round: the sidebar goes at once, and the page keeps its room until the profile's content is gone.
 */
export const ROOM_WAIT_MAX_MS = 1_000;

export interface ContentRuntimeOptions {
  /** This content script's site: only its own network's URLs and page readers are bundled. */
  site: Site;
  signal: AbortSignal;
  sidebarUrl: string;
  report: (snapshot: ProfileSnapshot | null, details: PageDetails) => Promise<void>;
  /** Whether the user wants Rapport in the page ('page') or in the browser's side panel ('panel'). */
  displayMode: DisplayMode;
  watchDisplayMode: (onChange: (mode: DisplayMode) => void) => void;
  /**
   * The sidebar's layout on this site (collapsed, side), which the sidebar itself changes. Null while
   * only the page mark has spoken (boot.ts): the sidebar is made hidden, and shown when a layout arrives.
   */
  layout: SidebarLayout | null;
  watchLayout: (onChange: (layout: SidebarLayout) => void) => void;
  /** Subscribes to URL changes where the Navigation API is missing. */
  fallbackNavigation?: (emit: () => void) => void;
  /**
   * The user was about to open a profile from a page that is not one when the watcher started this script
   * (lib/content/watch.ts): the sidebar is made at once, hidden, so that its page has loaded by the time
   * the profile shows. Loading it takes most of the time from the navigation to the note
   * (tests/bench/sidebar.ts). Later signs of intent are heard here (intent-listener.ts).
   */
  warm?: boolean;
}

/**
 * The one loop that owns in-app navigation on a site: for each URL it decides whether this is a
 * profile, aborts whatever the previous URL started, reports the profile to the background (the URL
 * identity at once, the page's name and headline when the profile's DOM shows up) and shows or hides
 * the sidebar.
 */
export function startContentRuntime(options: ContentRuntimeOptions): void {
  const { site } = options;
  let frame: SidebarFrame | null = null;
  let current: AbortController | null = null;
  // Undefined until the first URL: a page load that is not a profile is reported too, because the worker
  // still holds the profile the tab showed before it.
  let currentKey: string | null | undefined;
  let mode = options.displayMode;
  let layout = options.layout;
  let onProfile = false;
  // While a sign of intent keeps a sidebar ready (warmUp): the timer that removes it unless a profile came.
  let warmExpiry: ReturnType<typeof setTimeout> | undefined;
  let frameShown = false;
  // Set while an in-app navigation's sidebar sits over the page, waiting for the profile, and while a
  // profile just left keeps its room (ROOM_WAIT_MAX_MS).
  let roomWaits = false;
  let roomKept = false;
  // What updateFrame last did: showed the sidebar on a profile with the page narrowed for it.
  let shownWithRoom = false;
  let currentRef: ProfileRef | null = null;

  // In side-panel mode nothing is added to the page; the profile is still reported for the panel.
  const updateFrame = () => {
    shownWithRoom = false;
    if (onProfile && mode === 'page') {
      frame ??= createSidebarFrame(
        options.sidebarUrl,
        layout ?? DEFAULT_LAYOUT,
        layout !== null && !roomWaits,
      );
      if (layout === null) return;
      frame.show(roomWaits);
      frameShown = true;
      shownWithRoom = !roomWaits;
    } else if (warmExpiry !== undefined && mode === 'page' && frame === null) {
      frame = createSidebarFrame(options.sidebarUrl, layout ?? DEFAULT_LAYOUT, false);
    } else if (mode === 'panel' && !frameShown) {
      // Made on the page mark's word, which storage contradicts (the user switched to the side panel
      // just now): the page gets nothing, as if it had never been made.
      frame?.remove();
      frame = null;
    } else {
      // Hidden, not removed: the sidebar still gets to save what the user was typing, and the next
      // profile shows without reloading it.
      frame?.hide(roomKept);
    }
  };
  /**
   * The user is about to open a profile: make the sidebar, hidden, unless there is one already, and keep
   * it WARM_FRAME_KEPT_MS from now. Once shown it stays, hidden off profiles (it may still be saving what
   * the user typed), so a sign of intent then changes nothing.
   */
  const warmUp = () => {
    if (frameShown || onProfile) return;
    clearTimeout(warmExpiry);
    warmExpiry = setTimeout(() => {
      warmExpiry = undefined;
      if (frame !== null && !frameShown && !onProfile) {
        frame.remove();
        frame = null;
      }
    }, WARM_FRAME_KEPT_MS);
    updateFrame();
  };
  options.watchDisplayMode((next) => {
    mode = next;
    updateFrame();
  });
  options.watchLayout((next) => {
    const first = layout === null;
    layout = next;
    frame?.layout(next);
    if (first) updateFrame();
  });

  const send = async (snapshot: ProfileSnapshot | null, details: PageDetails = 'read') => {
    try {
      await options.report(snapshot, details);
    } catch (error) {
      // The extension was reloaded or updated under this page: this script is orphaned and stops.
      console.warn('Rapport: could not reach the background', error);
    }
  };

  const onUrl = (url: string, restored: boolean) => {
    if (!site.isSite(url)) return;
    const ref = site.parseProfile(url);
    const key = ref ? `${ref.network}:${ref.id}` : null;
    if (key === currentKey && !restored) return;
    // A page still being parsed (this script starts at document_start) makes room at once, before its
    // first layout. Otherwise (an in-app navigation, or this script run by the watcher at the new URL)
    // the page is laid out already, and room waits for the profile's content (ROOM_WAIT_MAX_MS).
    const laidOut = document.readyState !== 'loading';
    const left = laidOut && shownWithRoom && ref === null ? currentRef : null;
    currentKey = key;
    currentRef = ref;
    current?.abort();
    current = new AbortController();
    const { signal } = current;
    onProfile = ref !== null;
    roomWaits = laidOut && onProfile && !shownWithRoom;
    roomKept = left !== null;
    updateFrame();
    if (!ref) {
      void send(null);
      if (left) giveRoomBack(left, signal);
      return;
    }
    if (roomWaits) unlessAborted(signal, ROOM_WAIT_MAX_MS, makeRoom);
    void announce(ref, url, signal);
  };
  /** Once the profile just left is no longer on screen (or after ROOM_WAIT_MAX_MS), the page widens again. */
  const giveRoomBack = (left: ProfileRef, signal: AbortSignal) => {
    // Ends with the navigation, or once the room is given back: nothing is checked after that.
    const watching = new AbortController();
    signal.addEventListener('abort', () => watching.abort(), { once: true });
    const give = () => {
      watching.abort();
      roomKept = false;
      updateFrame();
    };
    if (siteDomMatches(site, document, left) !== 'match') return give();
    unlessAborted(watching.signal, ROOM_WAIT_MAX_MS, give);
    watchDom(document, watching.signal, () => {
      if (siteDomMatches(site, document, left) !== 'match') give();
    });
  };
  /**
   * The profile's content is there (or was waited for long enough): the page makes room for the sidebar.
   * Called only while this navigation's signal holds (after its checks, or by a timer it clears).
   */
  const makeRoom = () => {
    if (!roomWaits) return;
    roomWaits = false;
    updateFrame();
  };

  const announce = async (ref: ProfileRef, url: string, signal: AbortSignal) => {
    // The URL identity goes out at once so the sidebar switches person immediately. readProfile only
    // gives a name it can trust: none while the DOM still shows the previous person or has not arrived.
    // Reports are not awaited: each carries its time, and the DOM is watched from the moment it was read,
    // so nothing the page adds during the round trip to the worker is missed.
    const first = readSiteProfile(site, document, url) ?? urlOnly(site, ref);
    void send(first, first.name !== null ? 'read' : 'reading');
    let read: ProfileSnapshot | null = first.name !== null ? first : null;
    if (read !== null) makeRoom();
    else {
      read = await waitFor(
        document,
        () => {
          const snapshot = readSiteProfile(site, document, url);
          return snapshot?.name ? snapshot : null;
        },
        { timeoutMs: PROFILE_DOM_TIMEOUT_MS, signal, whileParsingEveryMs: PARSING_CHECK_MS },
      );
      if (signal.aborted) return;
      makeRoom();
      // Without a readable page the URL still says who this is; the sidebar says the details are missing.
      void send(read ?? first, read ? 'read' : 'unreadable');
    }
    followProfileDom(ref, url, signal, read);
  };

  /**
   * Watches the profile's DOM, at most once a frame, for two things. Sites can swap in the next
   * profile's DOM before they change the URL: while the DOM shows someone else the sidebar is cleared, so
   * nothing typed there can be attached to the wrong person. And the name is often read before the rest
   * of the profile exists: a headline or photo that appears afterwards is reported too, looked for at
   * spaced times rather than on every frame (LATE_READ_GAPS_MS).
   */
  const followProfileDom = (
    ref: ProfileRef,
    url: string,
    signal: AbortSignal,
    read: ProfileSnapshot | null,
  ) => {
    let cleared = false;
    let sent = read;
    const lateUntil = performance.now() + LATE_DETAILS_WINDOW_MS;
    const lateReads = spacedReads(LATE_READ_GAPS_MS.first, LATE_READ_GAPS_MS.max);
    // A change that came during a gap is looked at when the gap ends, even if the page then rests.
    let deferred: ReturnType<typeof setTimeout> | undefined;
    signal.addEventListener('abort', () => clearTimeout(deferred), { once: true });
    const follow = () => {
      const verdict = siteDomMatches(site, document, ref);
      if (verdict === 'mismatch' && !cleared) {
        cleared = true;
        void send(null);
      } else if (verdict === 'match' && cleared) {
        cleared = false;
        const snapshot = readSiteProfile(site, document, url, verdict);
        if (snapshot) {
          sent = snapshot;
          void send(snapshot);
        }
      } else if (!cleared && sent !== null && stillFillingIn(sent, lateUntil)) {
        const wait = lateReads.wait(performance.now());
        if (wait > 0) {
          deferred ??= setTimeout(() => {
            deferred = undefined;
            if (!signal.aborted) follow();
          }, wait);
          return;
        }
        const filled = withLateDetails(sent, readSiteProfile(site, document, url, verdict));
        if (filled !== sent) {
          sent = filled;
          void send(filled);
        }
      }
    };
    watchDom(document, signal, follow);
  };

  options.signal.addEventListener('abort', () => {
    current?.abort();
    clearTimeout(warmExpiry);
    frame?.remove();
    frame = null;
  });
  if (options.warm) warmUp();
  watchUrl(onUrl, { signal: options.signal, fallback: options.fallbackNavigation });
  listenForProfileIntent((url) => site.parseProfile(url) !== null, warmUp, options.signal);
}

/** Calls `run` after `ms`, unless `signal` aborts first. */
function unlessAborted(signal: AbortSignal, ms: number, run: () => void): void {
  const timer = setTimeout(run, ms);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/** Whether details that show up after the name are still looked for. */
function stillFillingIn(sent: ProfileSnapshot, lateUntil: number): boolean {
  if (sent.headline !== null && sent.avatarUrl !== null) return false;
  return document.readyState === 'loading' || performance.now() < lateUntil;
}

function urlOnly(site: Site, ref: ProfileRef): ProfileSnapshot {
  return { ...ref, url: site.profileUrl(ref.id), name: null, headline: null, avatarUrl: null };
}
