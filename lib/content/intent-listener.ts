/**
 * How long the pointer rests on a link to a profile before Rapport takes it as the user's intent to open
 * it. Long enough that a pointer crossing a feed full of names on its way elsewhere starts nothing, short
 * enough to leave most of the time a user rests on a link before pressing it.
 */
export const HOVER_INTENT_MS = 80;

/**
 * Calls `onIntent` with the URL of a link to a profile the user is about to open: the pointer resting on
 * it for HOVER_INTENT_MS, a press on it with the main button and no modifier (those open another tab or
 * window), or the keyboard's focus on it. Making the sidebar takes about 150 ms from its frame's
 * insertion to the person's note on this machine (tests/bench/sidebar.ts), so it starts at the first of
 * these, not at the navigation. Only events the browser made count (isTrusted), never one the page's
 * script dispatched. The page can still cause such events (a link moved under a resting pointer, a
 * link's focus() call): that at most starts Rapport's script in the tab and its hidden, empty sidebar a
 * little early, as pointing at the link would.
 */
export function listenForProfileIntent(
  isProfile: (url: string) => boolean,
  onIntent: (url: string) => void,
  signal: AbortSignal,
): void {
  const linkOf = (target: EventTarget | null): HTMLAnchorElement | null => {
    const link = target instanceof Element ? target.closest('a[href]') : null;
    return link instanceof HTMLAnchorElement ? link : null;
  };
  const profileLink = (target: EventTarget | null): HTMLAnchorElement | null => {
    const link = linkOf(target);
    return link && isProfile(link.href) ? link : null;
  };
  const listen = { capture: true, passive: true, signal };

  let resting: { link: HTMLAnchorElement; timer: ReturnType<typeof setTimeout> } | null = null;
  const stopResting = () => {
    if (resting) clearTimeout(resting.timer);
    resting = null;
  };
  signal.addEventListener('abort', stopResting, { once: true });
  document.addEventListener(
    'pointerover',
    (event) => {
      // Touch has no hover: its press is the intent.
      if (!event.isTrusted || event.pointerType === 'touch') return;
      // Runs at every element the pointer enters: moving within the link it rests on parses no URL.
      const link = linkOf(event.target);
      if (link !== null && link === resting?.link) return;
      stopResting();
      if (link && isProfile(link.href))
        resting = { link, timer: setTimeout(() => onIntent(link.href), HOVER_INTENT_MS) };
    },
    listen,
  );
  document.addEventListener(
    'pointerout',
    (event) => {
      if (resting && !(event.relatedTarget instanceof Node && resting.link.contains(event.relatedTarget)))
        stopResting();
    },
    listen,
  );
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted || event.button !== 0) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = profileLink(event.target);
      if (!link) return;
      stopResting();
      onIntent(link.href);
    },
    listen,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const link = event.isTrusted ? profileLink(event.target) : null;
      if (link) onIntent(link.href);
    },
    listen,
  );
}
