/**
 * A person's view read before a report names them (the tab's URL did: lib/ui/sidebar-app.tsx), kept for
 * the card that then shows them, which takes it once, at its start. One at a time: a read for someone
 * else replaces it. Used only while fresh, since the report it waits for comes within tens of ms; and
 * dropped on any change to stored data, since the read may predate the change and the card, not there
 * yet, would not hear of it.
 */
export interface ReadAhead<R, V> {
  start(ref: R): void;
  take(ref: R): Promise<V> | undefined;
  drop(): void;
}

export const READ_AHEAD_KEPT_MS = 2_000;

export function createReadAhead<R, V>(
  keyOf: (ref: R) => string,
  read: (ref: R) => Promise<V>,
  now: () => number = () => performance.now(),
): ReadAhead<R, V> {
  let pending: { key: string; view: Promise<V>; at: number } | null = null;
  const fresh = (one: { at: number }) => now() - one.at < READ_AHEAD_KEPT_MS;
  return {
    start(ref) {
      const key = keyOf(ref);
      if (pending?.key === key && fresh(pending)) return;
      const view = read(ref);
      // Whoever takes it handles a failure; one nobody takes must not be reported as unhandled.
      view.catch(() => undefined);
      pending = { key, view, at: now() };
    },
    take(ref) {
      const taken = pending;
      pending = null;
      return taken !== null && taken.key === keyOf(ref) && fresh(taken) ? taken.view : undefined;
    },
    drop() {
      pending = null;
    },
  };
}
