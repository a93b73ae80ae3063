export interface WaitForOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /**
   * While the document is still being parsed, check at most this often, and once more when parsing ends.
   * A page load's parser adds nodes in hundreds of batches, and checking each cost a profile's page load
   * about 6 ms of script in a sampled profile (issue #9: at most 30 ms); the sidebar's own frame takes far
   * longer to load than this delay. After parsing (an in-app navigation) a change is checked right after
   * the task that made it.
   */
  whileParsingEveryMs?: number;
}

/**
 * Resolves with the first non-null value of `probe`, checking now and after DOM mutations, or null when
 * `timeoutMs` passes or `signal` aborts (the user navigated on). Bounded and event-driven: no polling
 * loop and no fixed delay.
 *
 * A check never runs inside the task that changed the DOM. A MutationObserver's callback runs at the end
 * of that task, which is the page's own (its render of the next profile: 20 to 45 ms on the heavy
 * fixtures), and a read there (about 2 ms on a navigation to a profile) made that task longer, sometimes
 * past 50 ms (issue #9: no task over 50 ms caused by Rapport). It runs in a task of its own right after,
 * and looks once at the changes made until then. The price: the browser usually renders the page's
 * change first, so the name reaches the sidebar later (the new profile's DOM to its name in the sidebar,
 * 4.3 to 10.8 ms at p50 in the bench; a task of 'user-blocking' priority did no better).
 */
export function waitFor<T>(root: Node, probe: () => T | null, options: WaitForOptions): Promise<T | null> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve(null);
    const first = probe();
    if (first !== null) return resolve(first);

    let settled = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let lastCheck = performance.now();
    const finish = (value: T | null) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(pending);
      document.removeEventListener('DOMContentLoaded', check);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    function check() {
      if (settled) return;
      clearTimeout(pending);
      pending = undefined;
      lastCheck = performance.now();
      const value = probe();
      if (value !== null) finish(value);
    }
    const every = options.whileParsingEveryMs ?? 0;
    const observer = new MutationObserver(() => {
      const parsing = every > 0 && document.readyState === 'loading';
      pending ??= setTimeout(check, parsing ? Math.max(0, lastCheck + every - performance.now()) : 0);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    if (every > 0 && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
    const timer = setTimeout(() => finish(null), options.timeoutMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls `onChange` at most once per animation frame while the DOM under `root` changes, until `signal`
 * aborts. Timelines mutate constantly; coalescing keeps the cost to one check per frame. The check runs
 * in a task of its own once the frame is rendered, not in the frame's callbacks: those run in the
 * rendering task, which on a page that just changed also lays it out (see waitFor).
 */
export function watchDom(root: Node, signal: AbortSignal, onChange: () => void): void {
  if (signal.aborted) return;
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        scheduled = false;
        if (!signal.aborted) onChange();
      }, 0),
    );
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
