/**
 * Calls `onUrl` with the document's URL now and after every in-app navigation: pushState/replaceState,
 * back/forward, and restores from the back/forward cache. The Navigation API's `currententrychange`
 * fires after the URL has committed (unlike `navigate`, which fires before `location.href` changes);
 * where it is missing (older Firefox), `popstate` covers back/forward and `fallback` (WXT's
 * location watcher) covers pushState.
 */
export function watchUrl(
  onUrl: (url: string) => void,
  options: { signal: AbortSignal; fallback?: (emit: () => void) => void },
): void {
  let last = '';
  const emit = () => {
    const url = location.href;
    if (url === last) return;
    last = url;
    onUrl(url);
  };
  const listen = { signal: options.signal };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', emit, listen);
  } else {
    window.addEventListener('popstate', emit, listen);
    options.fallback?.(emit);
  }
  window.addEventListener(
    'pageshow',
    (event) => {
      // A page restored from the bfcache keeps its old state: re-announce even if the URL is unchanged.
      if (event.persisted) {
        last = '';
        emit();
      }
    },
    listen,
  );
  emit();
}
