import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { CollapsedTab, SurfaceBar } from '@/components/SurfaceBar';
import {
  DEFAULT_LAYOUT,
  openBrowserSidePanel,
  readLayout,
  type SidebarLayout,
  watchLayout,
  writeDisplayMode,
  writeLayout,
} from '@/lib/platform/site-preferences';
import { tabProfileKey } from '@/lib/platform/tab-profiles';
import { call } from '@/lib/protocol/client';
import { onDataChanged } from '@/lib/protocol/data-changed';
import { isNoAnswer } from '@/lib/protocol/envelope';
import { extensionReplaced, REPLACED_MESSAGE } from '@/lib/protocol/replaced';
import type { ResponseOf } from '@/lib/protocol/responses';
import { overhearTabReports, type ShownTab, supersedes } from '@/lib/protocol/tab-reports';
import type { PersonView, TabState } from '@/lib/protocol/types';
import { type Network, networkLabels, type ProfileRef, parseProfileUrl } from '@/lib/sites';
import { PersonCard } from './person-card';
import { createReadAhead } from './read-ahead';

type Load<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

/**
 * The sidebar for one tab. It learns which profile the tab shows from the background and follows it
 * through in-app navigation; everything about a person lives in a PersonCard keyed by that person, so
 * switching person throws the previous one's state away before the next one renders.
 */
export type Surface = 'page' | 'panel';

export type TabPerson = ResponseOf<'getTabPerson'>;

/** The first read of a view: which profile its tab shows and that person's view, in one round trip. */
export function readTabPerson(tabId: number | null): Promise<TabPerson> {
  return call('getTabPerson', { tabId });
}

export function SidebarApp({
  tabId,
  surface,
  first,
}: {
  tabId: number | null;
  surface: Surface;
  /** The first read, when the caller started it before rendering (the in-page sidebar does, at load). */
  first?: Promise<TabPerson>;
}) {
  const [tab, setTab] = useState<Load<ShownTab>>({
    kind: 'loading',
  });
  // The view that came with the first read, for the first card only: a later card for the same person
  // (after navigating away and back) reads its own, current view.
  const firstView = useRef<{ key: string; view: PersonView } | null>(null);
  const readAhead = useReadAhead();
  // Who is shown, for the tab's URL changes: a new part of the same profile reads nobody ahead.
  const shownKey = useRef<string | null>(null);

  // A layout effect: an answer already there (the first read usually is, sent before the bundle
  // loaded) then renders before the first paint, not a frame or more after it, as an effect would.
  useLayoutEffect(() => {
    let cancelled = false;
    (first ?? readTabPerson(tabId))
      // A read can be asked again: once, when the worker did not answer in time (lib/protocol/client.ts).
      .catch((error: unknown) =>
        isNoAnswer(error) && !extensionReplaced() ? readTabPerson(tabId) : Promise.reject(error),
      )
      .then(({ tab: value, view }) => {
        if (cancelled) return;
        if (value.snapshot && view) firstView.current = { key: profileKey(value.snapshot), view };
        setTab({ kind: 'ready', value: { ...value, confirmed: true } });
      })
      .catch((error: Error) => !cancelled && setTab({ kind: 'error', message: error.message }));
    return () => {
      cancelled = true;
    };
  }, [tabId, first]);

  const resolvedTabId = tab.kind === 'ready' ? tab.value.tabId : null;
  // A layout effect, not an effect: a sidebar made ahead of a profile, hidden (lib/content/runtime.ts), gets
  // no animation frames, and its effects (which wait for one, or a 35 ms timer) had still not run 400 ms
  // after it loaded (a timeline of the bench's click): it only started listening once shown, after the
  // report that showed it had gone by.
  useLayoutEffect(() => {
    if (resolvedTabId === null) return;
    const tabId = resolvedTabId;
    // Three sources tell this view which profile its tab shows: the content script's report, heard
    // directly (the fastest: no database or storage on the way), the worker's record of it in session
    // storage, and a fresh read. Each carries the report's time (seq); the newest wins, so a late copy
    // never brings back the previous person.
    const offer = (state: TabState | null, confirmed: boolean) =>
      setTab((shown) => {
        const next: ShownTab = {
          tabId,
          snapshot: state?.snapshot ?? null,
          details: state?.details ?? 'read',
          seq: state?.seq ?? 0,
          confirmed,
        };
        return shown.kind === 'ready' && !supersedes(next, shown.value)
          ? shown
          : { kind: 'ready', value: next };
      });
    const key = tabProfileKey(tabId);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes)
        offer((changes[key]?.newValue ?? null) as TabState | null, true);
    };
    browser.storage.onChanged.addListener(onChanged);
    const stopOverhearing = overhearTabReports(tabId, (report) => offer(report, false), {
      inPage: surface === 'page',
    });
    // A page load to a page that is not a profile, or off the sites, sends no report in Chrome (only a
    // watcher runs there, and it stays quiet: issue #9); the worker's answer checks the tab's URL.
    const readAgain = () =>
      call('getTabProfile', { tabId }).then(
        (value) => offer(value, true),
        () => undefined,
      );
    const onUpdated = (updatedTabId: number, change: { url?: string; status?: string }) => {
      if (updatedTabId !== tabId) return;
      // The browser names the tab's new URL 10 to 15 ms before the content script's report arrives
      // (Chrome opens a channel to every extension context for a runtime message): the person's view is
      // read from then on, and shown once the report names the same person (useReadAhead). Who is shown
      // still comes from the reports alone. The URL is given where Rapport has the site's host
      // permission (Chrome); without it nothing is read ahead.
      const ref = change.url === undefined ? null : parseProfileUrl(change.url);
      if (ref && profileKey(ref) !== shownKey.current) readAhead.start(ref);
      // The in-page sidebar needs no other read: it lives in the tab, so a page load ends it, and the
      // whole content script that made it reports every in-app navigation itself. Each read took the
      // worker 25 ms (tabs.get, session storage) just as the next person's view was asked for.
      if (surface === 'panel' && (change.url !== undefined || change.status !== undefined)) void readAgain();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    // A report that landed between the first answer and the listeners above would be missed: ask again
    // now that nothing can slip through (an older answer loses to what the listeners heard).
    void readAgain();
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onUpdated.removeListener(onUpdated);
      stopOverhearing();
    };
  }, [resolvedTabId, surface, readAhead]);

  const replaced = useReplacedNotice();
  const notice = replaced ? (
    <p class="status error" role="alert">
      {REPLACED_MESSAGE}
    </p>
  ) : null;
  if (tab.kind === 'loading') return <p class="status">Loading…</p>;
  if (tab.kind === 'error') return <p class="status error">{tab.message}</p>;
  const { snapshot, details, confirmed } = tab.value;
  const key = snapshot ? profileKey(snapshot) : null;
  shownKey.current = key;
  const initialView = firstView.current?.key === key ? firstView.current?.view : undefined;
  if (firstView.current && firstView.current.key !== key) firstView.current = null;
  if (!snapshot)
    return <p class="status">Open a profile on LinkedIn, Facebook or X to see what you know about them.</p>;
  return (
    <>
      {notice}
      <SurfaceSwitch surface={surface} network={snapshot.network} tabId={tab.value.tabId} />
      <PersonCard
        key={key}
        snapshot={snapshot}
        details={details}
        recorded={confirmed}
        initialView={initialView}
        takeReadAhead={readAhead.take}
      />
    </>
  );
}

function SurfaceSwitch({ surface, network, tabId }: { surface: Surface; network: Network; tabId: number }) {
  const [error, setError] = useState<string | null>(null);
  const layout = useLayout(surface === 'page' ? network : null);
  const report = (work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (failure: Error) => setError(`Could not switch: ${failure.message}`),
    );
  const move = () => {
    // Opening the side panel needs a user gesture: it is called inside the click, before any await, and
    // the page sidebar is only given up once the panel is open.
    report(
      surface === 'page'
        ? openBrowserSidePanel(tabId).then(() => writeDisplayMode(network, 'panel'))
        : writeDisplayMode(network, 'page'),
    );
  };
  if (layout?.collapsed) {
    return <CollapsedTab onExpand={() => report(writeLayout(network, { collapsed: false }))} />;
  }
  return (
    <SurfaceBar
      surface={surface}
      networkLabel={networkLabels[network]}
      onMove={move}
      error={error}
      side={layout?.side}
      onCollapse={layout ? () => report(writeLayout(network, { collapsed: true })) : undefined}
      onFlip={
        layout
          ? () => report(writeLayout(network, { side: layout.side === 'right' ? 'left' : 'right' }))
          : undefined
      }
    />
  );
}

/** The in-page sidebar's layout on a site, kept current; null in the side panel, which has none. */
function useLayout(network: Network | null): SidebarLayout | null {
  const [layout, setLayout] = useState<SidebarLayout | null>(null);
  useEffect(() => {
    if (!network) return;
    const stop = new AbortController();
    readLayout(network).then(
      (value) => !stop.signal.aborted && setLayout(value),
      () => setLayout(DEFAULT_LAYOUT),
    );
    watchLayout(network, setLayout, stop.signal);
    return () => stop.abort();
  }, [network]);
  useEffect(() => {
    document.body.classList.toggle('collapsed', layout?.collapsed === true);
  }, [layout?.collapsed]);
  return layout;
}

/** The sidebar's read-ahead store (lib/ui/read-ahead.ts), emptied by any change to stored data. */
function useReadAhead() {
  const readAhead = useMemo(
    () =>
      createReadAhead(profileKey, (ref: ProfileRef) =>
        call('getPersonView', { ref: { network: ref.network, id: ref.id } }),
      ),
    [],
  );
  useEffect(() => onDataChanged(() => readAhead.drop()), [readAhead]);
  return readAhead;
}

function profileKey(ref: { network: Network; id: string }): string {
  return `${ref.network}:${ref.id}`;
}

/**
 * Whether Rapport was updated under this view, which then cannot save anything: checked as the user
 * reaches for it (focus, pointer), so they are told before typing. What they typed stays in place.
 */
function useReplacedNotice(): boolean {
  const [replaced, setReplaced] = useState(false);
  useEffect(() => {
    const check = () => {
      if (extensionReplaced()) setReplaced(true);
    };
    document.addEventListener('focusin', check, true);
    document.addEventListener('pointerdown', check, true);
    return () => {
      document.removeEventListener('focusin', check, true);
      document.removeEventListener('pointerdown', check, true);
    };
  }, []);
  return replaced;
}
