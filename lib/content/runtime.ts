import {
  canonicalProfileUrl,
  type Network,
  networkOfUrl,
  type ProfileRef,
  type ProfileSnapshot,
  parseProfileUrl,
  profileDomMatches,
  readProfile,
} from '@/lib/sites';
import { watchUrl } from './navigation';
import { createSidebarFrame, type SidebarFrame } from './sidebar-frame';
import { waitFor, watchDom } from './wait-for';

/** How long to wait for a profile's DOM after a navigation before settling for the URL identity alone. */
const PROFILE_DOM_TIMEOUT_MS = 8_000;

export interface ContentRuntimeOptions {
  network: Network;
  signal: AbortSignal;
  sidebarUrl: string;
  report: (snapshot: ProfileSnapshot | null) => Promise<void>;
  /** Subscribes to URL changes where the Navigation API is missing. */
  fallbackNavigation?: (emit: () => void) => void;
}

/**
 * The one loop that owns in-app navigation on a site: for each URL it decides whether this is a
 * profile, aborts whatever the previous URL started, reports the profile to the background (the URL
 * identity at once, the page's name and headline when the profile's DOM shows up) and shows or hides
 * the sidebar.
 */
export function startContentRuntime(options: ContentRuntimeOptions): void {
  let frame: SidebarFrame | null = null;
  let current: AbortController | null = null;
  let currentKey: string | null = null;

  const send = async (snapshot: ProfileSnapshot | null) => {
    try {
      await options.report(snapshot);
    } catch (error) {
      // The extension was reloaded or updated under this page: this script is orphaned and stops.
      console.warn('Rapport: could not reach the background', error);
    }
  };

  const onUrl = (url: string) => {
    if (networkOfUrl(url) !== options.network) return;
    const ref = parseProfileUrl(url);
    const key = ref ? `${ref.network}:${ref.id}` : null;
    if (key === currentKey) return;
    currentKey = key;
    current?.abort();
    current = new AbortController();
    if (!ref) {
      // Hidden, not removed: the sidebar still gets to save what the user was typing, and the next
      // profile shows without reloading it.
      frame?.hide();
      void send(null);
      return;
    }
    void announce(ref, url, current.signal);
    frame ??= createSidebarFrame(options.sidebarUrl);
    frame.show();
  };

  const announce = async (ref: ProfileRef, url: string, signal: AbortSignal) => {
    // The URL identity goes out at once so the sidebar switches person immediately; readProfile leaves
    // the name empty while the DOM still shows the previous person.
    const first = readProfile(document, url) ?? urlOnly(ref);
    await send(first);
    if (first.name === null || profileDomMatches(document, ref) !== 'match') {
      const matched = await waitFor(
        document,
        () => (profileDomMatches(document, ref) === 'match' ? true : null),
        {
          timeoutMs: PROFILE_DOM_TIMEOUT_MS,
          signal,
        },
      );
      if (signal.aborted || !matched) return;
      const snapshot = readProfile(document, url);
      if (snapshot) await send(snapshot);
    }
    guardAgainstDomSwitch(ref, url, signal);
  };

  // Sites can swap in the next profile's DOM before they change the URL. While the DOM shows someone
  // else the sidebar is cleared, so nothing typed there can be attached to the wrong person.
  const guardAgainstDomSwitch = (ref: ProfileRef, url: string, signal: AbortSignal) => {
    let cleared = false;
    watchDom(document, signal, () => {
      const verdict = profileDomMatches(document, ref);
      if (verdict === 'mismatch' && !cleared) {
        cleared = true;
        void send(null);
      } else if (verdict === 'match' && cleared) {
        cleared = false;
        const snapshot = readProfile(document, url);
        if (snapshot) void send(snapshot);
      }
    });
  };

  options.signal.addEventListener('abort', () => {
    current?.abort();
    frame?.remove();
    frame = null;
  });
  watchUrl(onUrl, { signal: options.signal, fallback: options.fallbackNavigation });
}

function urlOnly(ref: ProfileRef): ProfileSnapshot {
  return { ...ref, url: canonicalProfileUrl(ref), name: null, headline: null, avatarUrl: null };
}
