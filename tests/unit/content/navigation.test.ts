// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/in/jane-doe/"}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchUrl } from '@/lib/content/navigation';
import { type ContentRuntimeOptions, startContentRuntime, WARM_FRAME_KEPT_MS } from '@/lib/content/runtime';
import type { ProfileSnapshot } from '@/lib/sites';
import { linkedInSite } from '@/lib/sites/linkedin/site';
import { userEvent } from './user-event';

// A page restored from the back/forward cache resumes where it was, while the tab showed other pages in
// between: the profile must be announced again even though the URL did not change.

function pageshow(persisted: boolean) {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  window.dispatchEvent(event);
}

let stop: AbortController;
beforeEach(() => {
  stop = new AbortController();
  // As in browsers without the Navigation API (older Firefox): popstate and the fallback watcher.
  vi.stubGlobal('navigation', undefined);
  history.replaceState({}, '', '/in/jane-doe/');
});
afterEach(() => {
  stop.abort();
  vi.unstubAllGlobals();
});

describe('watchUrl', () => {
  it('announces the URL now, after back/forward, and again after a restore from the bfcache', () => {
    const seen: [string, boolean][] = [];
    let fallback: () => void = () => undefined;
    watchUrl((url, restored) => seen.push([url, restored]), {
      signal: stop.signal,
      fallback: (emit) => (fallback = emit),
    });
    history.pushState({}, '', '/in/rahul-mehta/');
    fallback();
    // Back: the URL is Jane's again and the browser fires popstate.
    history.replaceState({}, '', '/in/jane-doe/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    pageshow(false);
    pageshow(true);
    expect(seen).toEqual([
      ['https://www.linkedin.com/in/jane-doe/', false],
      ['https://www.linkedin.com/in/rahul-mehta/', false],
      ['https://www.linkedin.com/in/jane-doe/', false],
      ['https://www.linkedin.com/in/jane-doe/', true],
    ]);
  });

  it('stops when its signal aborts', () => {
    const seen: string[] = [];
    watchUrl((url) => seen.push(url), { signal: stop.signal });
    stop.abort();
    pageshow(true);
    expect(seen).toEqual(['https://www.linkedin.com/in/jane-doe/']);
  });
});

/** Starts the runtime on this page as a content script would, collecting its reports as `network:id`. */
function startRuntime(overrides: Partial<ContentRuntimeOptions> = {}): (string | null)[] {
  const reports: (string | null)[] = [];
  startContentRuntime({
    site: linkedInSite,
    signal: stop.signal,
    sidebarUrl: 'about:blank',
    report: async (snapshot: ProfileSnapshot | null) => {
      reports.push(snapshot ? `${snapshot.network}:${snapshot.id}` : null);
    },
    displayMode: 'panel',
    watchDisplayMode: () => undefined,
    layout: { collapsed: false, side: 'right' },
    watchLayout: () => undefined,
    ...overrides,
  });
  return reports;
}

describe('the content runtime', () => {
  it('reports the profile again when the page comes back from the bfcache', async () => {
    const reports = startRuntime();
    await vi.waitFor(() => expect(reports).toContain('linkedin:jane-doe'));
    const before = reports.length;
    pageshow(true);
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(before));
    expect(reports.at(-1)).toBe('linkedin:jane-doe');
  });
});

describe('the content runtime on a page that is not a profile', () => {
  it('reports no profile once at the page load, so the worker forgets what the tab showed before', async () => {
    history.replaceState({}, '', '/feed/');
    const reports = startRuntime();
    await vi.waitFor(() => expect(reports).toEqual([null]));
  });
});

describe('the content runtime started by a press on a link to a profile', () => {
  const start = (warm: boolean) => startRuntime({ displayMode: 'page', warm });
  const host = () => document.querySelector('rapport-sidebar') as HTMLElement | null;
  // happy-dom loads no frames, and prints a NotSupportedError for the one made here: expected.

  it('makes the sidebar at once, hidden and taking no page space, on the page it starts on', () => {
    history.replaceState({}, '', '/feed/');
    start(true);
    expect(host()).not.toBeNull();
    expect(host()?.style.display).toBe('none');
    expect(document.documentElement.style.marginRight).toBe('');
  });

  it('removes that sidebar when no profile follows the press', () => {
    vi.useFakeTimers();
    try {
      history.replaceState({}, '', '/feed/');
      start(true);
      vi.advanceTimersByTime(WARM_FRAME_KEPT_MS - 1);
      expect(host()).not.toBeNull();
      vi.advanceTimersByTime(1);
      expect(host()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps it once the profile came, also after the user left it', async () => {
    history.replaceState({}, '', '/feed/');
    vi.useFakeTimers();
    try {
      start(true);
      history.pushState({}, '', '/in/jane-doe/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.waitFor(() => expect(host()?.style.display).toBe('block'));
      history.pushState({}, '', '/feed/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.waitFor(() => expect(host()?.style.display).toBe('none'));
      vi.advanceTimersByTime(WARM_FRAME_KEPT_MS);
      expect(host()).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes no sidebar on such a page otherwise', () => {
    history.replaceState({}, '', '/feed/');
    start(false);
    expect(host()).toBeNull();
  });
});

describe('the content runtime hearing the user about to open a profile', () => {
  const host = () => document.querySelector('rapport-sidebar') as HTMLElement | null;
  /** The user's own press on a link to `path`. */
  const pressLinkTo = (path: string) => {
    const link = document.createElement('a');
    link.href = path;
    document.body.append(link);
    link.dispatchEvent(userEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 })));
    link.remove();
  };

  it('makes the sidebar, hidden, and keeps it WARM_FRAME_KEPT_MS after the last sign', () => {
    vi.useFakeTimers();
    try {
      history.replaceState({}, '', '/feed/');
      startRuntime({ displayMode: 'page' });
      expect(host()).toBeNull();
      pressLinkTo('/jobs/view/123/');
      expect(host()).toBeNull();
      pressLinkTo('/in/jane-doe/');
      expect(host()?.style.display).toBe('none');
      const made = host();
      vi.advanceTimersByTime(WARM_FRAME_KEPT_MS - 1);
      // Another sign: the same frame, kept from now.
      pressLinkTo('/in/rahul-mehta/');
      expect(host()).toBe(made);
      vi.advanceTimersByTime(WARM_FRAME_KEPT_MS - 1);
      expect(host()).toBe(made);
      vi.advanceTimersByTime(1);
      expect(host()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds nothing to the page for a user of the side panel', () => {
    history.replaceState({}, '', '/feed/');
    startRuntime({ displayMode: 'panel' });
    pressLinkTo('/in/jane-doe/');
    expect(host()).toBeNull();
  });
});

describe('the content runtime started on the page mark alone (storage has not answered)', () => {
  const host = () => document.querySelector('rapport-sidebar') as HTMLElement | null;
  // The page mark is read at document_start, while the page is still parsed: the room for the sidebar
  // is then made at once, before the page's first layout (on a page already laid out it waits for the
  // profile's content: tests/e2e/navigation.test.ts).
  beforeEach(() => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    return () => Reflect.deleteProperty(document, 'readyState');
  });
  /** Starts as boot.ts does when the mark came first; returns how to deliver storage's answer. */
  const startOnMark = () => {
    let display: (mode: 'page' | 'panel') => void = () => undefined;
    let layout: (layout: { collapsed: boolean; side: 'left' | 'right' }) => void = () => undefined;
    startRuntime({
      displayMode: 'page',
      layout: null,
      watchDisplayMode: (onChange) => {
        display = onChange;
      },
      watchLayout: (onChange) => {
        layout = onChange;
      },
    });
    return {
      display: (mode: 'page' | 'panel') => display(mode),
      layout: (side: 'left' | 'right') => layout({ collapsed: false, side }),
    };
  };

  it('makes the sidebar at once, hidden, and shows it with the stored layout when storage answers', () => {
    const storage = startOnMark();
    expect(host()?.style.display).toBe('none');
    expect(document.documentElement.style.marginLeft).toBe('');
    storage.display('page');
    expect(host()?.style.display).toBe('none');
    storage.layout('left');
    expect(host()?.style.display).toBe('block');
    expect(host()?.style.left).toBe('0px');
    expect(document.documentElement.style.marginLeft).toBe('340px');
  });

  it('removes it, never shown, when storage says the site is set to the side panel', () => {
    const storage = startOnMark();
    expect(host()).not.toBeNull();
    storage.display('panel');
    storage.layout('right');
    expect(host()).toBeNull();
    expect(document.documentElement.style.marginRight).toBe('');
  });
});
