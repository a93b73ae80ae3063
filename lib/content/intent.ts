// The watcher and the whole content script it starts share the extension's isolated world, which the
// page can neither see nor write: the watcher leaves a mark there when the user pressed on a link to a
// profile, and the whole script takes it when it starts.

const world = globalThis as { rapportProfileIntent?: boolean };

/** The user pressed on a link to a profile: the sidebar should start loading before the page changes. */
export function markProfileIntent(): void {
  world.rapportProfileIntent = true;
}

/** Whether the watcher left that mark; it is taken once. */
export function takeProfileIntent(): boolean {
  const marked = world.rapportProfileIntent === true;
  delete world.rapportProfileIntent;
  return marked;
}
