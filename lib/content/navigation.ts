/**
 * Calls `onUrl` with the document's URL now and after every in-app navigation: pushState/replaceState,
 * back/forward, and restores from the back/forward cache. The Navigation API's `currententrychange`
 * fires after the URL has committed (unlike `navigate`, which fires before `location.href` changes);
 * where it is missing (older Firefox), `popstate` covers back/forward and `fallback` (WXT's
 * location watcher) covers pushState.
 */
export function watchUrl(
  onUrl: (url: string, restored: boolean) => void,
  options: { signal: AbortSignal; fallback?: (emit: () => void) => void },
): void {
  let last = '';
  const emit = (restored = false) => {
    const url = location.href;
    if (url === last && !restored) return;
    last = url;
    onUrl(url, restored);
  };
  const listen = { signal: options.signal };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', () => emit(), listen);
  } else {
    window.addEventListener('popstate', () => emit(), listen);
    options.fallback?.(() => emit());
  }
  window.addEventListener(
    'pageshow',
    (event) => {
      // A page restored from the bfcache resumes with its old state while the tab showed other pages:
      // re-announce even if the URL is unchanged.
      if (event.persisted) emit(true);
    },
    listen,
  );
  emit();
}
