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
import { waitFor } from './wait-for';

/** How long to wait for a profile's DOM after a navigation before showing the URL identity alone. */
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
 * identity at once, the page's name and headline when the profile's DOM shows up) and shows or removes
 * the sidebar.
 */
export function startContentRuntime(options: ContentRuntimeOptions): void {
  let frame: SidebarFrame | null = null;
  let current: AbortController | null = null;
  let currentKey: string | null = null;

  const onUrl = (url: string) => {
    if (networkOfUrl(url) !== options.network) return;
    const ref = parseProfileUrl(url);
    const key = ref ? `${ref.network}:${ref.id}` : null;
    if (key === currentKey) return;
    currentKey = key;
    current?.abort();
    current = new AbortController();
    if (!ref) {
      frame?.remove();
      frame = null;
      void send(null);
      return;
    }
    void announce(ref, url, current.signal);
    frame ??= createSidebarFrame(options.sidebarUrl);
  };

  const announce = async (ref: ProfileRef, url: string, signal: AbortSignal) => {
    // The URL identity goes out at once so the sidebar switches person immediately; readProfile leaves
    // the name empty while the DOM still shows the previous person.
    const first = readProfile(document, url) ?? urlOnly(ref);
    await send(first);
    if (first.name !== null && profileDomMatches(document, ref) === 'match') return;
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
  };

  const send = async (snapshot: ProfileSnapshot | null) => {
    try {
      await options.report(snapshot);
    } catch (error) {
      // The extension was reloaded or updated under this page: this script is orphaned and stops.
      console.warn('Rapport: could not reach the background', error);
    }
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
