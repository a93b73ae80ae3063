import { browser } from '#imports';
import { openBrowserSidePanel, readDisplayMode, readLayout, writeLayout } from './site-preferences';
import type { TabProfiles } from './tab-profiles';

export const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

/**
 * The keyboard shortcut (Alt+Shift+R by default; the browser lets the user change it): on a profile it
 * collapses or opens the in-page sidebar, or opens the side panel on sites set to use it.
 */
export function registerCommands(tabs: TabProfiles): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_SIDEBAR_COMMAND || tab?.id === undefined) return;
    void toggleSidebar(tab.id, tabs).catch((error: unknown) =>
      console.warn('Rapport: shortcut failed', error),
    );
  });
}

/** What the shortcut does in a tab; 'nothing' when the tab shows no profile. */
export async function toggleSidebar(
  tabId: number,
  tabs: TabProfiles,
): Promise<'opened' | 'collapsed' | 'panel' | 'nothing'> {
  const network = (await tabs.get(tabId))?.snapshot?.network;
  if (!network) return 'nothing';
  if ((await readDisplayMode(network)) === 'panel') {
    await openBrowserSidePanel(tabId);
    return 'panel';
  }
  const layout = await readLayout(network);
  await writeLayout(network, { collapsed: !layout.collapsed });
  return layout.collapsed ? 'opened' : 'collapsed';
}
