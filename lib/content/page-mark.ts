// Chrome: whether a site shows Rapport in the page is known from the page load's first moment, not
// from storage. The whole content script needs the site's display mode before it may add anything to the
// page (side panel users' pages stay untouched), and storage.local's answer waits behind the page's own
// parsing, 45 to 145 ms on the sites' heavy pages (issue #9), before the sidebar's frame could start
// loading. So the worker registers a tiny script (entrypoints/page-mark.ts) on the profile pages of each
// site set to show Rapport in the page, and only those (lib/platform/page-marks.ts). It runs at
// document_start, like the whole script, and leaves a mark in the extension's isolated world, which the
// page can neither see nor set. Either script may run first: the mark then calls the one waiting for it.

type Mark = true | (() => void);
const world = globalThis as { rapportShownInPage?: Mark };

/** The registered script: this page load is on a site set to show Rapport in the page. */
export function markShownInPage(): void {
  const waiting = world.rapportShownInPage;
  if (typeof waiting === 'function') {
    delete world.rapportShownInPage;
    waiting();
  } else {
    world.rapportShownInPage = true;
  }
}

/**
 * The whole script, at its start: resolves when the mark is there, now or when the registered script
 * runs; never, on a site set to the side panel, in Firefox (which has no such script) or after the page
 * has loaded (a script run in an open tab, whose mark, if any, is not this script's). `stop` gives up
 * waiting, once storage has answered.
 */
export function pageMarkOf(): { marked: Promise<void>; stop(): void } {
  const mark = world.rapportShownInPage;
  delete world.rapportShownInPage;
  if (document.readyState !== 'loading') return { marked: new Promise(() => undefined), stop: () => {} };
  if (mark === true) return { marked: Promise.resolve(), stop: () => {} };
  let resolve = () => {};
  const marked = new Promise<void>((done) => {
    resolve = done;
  });
  world.rapportShownInPage = resolve;
  return {
    marked,
    stop: () => {
      if (world.rapportShownInPage === resolve) delete world.rapportShownInPage;
    },
  };
}
