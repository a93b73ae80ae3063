export interface WaitForOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /**
   * While the document is still being parsed, check at most this often, and once more when parsing ends.
   * A page load's parser adds nodes in hundreds of batches, and checking each cost a profile's page load
   * about 6 ms of script in a sampled profile (issue #9: at most 30 ms); the sidebar's own frame takes far
   * longer to load than this delay. After parsing (an in-app navigation) every batch is checked at once.
   */
  whileParsingEveryMs?: number;
}

/**
 * Resolves with the first non-null value of `probe`, checking now and after each DOM mutation, or null
 * when `timeoutMs` passes or `signal` aborts (the user navigated on). Bounded and event-driven: no
 * polling loop and no fixed delay.
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
      if (every === 0 || document.readyState !== 'loading') return check();
      pending ??= setTimeout(check, Math.max(0, lastCheck + every - performance.now()));
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    if (every > 0 && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
    const timer = setTimeout(() => finish(null), options.timeoutMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls `onChange` at most once per animation frame while the DOM under `root` changes, until `signal`
 * aborts. Timelines mutate constantly; coalescing keeps the cost to one check per frame.
 */
export function watchDom(root: Node, signal: AbortSignal, onChange: () => void): void {
  if (signal.aborted) return;
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (!signal.aborted) onChange();
    });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
