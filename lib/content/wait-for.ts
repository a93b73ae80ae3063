/**
 * Resolves with the first non-null value of `probe`, checking now and after each DOM mutation, or null
 * when `timeoutMs` passes or `signal` aborts (the user navigated on). Bounded and event-driven: no
 * polling loop and no fixed delay.
 */
export function waitFor<T>(
  root: Node,
  probe: () => T | null,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<T | null> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve(null);
    const first = probe();
    if (first !== null) return resolve(first);

    let settled = false;
    const finish = (value: T | null) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      const value = probe();
      if (value !== null) finish(value);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
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
