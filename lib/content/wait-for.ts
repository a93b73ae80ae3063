export interface WaitForOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /**
   * While the document is still being parsed, check at most this often, and once more when parsing ends.
   * A page load's parser adds nodes in hundreds of batches, and checking each cost a profile's page load
   * about 6 ms of script in a sampled profile (issue #9: at most 30 ms); the sidebar's own frame takes far
   * longer to load than this delay. After parsing (an in-app navigation), see waitFor.
   */
  whileParsingEveryMs?: number;
}

/**
 * How long a check that waits for the next frame waits at most: a hidden tab renders no frames, and the
 * page can navigate while the user looks at another tab.
 */
export const FRAME_CHECK_FALLBACK_MS = 100;

/**
 * Resolves with the first non-null value of `probe`, checking now and after DOM mutations, or null when
 * `timeoutMs` passes or `signal` aborts (the user navigated on). Bounded and event-driven: no polling
 * loop and no fixed delay.
 *
 * Once the document is parsed (an in-app navigation), the changes are checked in the next animation
 * frame's callbacks, once for all of them: a MutationObserver's callback runs at the end of the task that
 * changed the DOM, which is the page's own (its render of the next profile: 20 to 45 ms on the heavy
 * fixtures), and a read there (about 2 ms) made that task longer, sometimes past 50 ms (issue #9: no task
 * over 50 ms caused by Rapport). A task of its own did not do (tried, measured, reverted): the browser
 * rendered the page's change first, and the room the caller makes for the sidebar once the profile is
 * there then cost the page a second layout. The frame's callbacks run before that frame's layout, so the
 * page is still laid out once, at its final width.
 */
export function waitFor<T>(root: Node, probe: () => T | null, options: WaitForOptions): Promise<T | null> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve(null);
    const first = probe();
    if (first !== null) return resolve(first);

    let settled = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    let lastCheck = performance.now();
    const finish = (value: T | null) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      unschedule();
      document.removeEventListener('DOMContentLoaded', check);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    /** Drops the check that is waiting (a timer, a frame, or both): one check covers every change so far. */
    function unschedule() {
      clearTimeout(pending);
      pending = undefined;
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
    }
    function check() {
      if (settled) return;
      unschedule();
      lastCheck = performance.now();
      const value = probe();
      if (value !== null) finish(value);
    }
    const every = options.whileParsingEveryMs ?? 0;
    const observer = new MutationObserver(() => {
      if (every > 0 && document.readyState === 'loading') {
        pending ??= setTimeout(check, Math.max(0, lastCheck + every - performance.now()));
        return;
      }
      frame ??= requestAnimationFrame(check);
      pending ??= setTimeout(check, FRAME_CHECK_FALLBACK_MS);
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
