import { browser } from '#imports';
import { repairSettings, SETTINGS_KEY, type Theme, watchSettings } from '@/lib/settings';

// The theme setting (light, dark or the system's) for every extension page: the options page, the popup,
// the sidebar, the side panel and the chooser. theme.css holds the colours; `data-theme` on the root
// element pins one, and without it the page follows prefers-color-scheme.

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/**
 * Applies the stored theme and follows changes made while the page is open (from the options page in
 * another tab). Read only: repairing stored settings is the options page's and the worker's job.
 */
export function followTheme(signal: AbortSignal = new AbortController().signal): Promise<void> {
  watchSettings((read) => applyTheme(read.settings.theme), signal);
  return browser.storage.local.get(SETTINGS_KEY).then(
    (stored) => applyTheme(repairSettings(stored[SETTINGS_KEY]).settings.theme),
    () => undefined,
  );
}
