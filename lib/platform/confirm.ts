import { browser } from '#imports';

/** How long the confirmation stays on the toolbar icon. */
const CONFIRM_MS = 4_000;

/**
 * A brief confirmation the user can see: a mark on the toolbar icon for this tab, with the full sentence
 * as the icon's tooltip. (A tab's badge also resets when the tab navigates.)
 */
export async function confirmOnTab(
  tabId: number | undefined,
  kind: 'ok' | 'error',
  message: string,
): Promise<void> {
  if (tabId === undefined) return;
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeBackgroundColor({ tabId, color: kind === 'ok' ? '#1b7f3b' : '#b3261e' });
  await action.setBadgeText({ tabId, text: kind === 'ok' ? '✓' : '!' });
  await action.setTitle({ tabId, title: `Rapport: ${message}` });
  setTimeout(() => {
    // null (not '') clears the tab's own text, so the global count of due prompts shows again.
    // (the polyfill types of browserAction omit null; both browsers accept it.)
    void action.setBadgeText({ tabId, text: null as unknown as string }).catch(() => undefined);
    void action.setTitle({ tabId, title: 'Rapport' }).catch(() => undefined);
  }, CONFIRM_MS);
}
