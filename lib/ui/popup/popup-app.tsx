import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { Counts } from '@/components/popup/Counts';
import { FocusHint } from '@/components/popup/FocusHint';
import { FollowUps } from '@/components/popup/FollowUps';
import { Loading } from '@/components/popup/Loading';
import { PromptCard } from '@/components/popup/PromptCard';
import { type NetworkFilter, SearchBox, type StrengthFilter } from '@/components/popup/SearchBox';
import { type QuickLogKind, TabPersonCard } from '@/components/popup/TabPersonCard';
import type { PromptItem, SearchItem, SnoozeChoice } from '@/components/popup/types';
import { takePendingSearch } from '@/lib/platform/open-search';
import { call } from '@/lib/protocol/client';
import { activeTabId } from '@/lib/protocol/first-read';
import type { PopupData, PopupPrompt, SearchAllResult } from '@/lib/protocol/types';

const DAY = 86_400_000;

const QUICK_LOG: Record<
  QuickLogKind,
  { kind: 'message' | 'congratulation' | 'question-answered' | 'meeting'; direction: 'me' | 'mutual' }
> = {
  messaged: { kind: 'message', direction: 'me' },
  congratulated: { kind: 'congratulation', direction: 'me' },
  answered: { kind: 'question-answered', direction: 'me' },
  met: { kind: 'meeting', direction: 'mutual' },
};

function toItem(prompt: PopupPrompt): PromptItem {
  return {
    key: prompt.key,
    kind: prompt.kind,
    names: prompt.people.map((p) => p.name),
    reason: prompt.reason,
    draft: prompt.draft,
    url: prompt.url,
  };
}

export function snoozeUntil(choice: SnoozeChoice, now: number): number | null {
  if (choice.kind === 'day') return now + DAY;
  if (choice.kind === 'week') return now + 7 * DAY;
  const at = new Date(`${choice.date}T00:00:00`).getTime();
  return Number.isFinite(at) && at > now ? at : null;
}

function dateText(at: number | null, now: number): string | null {
  if (at === null) return null;
  const days = Math.floor((now - at) / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The popup's first read when its page started it before the bundle loaded (popup-first.js). */
export interface FirstPopupRead {
  tabId: Promise<number | null>;
  data: Promise<PopupData>;
}

/** The toolbar popup: who to reach out to today, and how. Every action is the user's; nothing is sent. */
export function PopupApp({
  tabId: fixedTabId,
  initialQuery = '',
  first,
}: {
  tabId?: number | null;
  /** A search to show at once (the popup opened as a page, with `#q=` in its address). */
  initialQuery?: string;
  first?: FirstPopupRead;
}) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState(initialQuery);
  const [strength, setStrength] = useState<StrengthFilter>('any');
  const [network, setNetwork] = useState<NetworkFilter>('any');
  const [results, setResults] = useState<SearchAllResult | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const searchSeq = useRef(0);
  const tabIdRef = useRef<number | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await call('getPopupData', { tabId: tabIdRef.current }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  // A layout effect, so data already there renders before the first paint (sidebar-app.tsx says why).
  useLayoutEffect(() => {
    void (async () => {
      if (first) {
        try {
          tabIdRef.current = await first.tabId;
          setData(await first.data);
          setError(null);
          return;
        } catch {
          // Asked once more below, the usual way: that answer (or its error) is what the user sees.
        }
      }
      tabIdRef.current = fixedTabId !== undefined ? fixedTabId : await activeTabId(browser.tabs);
      await load();
    })();
  }, [fixedTabId, load, first]);

  // Opened from the sidebar's "search all" (lib/platform/open-search.ts): start with that search.
  useEffect(() => {
    takePendingSearch(Date.now()).then(
      (pending) => pending !== null && setQuery(pending),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const seq = ++searchSeq.current;
    if (query.trim() === '' && strength === 'any' && network === 'any') {
      setResults(null);
      return;
    }
    call('searchAll', {
      query: query.slice(0, 200),
      strength,
      network: network === 'any' ? null : network,
      includeArchived: false,
      limit: 20,
    }).then(
      (answer) => {
        if (seq !== searchSeq.current) return;
        setResults(answer);
        setSearchError(null);
      },
      (e: unknown) => {
        if (seq === searchSeq.current) setSearchError(e instanceof Error ? e.message : String(e));
      },
    );
  }, [query, strength, network]);

  const act = async (
    prompt: PopupPrompt,
    action: 'done' | 'dismiss' | 'snooze',
    extra: { until?: number; text?: string },
  ) => {
    setBusy(true);
    try {
      await call('actOnPrompt', {
        key: prompt.key,
        kind: prompt.kind,
        personIds: prompt.personIds,
        network: prompt.network,
        action,
        until: extra.until ?? null,
        text: extra.text ?? null,
        interactionId: action === 'done' ? crypto.randomUUID() : null,
      });
      const who = prompt.people.map((p) => p.name).join(' and ');
      setStatus(
        action === 'done'
          ? `Logged: ${who}.`
          : action === 'dismiss'
            ? `Dismissed: ${who}.`
            : `Snoozed: ${who}.`,
      );
      await load();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const open = (url: string) => {
    void browser.tabs.create({ url });
  };
  const copy = (text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setStatus('Draft copied. Paste it where you write to them.'),
      () => setStatus('Could not copy: select the draft and copy it yourself.'),
    );
  };
  const quickLog = async (kind: QuickLogKind) => {
    const personId = data?.tabPerson?.personId;
    if (!personId || !data?.tabPerson) return;
    setBusy(true);
    try {
      const entry = QUICK_LOG[kind];
      await call('logInteraction', {
        interaction: {
          id: crypto.randomUUID(),
          personId,
          at: Date.now(),
          kind: entry.kind,
          direction: entry.direction,
          channel: data.tabPerson.ref.network,
          text: null,
          sourceUrl: null,
        },
      });
      setStatus(`Logged for ${data.tabPerson.name ?? 'them'}.`);
      await load();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const now = data?.computedAt ?? Date.now();
  const searchItems: SearchItem[] = (results?.hits ?? []).map((hit) => ({
    personId: hit.personId,
    name: hit.name,
    strong: hit.strong,
    matchedIn: hit.matchedIn,
    handle: hit.handle,
    url: hit.url,
  }));
  const tab = data?.tabPerson ?? null;
  const topKey = tab?.topPrompt?.key;

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Rapport</h1>
        <p class="muted">Who to reach out to today. Rapport never sends anything for you.</p>
      </header>
      <p class="status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {tab && (
        <TabPersonCard
          name={tab.name}
          handle={tab.ref.id}
          known={tab.personId !== null}
          strong={tab.strong}
          layer={tab.layer}
          lastContact={dateText(tab.lastContactAt, now)}
          topPrompt={tab.topPrompt ? toItem(tab.topPrompt) : null}
          busy={busy}
          onQuickLog={(kind) => void quickLog(kind)}
        />
      )}
      <section aria-labelledby="prompts-title">
        <h2 id="prompts-title">Today{data ? ` (${data.counts.dueToday})` : ''}</h2>
        {data === null && !error && <Loading />}
        {data && data.prompts.length === 0 && <p class="muted">Nothing due today.</p>}
        <ul class="prompts">
          {(data?.prompts ?? []).map((prompt) => (
            <PromptCard
              key={prompt.key}
              prompt={toItem(prompt)}
              busy={busy}
              onCopy={copy}
              onOpen={open}
              onDone={(text) => void act(prompt, 'done', { text })}
              onDismiss={() => void act(prompt, 'dismiss', {})}
              onSnooze={(choice) => {
                const until = snoozeUntil(choice, Date.now());
                if (until === null) setStatus('Choose a date after today.');
                else void act(prompt, 'snooze', { until });
              }}
            />
          ))}
        </ul>
        {data && data.counts.dueToday > data.prompts.length && (
          <p class="muted">
            {data.counts.dueToday - data.prompts.length} more; act on these first.
            {topKey ? '' : ''}
          </p>
        )}
        {data?.focusEmpty && (
          <FocusHint onSetFocus={() => open(browser.runtime.getURL('/options.html#focus-title'))} />
        )}
      </section>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Coming up</h2>
        {data && <FollowUps items={data.upcoming} now={now} onOpen={open} />}
      </section>
      <section aria-labelledby="search-title">
        <h2 id="search-title">Find someone</h2>
        <SearchBox
          query={query}
          strength={strength}
          network={network}
          results={searchItems}
          matched={results?.matched ?? 0}
          status={searchError}
          onQuery={setQuery}
          onStrength={setStrength}
          onNetwork={setNetwork}
          onOpen={(item) => {
            if (item.url !== null) open(item.url);
            else setStatus(`${item.name} has no profile to open.`);
          }}
        />
      </section>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">Your ties</h2>
        {data && (
          <Counts
            people={data.counts.people}
            strong={data.counts.strong}
            weak={data.counts.weak}
            dueToday={data.counts.dueToday}
            layers={data.counts.layers}
          />
        )}
      </section>
    </main>
  );
}
