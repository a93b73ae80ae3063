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
    void action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    void action.setTitle({ tabId, title: 'Rapport' }).catch(() => undefined);
  }, CONFIRM_MS);
}
